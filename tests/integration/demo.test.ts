import { describe, expect, it } from 'vitest';
import { multiRole } from '../helpers/roles.js';
import { tempCore, type TestCore } from '../helpers/temp-core.js';

function dump(t: TestCore): string {
  const s = t.core.local!.sqlite;
  const tables = ['users', 'werkgebieden', 'schools', 'dossiers', 'dossier_parents', 'dossier_involved', 'dossier_events'];
  return tables.map((tb) => JSON.stringify(s.prepare(`SELECT * FROM ${tb} ORDER BY id`).all())).join('\n');
}

describe('demo association generator', () => {
  it('is deterministic for a seed, differs for another seed, and has the promised shape', async () => {
    const [a, b, c] = [tempCore(), tempCore(), tempCore()];
    const res = await a.call('setup:loadDemo', { dossiers: 300 });
    await b.call('setup:loadDemo', { dossiers: 300 });
    await c.call('setup:loadDemo', { dossiers: 300, seed: 7 });
    expect(res).toMatchObject({ werkgebieden: 8, schools: 100, dossiers: 300 });
    expect(res.profile.role).toBe('consulent');
    expect(dump(a)).toBe(dump(b));
    expect(dump(a)).not.toBe(dump(c));
    const schools = await a.call('schools:list', {});
    expect(schools.every((s) => /^[0-9]{2}[A-Z]{2}$/.test(s.brin))).toBe(true);
    expect(new Set(schools.map((s) => s.brin)).size).toBe(100);
    const list = await a.call('dossiers:list', { limit: 500 });
    expect(list.total).toBe(300);
    expect((await a.call('dossiers:list', { mine: true })).total).toBeGreaterThan(0);
    const first = await a.call('dossiers:get', { id: list.rows[0]!.id });
    expect(first.parents.length).toBeGreaterThan(0);
    expect(first.timeline.length).toBeGreaterThan(0);
    // Demo data is never mixed into a set-up installation.
    const again = await a.raw('setup:loadDemo', {});
    expect(!again.ok && again.error.code).toBe('bad_request');
    for (const t of [a, b, c]) t.dispose();
  });

  it("fills the commission's inbox with complete, submitted TLV applications", async () => {
    // The demo's user is a consultant; the commission's inbox is the secretary's.
    const t = multiRole(tempCore({ now: () => new Date('2026-11-02T10:00:00Z') }));
    await t.call('setup:loadDemo', { dossiers: 200 });
    const inbox = await t.call('commission:inbox', {});
    expect(inbox).toHaveLength(6);
    expect(inbox.every((r) => r.subjectType === 'tlv' && r.status === 'ingediend' && r.missing.length === 0 && r.clock !== null)).toBe(true);
    // Ready for the agenda.
    const m = await t.call('commission:createMeeting', { meeting: { datum: '2026-11-10', tijd: '09:00', locatie: 'Kantoor', online: false, link: '', members: [] } });
    const added = await t.call('commission:addItem', { meetingId: m.id, baseRevision: m.revision, subjectType: 'tlv', subjectId: inbox[0]!.subjectId });
    expect(added.items).toHaveLength(1);
    t.dispose();
  });
});
