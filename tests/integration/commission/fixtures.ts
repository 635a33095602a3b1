// Shared set-up of the commission tests: a core with a movable clock, complete submitted TLVs and
// arrangements, and a meeting input.
import type { Input, Meeting, Tlv } from '../../../shared/contract/index.js';
import { multiRole } from '../../helpers/roles.js';
import { tempCore, type TestCore } from '../../helpers/temp-core.js';
import { arrInput, arrSetup } from '../arrangements.fixtures.js';

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`).toString('base64');

export interface World {
  t: TestCore;
  /** Moves the clock (an instant). */
  at(iso: string): void;
  ids: { werkgebiedId: string; schoolId: string; dossierId: string };
}

/** Starts on 6 October 2026 in Amsterdam. */
export async function world(): Promise<World> {
  let now = new Date('2026-10-06T08:00:00Z');
  // The consultant's casework and the secretary's commission work on one local database.
  const t = multiRole(tempCore({ now: () => now }));
  const s = await arrSetup(t);
  return { t, at: (iso) => (now = new Date(iso)), ids: { werkgebiedId: s.werkgebiedId, schoolId: s.schoolId, dossierId: s.dossier.id } };
}

export const tlvInputOf = (x: Tlv): Input<'tlv:save'>['tlv'] => ({
  type: x.type, kind: x.kind, receivingSchool: x.receivingSchool, category: x.category, periodStart: x.periodStart, periodEnd: x.periodEnd,
  documents: x.documents, parentsView: x.parentsView, consent: x.consent, childView: x.childView, advices: x.advices,
  previousTlvNumber: x.previousTlvNumber, toelichting: x.toelichting,
});

/** A complete TLV (OPP dated `oppDate`), submitted. */
export async function submittedTlv(w: World, opts: { oppDate?: string; dossierId?: string } = {}): Promise<Tlv> {
  const { t } = w;
  const x = await t.call('tlv:create', { dossierId: opts.dossierId ?? w.ids.dossierId });
  const att = async (n: string) => (await t.call('attachments:add', { ownerType: 'tlv', ownerId: x.id, name: `${n}.pdf`, base64: pdf(n) })).id;
  const advice = async (name: string) => ({ name, discipline: 'Orthopedagoog', date: '2026-09-20', advice: 'SO passend', attachmentId: await att(name) });
  const documents = [];
  for (const key of x.requiredDocuments) {
    documents.push({ key, attachmentIds: [await att(key)], date: key === 'opp' ? (opts.oppDate ?? '2026-09-01') : '2026-09-01', note: '' });
  }
  const saved = await t.call('tlv:save', {
    id: x.id, baseRevision: x.revision,
    tlv: { ...tlvInputOf(x), documents, advices: [await advice('Dr. A'), await advice('Dr. B')], parentsView: 'Eens',
      consent: { besluit: 'instemming', datum: '2026-09-30', byName: 'Ayşe Öztürk' }, childView: 'Ik wil naar de nieuwe school' },
  });
  const complete = await t.call('tlv:markComplete', { id: x.id, baseRevision: saved.revision });
  return t.call('tlv:submit', { id: x.id, baseRevision: complete.revision });
}

/** A submitted arrangement with a question, goals and inzet (and the views unless overridden). */
export async function submittedArrangement(w: World, over: Parameters<typeof arrInput>[1] = {}) {
  const a = await w.t.call('arrangements:create', {
    arrangement: arrInput(w.ids, {
      ondersteuningsvraag: 'Hoe leert Eefje vloeiend lezen?', goals: [{ wat: 'Leest AVI E4', resultaat: '', wanneer: '' }],
      parentsView: 'Ouders steunen het plan.', childView: 'Ik wil beter lezen.', ...over,
    }),
  });
  return w.t.call('arrangements:transition', { id: a.id, baseRevision: a.revision, to: 'ingediend', note: '' });
}

/** Arrangements get their consent from a finalised MDO; the tests that do not need it switch the rule off. */
export async function withoutConsentRule(w: World) {
  const s = await w.t.call('commission:settings', {});
  await w.t.call('commission:saveSettings', { ...s, rules: { ...s.rules, requireConsent: false } });
}

export const meetingInput = (over: Partial<Input<'commission:createMeeting'>['meeting']> = {}): Input<'commission:createMeeting'>['meeting'] => ({
  datum: '2026-11-03', tijd: '09:30', locatie: 'Kantoor SWV', online: false, link: '',
  members: [{ name: 'Mr. Voorzitter', role: 'voorzitter' }, { name: 'Sec Retaris', role: 'secretaris' }], ...over,
});

export async function meetingWith(w: World, subjects: { type: 'tlv' | 'arrangement'; id: string }[], over: Parameters<typeof meetingInput>[0] = {}): Promise<Meeting> {
  let m = await w.t.call('commission:createMeeting', { meeting: meetingInput(over) });
  for (const s of subjects) {
    m = await w.t.call('commission:addItem', { meetingId: m.id, baseRevision: m.revision, subjectType: s.type, subjectId: s.id });
  }
  return m;
}

/** The error envelope of a call that must fail. */
export async function refused(t: TestCore, m: string, input: unknown) {
  const env = await t.raw(m, input);
  if (env.ok) throw new Error(`${m} was expected to fail`);
  return env.error;
}
