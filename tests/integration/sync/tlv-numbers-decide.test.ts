// Contract level: two secretaries each decide a TLV toegekend while offline; after both have synced,
// every app shows two different TLV numbers, both from the blocks the store reserved for them.
import { describe, expect, it } from 'vitest';
import type { Tlv } from '../../../shared/contract/index.js';
import { addDays } from '../../../shared/domain/calendar.js';
import { todayInAmsterdam } from '../../../shared/domain/validation.js';
import { dossierInput } from '../../helpers/temp-core.js';
import { tlvInputOf } from '../commission/fixtures.js';
import type { UserScopeInput } from '../../../server/store-api.js';
import type { App } from './harness.js';
import { useSyncWorld } from './harness.js';

const world = useSyncWorld();
const SECRETARIS: UserScopeInput = { role: 'secretaris', werkgebiedIds: [], schoolId: null };
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`).toString('base64');

/** A complete TLV, submitted by the consulent (as the commission fixtures do, over a synced app). */
async function submittedTlv(app: App, dossierId: string): Promise<Tlv> {
  const x = await app.call('tlv:create', { dossierId });
  const att = async (n: string) => (await app.call('attachments:add', { ownerType: 'tlv', ownerId: x.id, name: `${n}.pdf`, base64: pdf(n) })).id;
  const advice = async (name: string) => ({ name, discipline: 'Orthopedagoog', date: '2026-09-20', advice: 'SO passend', attachmentId: await att(name) });
  const documents = [];
  for (const key of x.requiredDocuments) documents.push({ key, attachmentIds: [await att(key)], date: '2026-09-01', note: '' });
  const saved = await app.call('tlv:save', {
    id: x.id, baseRevision: x.revision,
    tlv: { ...tlvInputOf(x), documents, advices: [await advice('Dr. A'), await advice('Dr. B')], parentsView: 'Eens',
      consent: { besluit: 'instemming', datum: '2026-09-30', byName: 'Ayşe Öztürk' }, childView: 'Ik wil naar de nieuwe school' },
  });
  const complete = await app.call('tlv:markComplete', { id: x.id, baseRevision: saved.revision });
  return app.call('tlv:submit', { id: x.id, baseRevision: complete.revision });
}

/** Puts the TLV on a new meeting of today and grants it. */
async function grant(app: App, tlvId: string): Promise<string> {
  const datum = todayInAmsterdam(new Date());
  let m = await app.call('commission:createMeeting', {
    meeting: { datum, tijd: '09:30', locatie: 'Kantoor SWV', online: false, link: '', members: [{ name: 'Mr. Voorzitter', role: 'voorzitter' }] },
  });
  m = await app.call('commission:addItem', { meetingId: m.id, baseRevision: m.revision, subjectType: 'tlv', subjectId: tlvId });
  m = await app.call('commission:decide', {
    meetingId: m.id, baseRevision: m.revision, itemId: m.items[0]!.id,
    decision: { decision: 'toegekend', category: 'midden', startDate: datum, endDate: addDays(datum, 200), conditions: '' },
  });
  return m.items[0]!.decision!.tlvNumber;
}

describe('TLV numbers decided offline', () => {
  it('two offline secretaries grant TLVs: the numbers differ on every app after syncing', async () => {
    const w = await world();
    const anna = await w.consulent('Anna', 'noord');
    const d = await anna.call('dossiers:create', dossierInput(w.schools.noord));
    const t1 = await submittedTlv(anna, d.id);
    const t2 = await submittedTlv(anna, d.id);
    await anna.sync();
    const a = await w.app('Sanne', SECRETARIS);
    const b = await w.app('Joost', SECRETARIS);

    a.faults.offline = true;
    b.faults.offline = true;
    const n1 = await grant(a, t1.id);
    const n2 = await grant(b, t2.id);
    expect(n1).toMatch(/^TLV-\d{4}-\d{4}$/);
    expect(n2).toMatch(/^TLV-\d{4}-\d{4}$/);
    expect(n1).not.toBe(n2);

    a.faults.offline = false;
    b.faults.offline = false;
    await a.sync();
    await b.sync();
    await a.sync();
    await anna.sync();
    for (const app of [a, b, anna]) {
      const numbers = [(await app.call('tlv:get', { id: t1.id })).tlvNumber, (await app.call('tlv:get', { id: t2.id })).tlvNumber];
      expect(numbers).toEqual([n1, n2]);
    }
  });
});
