// Synthetic test data for the PDF documents (no real children). Names carry ı/ş/ö/ë on purpose:
// the standard PDF fonts cannot show them, the embedded DejaVu can.
import { fileURLToPath } from 'node:url';
import { KG_TOPICS } from '../../shared/domain/mdo.js';
import type { Action, Dossier, Kindgesprek, Mdo } from '../../shared/contract/index.js';
import type { PdfContext } from './types.js';

export const id = (n: number): string => `0190a5b2-0000-7000-8000-${String(n).padStart(12, '0')}`;

export const PUPIL = { voornaam: 'Noëlle', tussenvoegsel: '', achternaam: 'Yılmaz' } as const;
/** Appears only in the consultant's observations: the child's version must never contain it. */
export const OBSERVATION_MARKER = 'Observatiekenmerk-QX7';

export function pdfContext(): PdfContext {
  return {
    associationName: 'Samenwerkingsverband Passend Onderwijs Duinstreek',
    generatedAt: new Date('2026-11-20T13:45:00Z'),
    fontsDir: fileURLToPath(new URL('../../resources/fonts', import.meta.url)),
  };
}

/** `n` Dutch sentences, cycling through a small stock: long, realistic-looking text. */
export function prose(n: number, topic: string): string {
  const stock = [
    `Bij ${topic} zien we dat Noëlle meer rust nodig heeft dan haar klasgenoten.`,
    'In de ochtend lukt het beter dan in de middag, vooral na de gymles.',
    'De leerkracht gebruikt een time-timer en een vaste plek bij het raam.',
    'Thuis wordt hetzelfde dagritme aangehouden; dat helpt volgens moeder duidelijk.',
    'Het lezen gaat vooruit (AVI E5), rekenen met breuken blijft lastig.',
    'Met Şenay en Jörgen speelt ze graag samen in de pauze.',
  ];
  return Array.from({ length: n }, (_, i) => stock[i % stock.length]).join(' ');
}

/** Whole sentences up to `max` characters (a field at the contract's 20,000 limit). */
export function longText(max: number, topic: string): string {
  const all = prose(Math.ceil(max / 40), topic);
  return all.slice(0, all.lastIndexOf('.', max - 1) + 1);
}

export function makeDossier(): Dossier {
  return {
    id: id(1),
    ...PUPIL,
    geboortedatum: '2016-03-04',
    groep: 'g6',
    schoolId: id(2),
    schoolName: 'Openbare Basisschool De Zeester',
    werkgebiedId: id(3),
    werkgebiedName: 'Werkgebied Kust',
    consulentId: id(4),
    niveau: 2,
    status: 'lopend',
    notes: '',
    parents: [
      { id: id(10), name: 'Ayşe Yılmaz', relation: 'moeder', gezag: true, phone: '', email: '' },
      { id: id(11), name: 'Jörg Şahin', relation: 'vader', gezag: true, phone: '', email: '' },
    ],
    involved: [],
    createdAt: '2026-09-01T08:00:00Z',
    updatedAt: '2026-11-01T08:00:00Z',
    closedAt: null,
    version: 3,
    timeline: [],
  };
}

const WIE = ['Daan de Wit', 'Gülşen Öztürk', 'Ayşe Yılmaz', 'Mariëlle Jansen', 'Jörg Şahin'];

/** The i-th afspraak's text: a unique code first so tests can find each one; every fifth is long. */
export function afspraakWat(i: number): string {
  const code = `Afspraak-${String(i + 1).padStart(2, '0')}`;
  const long = i % 5 === 2 ? ` ${prose(4, 'de overgang naar groep 7')}` : '';
  return `${code}: Noëlle krijgt bij rekenen een eigen instructiemoment aan de instructietafel.${long}`;
}

export function makeMdo(over: Partial<Mdo> = {}): Mdo {
  const attendees = [
    { name: 'Ayşe Yılmaz', role: 'ouder', parentId: id(10) },
    { name: 'Jörg Şahin', role: 'ouder', parentId: id(11) },
    { name: 'Daan de Wit', role: 'leerkracht' },
    { name: 'Gülşen Öztürk', role: 'ib' },
    { name: 'Mariëlle Jansen', role: 'consulent' },
    { name: 'Ilse Brouwer', role: 'anders', roleOther: 'Logopedist' },
  ] as const;
  return {
    id: id(100),
    dossierId: id(1),
    datum: '2026-11-12',
    tijd: '14:30',
    locatie: 'OBS De Zeester, kamer van de IB’er',
    agenda: [
      'Opening en kennismaking',
      'Wat gaat goed en wat zijn de zorgen?',
      'Terugblik op de afspraken van het vorige MDO',
      'De stem van Noëlle: het kindgesprek',
      'Nieuwe afspraken en evaluatiedatum',
    ],
    attendees: attendees.map((a, i) => ({
      id: id(200 + i),
      name: a.name,
      role: a.role,
      roleOther: 'roleOther' in a ? a.roleOther : '',
      parentId: 'parentId' in a ? a.parentId : null,
      involvedId: null,
      present: i !== 5,
    })),
    kindAanwezig: 'deels',
    kindInbreng: 'kindgesprek',
    kindInbrengToelichting: 'Noëlle was bij het eerste deel en vertelde zelf over haar tekeningen.',
    ondersteuningsvraagSchool: prose(12, 'rekenen'),
    ondersteuningsvraagOuders: prose(8, 'huiswerk'),
    ondersteuningsvraagKind: 'Ik wil dat het in de klas wat stiller is als ik moet rekenen.',
    watGaatGoed: prose(14, 'lezen'),
    zorgen: prose(18, 'de werkhouding'),
    stimulerend: { kind: prose(5, 'tekenen'), school: prose(5, 'de klas'), thuis: prose(4, 'thuis') },
    belemmerend: { kind: prose(5, 'concentratie'), school: '', thuis: prose(3, 'slapen') },
    onderwijsbehoeften: prose(20, 'instructie'),
    ondersteuningsbehoefteLeerkracht: prose(10, 'klassenmanagement'),
    crucialeDoelen: prose(9, 'doelen'),
    afspraken: Array.from({ length: 30 }, (_, i) => ({
      id: id(300 + i),
      wat: afspraakWat(i),
      wie: WIE[i % WIE.length] ?? '',
      wanneer: i % 7 === 6 ? '' : `2027-0${1 + (i % 6)}-${String(10 + (i % 18)).padStart(2, '0')}`,
    })),
    regiehouder: 'Gülşen Öztürk',
    visieOuders: prose(16, 'de thuissituatie'),
    kindgesprekId: id(500),
    stemVanHetKind: 'Noëlle vertelt dat tekenen en lezen goed gaan en dat rekenen moeilijk is als het druk is in de klas.',
    wegingKindvisie: 'Haar wens voor een rustige werkplek is overgenomen in afspraak 1 en 4.',
    evaluatiedatum: '2027-03-15',
    version: 1,
    revision: 12,
    status: 'vastgesteld',
    consent: [
      { parentId: id(10), parentName: 'Ayşe Yılmaz', besluit: 'instemming', datum: '2026-11-12', wijze: 'mondeling_mdo', recordedAt: '2026-11-12T15:40:00Z' },
      { parentId: id(11), parentName: 'Jörg Şahin', besluit: 'geen_instemming', datum: '2026-11-14', wijze: 'schriftelijk', recordedAt: '2026-11-14T09:00:00Z' },
    ],
    correctieReden: '',
    supersededBy: null,
    vastgesteldAt: '2026-11-14T09:05:00Z',
    vastgesteldByName: 'Mariëlle Jansen',
    createdAt: '2026-11-01T08:00:00Z',
    updatedAt: '2026-11-14T09:05:00Z',
    versions: [],
    ...over,
  };
}

export function makeKindgesprek(over: Partial<Kindgesprek> = {}): Kindgesprek {
  const words: Record<string, string> = {
    gaat_goed: 'Tekenen gaat goed en ik mag soms de plantjes water geven.',
    moeilijk: 'Breuken snap ik niet en dan ga ik zweten, echt waar.',
    helpt: 'Juf Daan helpt als ze naast me komt zitten. Een koptelefoon helpt ook.',
    trots: 'Dat ik een heel boek van Şenay heb uitgelezen!',
    leren: 'Ik wil beter worden in klokkijken.',
    volwassenen_weten: 'Dat ik niet stout ben als ik wiebel, ik moet gewoon bewegen.',
    plan: '',
  };
  const SMILEYS: Record<string, number> = { gaat_goed: 5, moeilijk: 2, helpt: 4, trots: 5, leren: 3, volwassenen_weten: 1 };
  return {
    id: id(500),
    dossierId: id(1),
    datum: '2026-11-05',
    leeftijd: 'g5_8',
    topics: KG_TOPICS.map((topic, i) => ({
      topic,
      // The last topic is left open to show that unanswered topics are skipped.
      smiley: SMILEYS[topic] ?? null,
      nu: topic === 'plan' ? null : 2 + (i % 6),
      doel: topic === 'plan' ? null : 6 + (i % 4),
      woorden: words[topic] ?? '',
    })),
    observaties: `${OBSERVATION_MARKER}: Noëlle keek vaak naar het raam en werd onrustig bij het onderwerp rekenen. ${prose(6, 'het gesprek')}`,
    delenMetOuders: true,
    delenMetSchool: false,
    delenToelichting: 'Noëlle wil zelf aan de juf vertellen wat helpt.',
    samenvatting: 'Noëlle voelt zich veilig in de klas, vindt rekenen lastig en wil een rustige plek met koptelefoon.',
    status: 'afgerond',
    revision: 4,
    afgerondAt: '2026-11-05T11:00:00Z',
    createdAt: '2026-11-05T10:00:00Z',
    updatedAt: '2026-11-05T11:00:00Z',
    ...over,
  };
}

export function makePreviousActions(): Action[] {
  const statuses = ['open', 'gedaan', 'vervallen'] as const;
  return Array.from({ length: 6 }, (_, i) => ({
    id: id(600 + i),
    mdoId: id(90),
    mdoDatum: '2026-05-20',
    wat: `Vorige-${i + 1}: ${i === 2 ? prose(3, 'de leesbegeleiding') : 'Wekelijks een kort gesprek met de IB’er over het plan.'}`,
    wie: WIE[i % WIE.length] ?? '',
    wanneer: `2026-0${6 + (i % 3)}-01`,
    status: statuses[i % 3] ?? 'open',
    updatedAt: '2026-10-01T08:00:00Z',
  }));
}
