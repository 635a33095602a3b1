import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Meeting } from '../../../shared/contract/index.js';
import { message } from '../../../shared/i18n/index.js';
import { meetingInput, meetingWith, refused, submittedArrangement, submittedTlv, withoutConsentRule, world, type World } from './fixtures.js';

let w: World;
beforeEach(async () => {
  w = await world();
  await withoutConsentRule(w);
});
afterEach(() => w.t.dispose());

const grant = { decision: 'toegekend', category: 'midden', startDate: '2026-11-04', endDate: '2027-07-31', conditions: 'Evaluatie na een half jaar.' } as const;
const decide = (m: Meeting, i: number, decision: unknown) =>
  w.t.call('commission:decide', { meetingId: m.id, baseRevision: m.revision, itemId: m.items[i]!.id, decision: decision as typeof grant });

describe('commission decisions', () => {
  it('grants TLVs with sequential numbers of the meeting year, and carries status, period and category', async () => {
    const a = await submittedTlv(w);
    const b = await submittedTlv(w);
    let m = await meetingWith(w, [{ type: 'tlv', id: a.id }, { type: 'tlv', id: b.id }]);
    const wrong = await refused(w.t, 'commission:decide', { meetingId: m.id, baseRevision: m.revision, itemId: m.items[0]!.id, decision: { ...grant, category: 'extra' } });
    expect(wrong).toMatchObject({ code: 'validation', fields: [{ path: 'decision.category', key: 'choose_option' }] });
    m = await decide(m, 0, grant);
    m = await decide(m, 1, { ...grant, category: 'hoog' });
    expect(m.items.map((i) => i.decision?.tlvNumber)).toEqual(['TLV-2026-0001', 'TLV-2026-0002']);
    expect(m.items[0]!.decision).toMatchObject({ decision: 'toegekend', datum: '2026-11-03', decidedByName: 'Consulent Test', category: 'midden', reasons: '', needed: '' });
    const x = await w.t.call('tlv:get', { id: a.id });
    expect(x).toMatchObject({ status: 'toegekend', tlvNumber: 'TLV-2026-0001', category: 'midden', periodStart: '2026-11-04', periodEnd: '2027-07-31' });
    expect(x.commissionDecision).toEqual(m.items[0]!.decision);
    // Final: not again, and the case left the inbox.
    expect(await refused(w.t, 'commission:decide', { meetingId: m.id, baseRevision: m.revision, itemId: m.items[0]!.id, decision: grant }))
      .toMatchObject({ code: 'conflict', message: message('errors.commission_decided') });
    expect(await w.t.call('commission:inbox', {})).toEqual([]);
    const sqlite = w.t.core.local!.sqlite;
    expect(sqlite.prepare("SELECT count(*) FROM dossier_events WHERE type = 'tlv_decided'").pluck().get()).toBe(2);
    const outbox = (entity: string) => sqlite.prepare('SELECT count(*) FROM outbox WHERE entity = ?').pluck().get(entity) as number;
    for (const e of ['commission_meeting', 'commission_item', 'tlv']) expect(outbox(e)).toBeGreaterThan(0);
    const itemRow = sqlite.prepare("SELECT data FROM outbox WHERE entity = 'commission_item' ORDER BY rowid DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(itemRow)).toMatchObject({ decision: expect.anything() });
  });

  it('rejects an arrangement, and a granted one counts in the werkgebied budget', async () => {
    const rejected = await submittedArrangement(w);
    const granted = await submittedArrangement(w);
    let m = await meetingWith(w, [{ type: 'arrangement', id: rejected.id }, { type: 'arrangement', id: granted.id }]);
    const committed = async () => (await w.t.call('budgets:list', { year: '2026-2027' })).werkgebieden.find((x) => x.werkgebiedId === w.ids.werkgebiedId)!.committedCents;
    expect(await committed()).toBe(0);
    m = await decide(m, 0, { decision: 'afgewezen', reasons: 'Basisondersteuning volstaat.' });
    const r = await w.t.call('arrangements:get', { id: rejected.id });
    expect(r).toMatchObject({ status: 'afgewezen', commissionDecision: { decision: 'afgewezen', reasons: 'Basisondersteuning volstaat.', tlvNumber: '' } });
    expect(r.history.at(-1)).toMatchObject({ from: 'ingediend', to: 'afgewezen', reason: 'Basisondersteuning volstaat.', byName: 'Consulent Test' });
    m = await decide(m, 1, { ...grant, category: '', startDate: '2026-11-04', endDate: '2027-06-30' });
    const g = await w.t.call('arrangements:get', { id: granted.id });
    expect(g).toMatchObject({ status: 'toegekend', startDate: '2026-11-04', endDate: '2027-06-30', decision: { decidedAt: '2026-11-03' } });
    expect(g.commissionDecision).toMatchObject({ decision: 'toegekend', category: '', tlvNumber: '' });
    expect(await committed()).toBe(g.totalCents);
    expect(m.items.every((i) => i.decision)).toBe(true);
  });

  it('holds a case (aangehouden) and decides it on a later meeting', async () => {
    const tlv = await submittedTlv(w);
    let first = await meetingWith(w, [{ type: 'tlv', id: tlv.id }]);
    first = await decide(first, 0, { decision: 'aangehouden', needed: 'Advies jeugdarts.' });
    expect((await w.t.call('tlv:get', { id: tlv.id })).status).toBe('aangehouden');
    // Held: back in the inbox, not on an open agenda.
    expect(await w.t.call('commission:inbox', {})).toEqual([expect.objectContaining({ subjectId: tlv.id, status: 'aangehouden', meetingId: null })]);
    let later = await meetingWith(w, [{ type: 'tlv', id: tlv.id }], { datum: '2026-12-01' });
    later = await decide(later, 0, grant);
    expect(later.items[0]!.decision).toMatchObject({ decision: 'toegekend', datum: '2026-12-01', tlvNumber: 'TLV-2026-0001' });
    expect(await w.t.call('tlv:get', { id: tlv.id })).toMatchObject({ status: 'toegekend', tlvNumber: 'TLV-2026-0001' });
    // The hold on the first meeting stays as it was.
    expect((await w.t.call('commission:meeting', { id: first.id })).items[0]!.decision).toMatchObject({ decision: 'aangehouden', needed: 'Advies jeugdarts.' });
  });

  it('on a linked device without a reserved block: tlv_numbers_exhausted and nothing written', async () => {
    const tlv = await submittedTlv(w);
    const m = await meetingWith(w, [{ type: 'tlv', id: tlv.id }]);
    const sqlite = w.t.core.local!.sqlite;
    sqlite.prepare("INSERT INTO settings (key, value) VALUES ('sync.device', ?)").run(JSON.stringify({
      storeUrl: 'https://store.example', token: 't', deviceId: 'd', deviceName: 'Laptop', userId: 'u', associationId: 'a', associationName: 'SWV Test', insecure: false,
    }));
    const outboxBefore = sqlite.prepare("SELECT count(*) FROM outbox WHERE entity <> 'audit_event'").pluck().get();
    const err = await refused(w.t, 'commission:decide', { meetingId: m.id, baseRevision: m.revision, itemId: m.items[0]!.id, decision: grant });
    expect(err).toMatchObject({ code: 'conflict', message: message('errors.tlv_numbers_exhausted') });
    expect(await w.t.call('tlv:get', { id: tlv.id })).toMatchObject({ status: 'ingediend', tlvNumber: '', commissionDecision: null });
    expect(await w.t.call('commission:meeting', { id: m.id })).toMatchObject({ revision: m.revision, items: [expect.objectContaining({ decision: null })] });
    expect(sqlite.prepare("SELECT count(*) FROM outbox WHERE entity <> 'audit_event'").pluck().get()).toBe(outboxBefore);
    expect(sqlite.prepare('SELECT count(*) FROM tlv_number_blocks').pluck().get()).toBe(0);
    expect(sqlite.prepare("SELECT count(*) FROM dossier_events WHERE type = 'tlv_decided'").pluck().get()).toBe(0);
    // A block from the store: now it works, from that block.
    sqlite.prepare("INSERT INTO tlv_number_blocks (id, series, first, last, next, source, created_at) VALUES ('b1', '2026', 41, 50, 41, 'store', '2026-10-01T00:00:00Z')").run();
    const ok = await decide(m, 0, grant);
    expect(ok.items[0]!.decision!.tlvNumber).toBe('TLV-2026-0041');
  });

  it('finalises notulen only when every item is decided; afterwards the meeting is closed to every change', async () => {
    const a = await submittedTlv(w);
    const b = await submittedArrangement(w);
    let m = await meetingWith(w, [{ type: 'tlv', id: a.id }, { type: 'arrangement', id: b.id }]);
    m = await w.t.call('commission:saveNotulen', { meetingId: m.id, baseRevision: m.revision, notulen: 'Opening door de voorzitter.' });
    expect(m.notulen).toBe('Opening door de voorzitter.');
    m = await decide(m, 0, grant);
    expect(await refused(w.t, 'commission:markLettersSent', { meetingId: m.id, baseRevision: m.revision, itemId: m.items[1]!.id }))
      .toMatchObject({ code: 'conflict', message: message('errors.commission_not_decided') });
    m = await w.t.call('commission:markLettersSent', { meetingId: m.id, baseRevision: m.revision, itemId: m.items[0]!.id });
    expect(m.items[0]!.lettersSentAt).toBe('2026-10-06T08:00:00.000Z');
    const early = await refused(w.t, 'commission:finaliseNotulen', { meetingId: m.id, baseRevision: m.revision });
    expect(early).toMatchObject({ code: 'validation', fields: [{ path: 'items.1.decision', key: 'meeting_undecided' }] });
    m = await decide(m, 1, { decision: 'afgewezen', reasons: 'Niet navolgbaar.' });
    m = await w.t.call('commission:finaliseNotulen', { meetingId: m.id, baseRevision: m.revision });
    expect(m).toMatchObject({ status: 'afgerond', notulenStatus: 'vastgesteld', vastgesteldAt: '2026-10-06T08:00:00.000Z', vastgesteldByName: 'Consulent Test' });
    const ref = { meetingId: m.id, baseRevision: m.revision };
    const item = m.items[0]!.id;
    const closed = message('errors.meeting_closed');
    for (const [method, input] of [
      ['commission:saveMeeting', { ...ref, meeting: meetingInput() }],
      ['commission:addItem', { ...ref, subjectType: 'tlv', subjectId: a.id }],
      ['commission:removeItem', { ...ref, itemId: item }],
      ['commission:moveItem', { ...ref, itemId: item, to: 1 }],
      ['commission:saveItem', { ...ref, itemId: item, minutes: 20, guests: [], checks: { ontvankelijk: true, volledig: true, navolgbaar: true } }],
      ['commission:decide', { ...ref, itemId: item, decision: grant }],
      ['commission:saveNotulen', { ...ref, notulen: 'Later' }],
      ['commission:finaliseNotulen', ref],
    ] as const) {
      // The key travels with the message, so the renderer can show it in the chosen language.
      expect(await refused(w.t, method, input), method).toMatchObject({ code: 'conflict', message: closed, key: 'errors.meeting_closed' });
    }
    // Letters go out after the meeting: still recorded once the notulen are vastgesteld, without touching
    // the finalised meeting record (no outbox row for it).
    const meetingRows = () => w.t.core.local!.sqlite.prepare("SELECT count(*) FROM outbox WHERE entity = 'commission_meeting' AND entity_id = ?").pluck().get(m.id);
    const before = meetingRows();
    const later = await w.t.call('commission:markLettersSent', { ...ref, itemId: m.items[1]!.id });
    expect(later.items[1]!.lettersSentAt).not.toBeNull();
    expect(later.revision).toBe(m.revision + 1);
    expect(meetingRows()).toBe(before);
    expect((await w.t.call('commission:meetings', { includePast: true })).find((r) => r.id === m.id)).toMatchObject({ status: 'afgerond', itemCount: 2, decidedCount: 2 });
  });
});
