// Small, fixed test data with ids the contract's UUID check accepts.
import type { Dossier, School } from '../../../shared/contract/index.js';

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
      { id: id(700), at: '2024-05-01T08:00:00.000Z', type: 'created', actorName: 'Ilse Consulent', fields: [] },
    ],
    ...patch,
  };
}
