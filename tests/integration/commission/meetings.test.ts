import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { message } from '../../../shared/i18n/index.js';
import { meetingInput, meetingWith, refused, submittedArrangement, submittedTlv, withoutConsentRule, world, type World } from './fixtures.js';

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(() => w.t.dispose());

describe('commission meetings', () => {
  it('creates a planned meeting, copies the last members when none are given, and lists upcoming first', async () => {
    const m = await w.t.call('commission:createMeeting', { meeting: meetingInput() });
    expect(m).toMatchObject({ status: 'gepland', notulenStatus: 'concept', revision: 1, items: [], datum: '2026-11-03', tijd: '09:30', vastgesteldAt: null });
    const next = await w.t.call('commission:createMeeting', { meeting: meetingInput({ datum: '2026-12-01', members: [] }) });
    expect(next.members).toEqual(m.members);
    const online = await refused(w.t, 'commission:createMeeting', { meeting: meetingInput({ locatie: '', online: false }) });
    expect(online.fields).toEqual([{ path: 'meeting.locatie', key: 'meeting_place_required' }]);
    const saved = await w.t.call('commission:saveMeeting', { meetingId: m.id, baseRevision: 1, meeting: meetingInput({ tijd: '13:00', locatie: '', online: true, link: 'https://meet.example/x' }) });
    expect(saved).toMatchObject({ revision: 2, tijd: '13:00', online: true, link: 'https://meet.example/x' });
    const stale = await refused(w.t, 'commission:saveMeeting', { meetingId: m.id, baseRevision: 1, meeting: meetingInput() });
    expect(stale.code).toBe('conflict');
    const rows = await w.t.call('commission:meetings', {});
    expect(rows.map((r) => r.id)).toEqual([m.id, next.id]);
    expect(rows[0]).toMatchObject({ itemCount: 0, decidedCount: 0, online: true });
    expect((await refused(w.t, 'commission:meeting', { id: '01900000-0000-7000-8000-000000000000' })).code).toBe('not_found');
  });

  it('adds inbox cases at the end with start times, moves, saves details and removes them', async () => {
    await withoutConsentRule(w);
    const a = await submittedTlv(w);
    const b = await submittedArrangement(w);
    const c = await submittedTlv(w);
    let m = await meetingWith(w, [{ type: 'tlv', id: a.id }, { type: 'arrangement', id: b.id }, { type: 'tlv', id: c.id }]);
    expect(m.revision).toBe(4);
    expect(m.items.map((i) => [i.subjectId, i.position, i.startsAt, i.minutes, i.dossierId])).toEqual([
      [a.id, 0, '09:30', 15, w.ids.dossierId], [b.id, 1, '09:45', 15, w.ids.dossierId], [c.id, 2, '10:00', 15, w.ids.dossierId],
    ]);
    expect(m.items[1]).toMatchObject({ title: 'Eefje Öztürk', kind: 'arrangement', checks: { ontvankelijk: false, volledig: false, navolgbaar: false }, decision: null, missing: [] });
    m = await w.t.call('commission:moveItem', { meetingId: m.id, baseRevision: m.revision, itemId: m.items[2]!.id, to: 0 });
    expect(m.items.map((i) => [i.subjectId, i.position])).toEqual([[c.id, 0], [a.id, 1], [b.id, 2]]);
    m = await w.t.call('commission:saveItem', {
      meetingId: m.id, baseRevision: m.revision, itemId: m.items[0]!.id, minutes: 30,
      guests: [{ name: 'IB De Regenboog', kind: 'school', note: '' }], checks: { ontvankelijk: true, volledig: true, navolgbaar: false },
    });
    expect(m.items.map((i) => i.startsAt)).toEqual(['09:30', '10:00', '10:15']);
    expect(m.items[0]).toMatchObject({ minutes: 30, guests: [{ name: 'IB De Regenboog', kind: 'school', note: '' }], checks: { ontvankelijk: true, volledig: true, navolgbaar: false } });
    m = await w.t.call('commission:removeItem', { meetingId: m.id, baseRevision: m.revision, itemId: m.items[1]!.id });
    expect(m.items.map((i) => [i.subjectId, i.position])).toEqual([[c.id, 0], [b.id, 1]]);
    expect((await refused(w.t, 'commission:moveItem', { meetingId: m.id, baseRevision: m.revision - 1, itemId: m.items[0]!.id, to: 1 })).code).toBe('conflict');
    // Every item change is a meeting change too: its updated_at moves with the clock, so it syncs.
    w.at('2026-10-06T09:00:00Z');
    const before = await w.t.call('commission:meeting', { id: m.id });
    const sqlite = w.t.core.local!.sqlite;
    const rows = () => sqlite.prepare("SELECT count(*) FROM outbox WHERE entity = 'commission_meeting' AND entity_id = ?").pluck().get(m.id);
    const n = rows();
    m = await w.t.call('commission:moveItem', { meetingId: m.id, baseRevision: m.revision, itemId: m.items[0]!.id, to: 1 });
    expect(rows()).toBe((n as number) + 1);
    expect(m.updatedAt).not.toBe(before.updatedAt);
    expect(sqlite.prepare("SELECT count(*) FROM outbox WHERE entity = 'commission_item'").pluck().get()).toBeGreaterThan(0);
  });

  it('guards the agenda: only waiting, complete cases, on one open agenda at a time', async () => {
    const concept = await w.t.call('tlv:create', { dossierId: w.ids.dossierId });
    const incomplete = await submittedArrangement(w); // no consent recorded
    const tlv = await submittedTlv(w);
    const m = await meetingWith(w, [{ type: 'tlv', id: tlv.id }]);
    const other = await w.t.call('commission:createMeeting', { meeting: meetingInput({ datum: '2026-11-17' }) });
    const add = (meetingId: string, baseRevision: number, subjectType: 'tlv' | 'arrangement', subjectId: string) =>
      refused(w.t, 'commission:addItem', { meetingId, baseRevision, subjectType, subjectId });
    expect(await add(other.id, other.revision, 'tlv', concept.id)).toMatchObject({ code: 'conflict', message: message('errors.commission_not_in_inbox') });
    expect(await add(other.id, other.revision, 'arrangement', incomplete.id)).toMatchObject({
      code: 'validation', message: message('errors.commission_incomplete'), fields: [{ path: 'consent', key: 'commission_arr_consent' }],
    });
    expect(await add(other.id, other.revision, 'tlv', tlv.id)).toMatchObject({ code: 'conflict', message: message('errors.commission_on_agenda') });
    expect(await add(m.id, m.revision, 'tlv', tlv.id)).toMatchObject({ code: 'conflict', message: message('errors.commission_on_agenda') });
    // A route 3 arrangement does not go to the commission at all.
    await withoutConsentRule(w);
    const r3 = await submittedArrangement(w, { route: 3, targets: ['team'] });
    expect(await add(other.id, other.revision, 'arrangement', r3.id)).toMatchObject({ message: message('errors.commission_not_in_inbox') });
    expect((await w.t.call('commission:meeting', { id: other.id })).revision).toBe(other.revision);
  });
});
