// Small, fixed test data with ids the contract's UUID check accepts.
import type { Dossier, Kindgesprek, Mdo, School } from '../../../shared/contract/index.js';

export const id = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;

export const WG_ID = id(900);
export const SCHOOL_ID = id(1);
export const OTHER_SCHOOL_ID = id(2);
export const USER_ID = id(500);

export const schools: School[] = [
  { id: SCHOOL_ID, name: 'De Regenboog', brin: '12AB', place: 'Alkmaar', werkgebiedId: WG_ID, werkgebiedName: 'Alkmaar-Noord', dossierCount: 3 },
  { id: OTHER_SCHOOL_ID, name: 'Het Kompas', brin: '34CD', place: 'Heiloo', werkgebiedId: WG_ID, werkgebiedName: 'Alkmaar-Noord', dossierCount: 0 },
];

export const users = [{ id: USER_ID, name: 'Ilse Consulent', role: 'consulent' as const }];

export function makeDossier(patch: Partial<Dossier> = {}): Dossier {
  return {
    id: id(100),
    voornaam: 'Sanne',
    tussenvoegsel: 'de',
    achternaam: 'Vries',
    geboortedatum: '2016-03-04',
    groep: 'g4',
    schoolId: SCHOOL_ID,
    schoolName: 'De Regenboog',
    werkgebiedId: WG_ID,
    werkgebiedName: 'Alkmaar-Noord',
    consulentId: null,
    niveau: 2,
    status: 'lopend',
    notes: '',
    parents: [],
    involved: [],
    createdAt: '2024-05-01T08:00:00.000Z',
    updatedAt: '2024-05-01T08:00:00.000Z',
    closedAt: null,
    version: 3,
    timeline: [
      { id: id(700), at: '2024-05-01T08:00:00.000Z', type: 'created', actorName: 'Ilse Consulent', fields: [], refId: null },
    ],
    ...patch,
  };
}

export const MDO_ID = id(200);
export const KG_ID = id(300);
export const PARENT_ID = id(40);

export function makeMdo(patch: Partial<Mdo> = {}): Mdo {
  const factors = { kind: '', school: '', thuis: '' };
  const base: Mdo = {
    id: MDO_ID, dossierId: id(100), version: 1, revision: 5, status: 'concept',
    datum: '2024-06-01', tijd: '', locatie: '', agenda: [], attendees: [], kindAanwezig: 'niet', kindInbreng: 'kindgesprek',
    kindInbrengToelichting: '', ondersteuningsvraagSchool: '', ondersteuningsvraagOuders: '', ondersteuningsvraagKind: '',
    watGaatGoed: '', zorgen: '', stimulerend: factors, belemmerend: { ...factors }, onderwijsbehoeften: '',
    ondersteuningsbehoefteLeerkracht: '', crucialeDoelen: '', afspraken: [], regiehouder: '', visieOuders: '',
    kindgesprekId: null, stemVanHetKind: '', wegingKindvisie: '', evaluatiedatum: '', consent: [], correctieReden: '',
    supersededBy: null, vastgesteldAt: null, vastgesteldByName: null,
    createdAt: '2024-06-01T08:00:00.000Z', updatedAt: '2024-06-01T08:00:00.000Z', versions: [],
  };
  const m = { ...base, ...patch };
  return { ...m, versions: patch.versions ?? [{ id: m.id, version: m.version, status: m.status, vastgesteldAt: m.vastgesteldAt, correctieReden: m.correctieReden }] };
}

export function makeKindgesprek(patch: Partial<Kindgesprek> = {}): Kindgesprek {
  return {
    id: KG_ID, dossierId: id(100), status: 'concept', revision: 2, datum: '2024-06-01', leeftijd: 'g5_8', topics: [],
    observaties: '', delenMetOuders: false, delenMetSchool: false, delenToelichting: '', samenvatting: '', afgerondAt: null,
    createdAt: '2024-06-01T08:00:00.000Z', updatedAt: '2024-06-01T08:00:00.000Z',
    ...patch,
  };
}
