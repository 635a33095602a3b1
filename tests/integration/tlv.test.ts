import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input, Tlv } from '../../shared/contract/index.js';
import { message } from '../../shared/i18n/index.js';
import { tempCore, type TestCore } from '../helpers/temp-core.js';
import { arrSetup } from './arrangements.fixtures.js';

let t: TestCore;
let dossierId: string;
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`).toString('base64');

beforeEach(async () => {
  t = tempCore({ now: () => new Date('2026-10-05T22:30:00Z') }); // already 6 October in Amsterdam
  dossierId = (await arrSetup(t)).dossier.id;
});
afterEach(() => t.dispose());

const inputOf = (x: Tlv): Input<'tlv:save'>['tlv'] => ({
  type: x.type, kind: x.kind, receivingSchool: x.receivingSchool, category: x.category, periodStart: x.periodStart, periodEnd: x.periodEnd,
  documents: x.documents, parentsView: x.parentsView, consent: x.consent, childView: x.childView, advices: x.advices,
  previousTlvNumber: x.previousTlvNumber, toelichting: x.toelichting,
});

describe('tlv applications', () => {
  it('creates with defaults: today, the next 31 July, the required documents plus extra ones, two empty advices', async () => {
    await t.call('budgets:saveSettings', { ...(await t.call('budgets:settings', {})), extraTlvDocuments: [{ key: 'intelligentieonderzoek', label: 'IQ-onderzoek' }] });
    const x = await t.call('tlv:create', { dossierId });
    expect(x).toMatchObject({ kind: 'eerste_aanvraag', status: 'concept', periodStart: '2026-10-06', periodEnd: '2027-07-31', completeAt: null, decisionDue: null });
    expect(x.requiredDocuments).toEqual(['onderwijskundig_rapport', 'opp', 'ondersteuningshistorie', 'recent_verslag', 'intelligentieonderzoek']);
    expect(x.advices).toHaveLength(2);
    expect(x.missing.length).toBeGreaterThan(0);
  });

  it('refuses to mark incomplete (both advices and missing documents), completes after attachments, submits, decision due', async () => {
    const x = await t.call('tlv:create', { dossierId });
    const env = await t.raw('tlv:markComplete', { id: x.id, baseRevision: x.revision });
    if (env.ok) throw new Error('expected refusal');
    expect(env.error).toMatchObject({ code: 'validation', message: message('errors.tlv_incomplete') });
    const paths = env.error.fields!.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['advices.0.name', 'advices.1.name', 'advices.0.attachmentId', 'advices.1.attachmentId',
      'documents.onderwijskundig_rapport', 'documents.opp', 'documents.ondersteuningshistorie', 'documents.recent_verslag', 'parentsView', 'consent', 'childView']));
    const att = async (n: string) => (await t.call('attachments:add', { ownerType: 'tlv', ownerId: x.id, name: `${n}.pdf`, base64: pdf(n) })).id;
    const advice = async (name: string) => ({ name, discipline: 'Orthopedagoog', date: '2026-09-20', advice: 'SO passend', attachmentId: await att(name) });
    const documents = [];
    for (const key of x.requiredDocuments) documents.push({ key, attachmentIds: [await att(key)], date: '2026-09-01', note: '' });
    // An attachment of another TLV does not count.
    const other = await t.call('tlv:create', { dossierId });
    const foreign = (await t.call('attachments:add', { ownerType: 'tlv', ownerId: other.id, name: 'x.pdf', base64: pdf('x') })).id;
    const saved = await t.call('tlv:save', {
      id: x.id, baseRevision: x.revision,
      tlv: { ...inputOf(x), documents, advices: [await advice('Dr. A'), { ...(await advice('Dr. B')), attachmentId: foreign }],
        parentsView: 'Eens', consent: { besluit: 'instemming', datum: '2026-09-30', byName: 'Ayşe Öztürk' }, childView: 'Ik wil naar de nieuwe school' },
    });
    expect(saved.missing).toEqual([{ path: 'advices.1.attachmentId', key: 'tlv_advice_attachment' }]);
    const fixed = await t.call('tlv:save', { id: x.id, baseRevision: saved.revision, tlv: { ...inputOf(saved), advices: [saved.advices[0], await advice('Dr. B')] } });
    expect((await t.raw('tlv:submit', { id: x.id, baseRevision: fixed.revision })).ok).toBe(false);
    const complete = await t.call('tlv:markComplete', { id: x.id, baseRevision: fixed.revision });
    expect(complete).toMatchObject({ status: 'compleet', missing: [], completeAt: '2026-10-05T22:30:00.000Z', decisionDue: '2026-11-17' });
    const edit = await t.raw('tlv:save', { id: x.id, baseRevision: complete.revision, tlv: inputOf(complete) });
    expect(edit.ok ? null : edit.error).toMatchObject({ code: 'conflict', message: message('errors.tlv_not_concept') });
    const sub = await t.call('tlv:submit', { id: x.id, baseRevision: complete.revision });
    expect(sub).toMatchObject({ status: 'ingediend', submittedAt: '2026-10-05T22:30:00.000Z' });
    const rows = await t.call('tlv:list', { dossierId, status: ['ingediend'] });
    expect(rows).toEqual([expect.objectContaining({ id: x.id, missingCount: 0, decisionDue: '2026-11-17' })]);
    const events = t.core.local!.sqlite.prepare("SELECT count(*) FROM dossier_events WHERE type = 'tlv_submitted' AND ref_id = ?").pluck().get(x.id);
    expect(events).toBe(1);
    const outbox = t.core.local!.sqlite.prepare("SELECT count(*) FROM outbox WHERE entity = 'tlv' AND entity_id = ?").pluck().get(x.id);
    expect(outbox).toBe(5); // create, 2 saves, complete, submit
  });
});
