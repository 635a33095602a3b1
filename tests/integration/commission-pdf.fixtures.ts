// A commission meeting with three cases on a real encrypted database, built through the contract:
// two TLVs (one with two multi-page PDFs, an image, a damaged PDF) and one arrangement. The synthetic
// pupils' names, birth dates and parents' names are written INTO the free texts, so the pseudonymised
// pack is really tested; one text names another pupil of the same meeting.
import { fileURLToPath } from 'node:url';
import { brokenPdf, greyJpeg, markerPdf } from '../../core/pdf/commission-fixtures.js';
import type { Input, Meeting, Tlv } from '../../shared/contract/index.js';
import { arrInput } from './arrangements.fixtures.js';
import { tlvInputOf } from './commission/fixtures.js';
import { multiRole } from '../helpers/roles.js';
import { dossierInput, tempCore, type TestCore } from '../helpers/temp-core.js';

export const FONTS = fileURLToPath(new URL('../../resources/fonts', import.meta.url));
const b64 = (b: Buffer) => b.toString('base64');

export const PUPILS = [
  { voornaam: 'Jorinde', tussenvoegsel: 'van', achternaam: 'Kessel', geboortedatum: '2015-03-04', parents: ['Maarten van Kessel', 'Ilse Brouwer'] },
  { voornaam: 'Tobias', tussenvoegsel: '', achternaam: 'Wijnberg', geboortedatum: '2014-11-21', parents: ['Fatima Wijnberg-Amrani'] },
  { voornaam: 'Mila', tussenvoegsel: '', achternaam: 'Hoekstra', geboortedatum: '2016-06-30', parents: ['Karel Hoekstra'] },
] as const;
export const MARKER = 'BIJLAGEMARKER';

export interface CommissionWorld {
  t: TestCore;
  /** Moves the clock (an instant). */
  at(iso: string): void;
  meeting: Meeting;
  tlvs: Tlv[];
  arrangementId: string;
}

async function makeTlv(t: TestCore, dossierId: string, p: (typeof PUPILS)[number], rich: boolean): Promise<Tlv> {
  const x = await t.call('tlv:create', { dossierId });
  const add = async (name: string, bytes: Buffer) => (await t.call('attachments:add', { ownerType: 'tlv', ownerId: x.id, name, base64: b64(bytes) })).id;
  const pdf = async (name: string, pages: number) => add(name, await markerPdf(`${MARKER}-${name.replace('.pdf', '').toUpperCase()}`, pages, FONTS));
  const docs: Record<string, string> = {
    onderwijskundig_rapport: await pdf('okr.pdf', 2),
    opp: rich ? await add('opp-foto.jpg', greyJpeg(400, 300)) : await pdf('opp.pdf', 1),
    ondersteuningshistorie: await pdf('historie.pdf', 1),
    recent_verslag: rich ? await add('verslag-kapot.pdf', brokenPdf()) : await pdf('verslag.pdf', 1),
  };
  const full = [p.voornaam, p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ');
  const [d, m, y] = [Number(p.geboortedatum.slice(8)), Number(p.geboortedatum.slice(5, 7)), p.geboortedatum.slice(0, 4)];
  const documents = x.requiredDocuments.map((key) => ({
    key, attachmentIds: [docs[key]!], date: '2026-09-01',
    note: key === 'ondersteuningshistorie' ? `Sinds groep 3 krijgt ${p.achternaam} extra hulp; ${p.voornaam} werkt met een weektaak.` : '',
  }));
  const advice = async (name: string, n: number) => ({
    name, discipline: n === 1 ? 'Orthopedagoog' : 'GZ-psycholoog', date: '2026-09-20', attachmentId: await pdf(`advies${n}.pdf`, 1),
    advice: `Wij adviseren SO voor ${full} (geboren ${d}-${m}-${y}). ${p.voornaam.toUpperCase()} heeft een kleine groep nodig.`,
  });
  const saved = await t.call('tlv:save', {
    id: x.id, baseRevision: x.revision,
    tlv: {
      ...tlvInputOf(x), documents, category: 'midden', receivingSchool: 'SO De Brug',
      advices: [await advice('Dr. Anna Verbeek', 1), await advice('Drs. Bram Koster', 2)],
      parentsView: `${p.parents.join(' en ')} steunen de aanvraag voor ${p.voornaam}.`,
      consent: { besluit: 'instemming', datum: '2026-09-30', byName: p.parents[0] },
      childView: `${p.voornaam} zegt: "Ik ben ${p.voornaam} ${p.achternaam} en ik wil naar een rustige klas."`,
      toelichting: `${full}, geboren op ${d} ${['', 'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'][m]} ${y} (${p.geboortedatum}), `
        + `zit in groep 5.${rich ? ` Klasgenoot Tobias Wijnberg heeft een vergelijkbare aanvraag; moeder ${p.parents[1] ?? ''} belde op ${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}.` : ''}`,
      previousTlvNumber: rich ? 'TLV-2024-0007' : '',
    },
  });
  const complete = await t.call('tlv:markComplete', { id: x.id, baseRevision: saved.revision });
  return t.call('tlv:submit', { id: x.id, baseRevision: complete.revision });
}

export async function commissionWorld(): Promise<CommissionWorld> {
  let now = new Date('2026-10-06T08:00:00Z');
  // The secretary's commission work over casework made by a consultant on the same local database.
  const t = multiRole(tempCore({ now: () => now }));
  await t.call('setup:complete', { name: 'Sanne Secretaris', role: 'secretaris', associationName: 'SWV Duinstreek' });
  // Arrangements take their consent from an MDO; this world does not make one.
  const s = await t.call('commission:settings', {});
  await t.call('commission:saveSettings', { ...s, rules: { ...s.rules, requireConsent: false },
    bezwaar: { instantie: 'Landelijke Bezwaaradviescommissie Passend Onderwijs', adres: 'Postbus 85191, 3508 AD Utrecht', weeks: 6 } });
  const wg = await t.call('werkgebieden:save', { name: 'Werkgebied Kust' });
  const school = await t.call('schools:save', { name: 'OBS De Regenboog', brin: '12AB', place: 'Alkmaar', werkgebiedId: wg.id });
  await t.call('budgets:setAllocation', { werkgebiedId: wg.id, year: '2026-2027', allocatedCents: 10_000_000 });
  const dossiers = [];
  for (const p of PUPILS) {
    dossiers.push(await t.call('dossiers:create', dossierInput(school.id, {
      voornaam: p.voornaam, tussenvoegsel: p.tussenvoegsel, achternaam: p.achternaam, geboortedatum: p.geboortedatum,
      parents: p.parents.map((name) => ({ name, relation: 'ouder' as const, gezag: true, phone: '', email: '' })),
      involved: [{ role: 'leerkracht', name: 'Petra Lindqvist', organisation: '' }],
    })));
  }
  const tlvs = [await makeTlv(t, dossiers[0]!.id, PUPILS[0], true), await makeTlv(t, dossiers[1]!.id, PUPILS[1], false)];
  const mila = PUPILS[2];
  const input: Input<'arrangements:create'>['arrangement'] = arrInput({ werkgebiedId: wg.id, schoolId: school.id, dossierId: dossiers[2]!.id }, {
    title: `Leesondersteuning ${mila.voornaam} ${mila.achternaam}`,
    ondersteuningsvraag: `Hoe leert ${mila.voornaam} (30-6-2016) vloeiend lezen?`,
    goals: [{ wat: `${mila.voornaam} leest AVI E4`, resultaat: 'Toets in juni', wanneer: '2027-06-01' }],
    parentsView: `${mila.parents[0]} is blij met de hulp.`, childView: 'Ik wil zelf boeken lezen.',
  });
  const a = await t.call('arrangements:create', { arrangement: input });
  await t.call('attachments:add', { ownerType: 'arrangement', ownerId: a.id, name: 'leesplan-hoekstra.jpg', base64: b64(greyJpeg(300, 500)) });
  await t.call('arrangements:transition', { id: a.id, baseRevision: a.revision, to: 'ingediend', note: '' });

  let m = await t.call('commission:createMeeting', { meeting: {
    datum: '2026-10-13', tijd: '09:30', locatie: 'Kantoor SWV, Alkmaar', online: false, link: '',
    members: [{ name: 'Mr. Voorzitter', role: 'voorzitter' }, { name: 'Sanne Secretaris', role: 'secretaris' }],
  } });
  for (const s of [{ type: 'tlv' as const, id: tlvs[0]!.id }, { type: 'tlv' as const, id: tlvs[1]!.id }, { type: 'arrangement' as const, id: a.id }]) {
    m = await t.call('commission:addItem', { meetingId: m.id, baseRevision: m.revision, subjectType: s.type, subjectId: s.id });
  }
  m = await t.call('commission:saveItem', {
    meetingId: m.id, baseRevision: m.revision, itemId: m.items[0]!.id, minutes: 20,
    guests: [{ name: 'Ilse Brouwer', kind: 'ouders', note: '' }, { name: 'Petra Lindqvist', kind: 'school', note: '' }],
    checks: { ontvankelijk: true, volledig: true, navolgbaar: false },
  });
  return { t, at: (iso) => (now = new Date(iso)), meeting: m, tlvs, arrangementId: a.id };
}
