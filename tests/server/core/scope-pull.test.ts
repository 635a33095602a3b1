import { beforeEach, describe, expect, it } from 'vitest';
import type { Change, MutationResult, PullResponse } from '../../../shared/sync/protocol.js';
import type { DeviceContext } from '../../../server/store-api.js';
import { DIALECTS, dossier, makeWorld, mut, parent, tlv, uploadAttachment, useStores, type World } from './harness.js';

const h = useStores();

/** Pulls every page from `cursor`, checking that versions only rise and the last cursor is the head. */
async function pullAll(world: World, ctx: DeviceContext, cursor = 0, limit = 1000): Promise<{ changes: Change[]; last: PullResponse }> {
  const changes: Change[] = [];
  for (;;) {
    const page = await world.store.pull(ctx, cursor, limit);
    expect(page.changes.length).toBeLessThanOrEqual(limit);
    for (const c of page.changes) {
      expect(c.version).toBeGreaterThan(cursor);
      cursor = c.version;
    }
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.more) {
      expect(page.cursor).toBe(page.head);
      return { changes, last: page };
    }
  }
}

const ok = (r: MutationResult[]) => {
  for (const x of r) expect(x.status, JSON.stringify(x)).toBe('applied');
  return r;
};

describe.each(DIALECTS)('store pull and scope on %s', (dialect) => {
  let world: World;
  beforeEach(async (t) => {
    const store = await h.shared(dialect);
    if (!store) return t.skip();
    world = await makeWorld(store);
  });

  it('moves a dossier with everything below it, evicting it for those who lose sight of it', async () => {
    const { store, ctx, schools } = world;
    const both = await world.device('Consulent beide', { role: 'consulent', werkgebiedIds: [world.w1, world.w2], schoolId: null });
    const d = dossier(schools.s1);
    const p = parent(String(d.id));
    const t = tlv(String(d.id));
    ok(await store.push(both, [mut('dossier', d, null), mut('dossier_parent', p, null), mut('tlv', t, null)]));
    const a = await uploadAttachment(store, both, 'tlv', String(t.id), Buffer.from('verslag'));
    ok(await store.push(both, [mut('attachment', a, null)]));
    const moved = new Set([d.id, p.id, t.id, a.id]);
    const cursors = Object.fromEntries(await Promise.all(
      (['c1', 'c2', 'school', 'secretaris'] as const).map(async (k) => [k, (await pullAll(world, ctx[k])).last.cursor] as const),
    ));
    const headBefore = (await store.pull(both, 0, 1)).head;
    ok(await store.push(both, [mut('dossier', { ...d, school_id: schools.s3 }, d)]));
    const after = await store.pull(both, headBefore, 1000);
    expect(after.head).toBe(headBefore + 4);
    expect(after.changes.map((c) => c.version)).toEqual([headBefore + 1, headBefore + 2, headBefore + 3, headBefore + 4]);

    const view = async (k: 'c1' | 'c2' | 'school' | 'secretaris') =>
      (await pullAll(world, ctx[k], cursors[k])).changes.filter((c) => moved.has(c.id)).map((c) => `${c.op}:${c.entity}`).sort();
    const evicted = ['evict:attachment', 'evict:dossier', 'evict:dossier_parent', 'evict:tlv'];
    const upserted = ['upsert:attachment', 'upsert:dossier', 'upsert:dossier_parent', 'upsert:tlv'];
    expect(await view('c1')).toEqual(evicted);
    expect(await view('school')).toEqual(evicted);
    expect(await view('c2')).toEqual(upserted);
    expect(await view('secretaris')).toEqual(upserted);
    // A device pulling from the start never hears of a record outside its scope, not even as an eviction.
    expect((await pullAll(world, world.ctx.c2)).changes.filter((c) => moved.has(c.id)).every((c) => c.op === 'upsert')).toBe(true);
    expect((await pullAll(world, world.ctx.c1)).changes.filter((c) => moved.has(c.id)).every((c) => c.op === 'evict')).toBe(true);
    // The attachment bytes follow the scope too.
    expect(await store.blobRead(ctx.c2, String(a.sha256), 0)).toMatchObject({ size: 7 });
    expect(await store.blobRead(ctx.c1, String(a.sha256), 0)).toBe('not_found');
  });

  it('scopes arrangements by werkgebied and school, and their attachments follow a move', async () => {
    const { store, ctx, schools } = world;
    const both = await world.device('Consulent beide', { role: 'consulent', werkgebiedIds: [world.w1, world.w2], schoolId: null });
    const arr = {
      id: 'arr-1', status: 'concept', title: 'Leesondersteuning', dossier_id: null, werkgebied_id: world.w1, school_id: schools.s1,
      route: 1, targets: '[]', start_date: '2026-08-01', end_date: '2027-07-31', total_cents: 100000, body: '{}',
      follow_up_of: null, followed_by: null, mdo_id: null, created_at: 'a', updated_at: 'a',
    };
    ok(await store.push(both, [mut('arrangement', arr, null)]));
    const att = await uploadAttachment(store, both, 'arrangement', 'arr-1', Buffer.from('plan'));
    ok(await store.push(both, [mut('attachment', att, null)]));
    const ids = (c: Change[]) => c.filter((x) => x.op === 'upsert').map((x) => x.id).sort();
    expect(ids((await pullAll(world, ctx.school)).changes).filter((id) => id.startsWith('a'))).toEqual([att.id, 'arr-1'].sort());
    expect(ids((await pullAll(world, ctx.c2)).changes)).not.toContain('arr-1');
    const c1At = (await pullAll(world, ctx.c1)).last.cursor;
    ok(await store.push(both, [mut('arrangement', { ...arr, werkgebied_id: world.w2, school_id: null }, arr)]));
    const c1 = (await pullAll(world, ctx.c1, c1At)).changes.map((c) => `${c.op}:${c.id}`).sort();
    expect(c1).toEqual([`evict:${att.id}`, 'evict:arr-1'].sort());
    expect(ids((await pullAll(world, ctx.c2)).changes)).toEqual(expect.arrayContaining(['arr-1', String(att.id)]));
    // Werkgebied-wide, no school: the school user loses it too.
    expect((await pullAll(world, ctx.school)).changes.filter((c) => c.id === 'arr-1').map((c) => c.op)).toEqual(['evict']);
  });

  it('moves dossiers along when their school changes werkgebied', async () => {
    const { store, ctx, schools } = world;
    const d = dossier(schools.s1);
    ok(await store.push(ctx.c1, [mut('dossier', d, null)]));
    const c1At = (await pullAll(world, ctx.c1)).last.cursor;
    const res = await store.admin.importSchools(world.associationId, 'naam;brin;plaats;werkgebied\nDe Regenboog;01AB;Assen;Zuid\n');
    expect(res).toEqual({ created: 0, updated: 1, errors: [] });
    expect((await pullAll(world, ctx.c1, c1At)).changes.filter((c) => c.entity === 'dossier')).toMatchObject([{ id: d.id, op: 'evict' }]);
    expect((await pullAll(world, ctx.c2)).changes.filter((c) => c.entity === 'dossier')).toMatchObject([{ id: d.id, op: 'upsert' }]);
    const bad = await store.admin.importSchools(world.associationId, 'naam;brin;plaats;werkgebied\nX;09XX;Y;Oost\n');
    expect(bad.errors).toEqual([{ line: 2, key: 'werkgebied_unknown' }]);
  });

  it('pages by cursor in version order, skipping nothing and showing only what is in scope', async () => {
    const { store, ctx, schools } = world;
    const mine = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const d1 = dossier(i % 2 ? schools.s1 : schools.s2);
      const d2 = dossier(schools.s3);
      mine.add(String(d1.id));
      ok(await store.push(ctx.c1, [mut('dossier', d1, null)]));
      ok(await store.push(ctx.c2, [mut('dossier', d2, null)]));
    }
    const all = await pullAll(world, ctx.c1, 0, 5);
    const dossiers = all.changes.filter((c) => c.entity === 'dossier').map((c) => c.id);
    expect(new Set(dossiers)).toEqual(mine);
    expect(all.changes.filter((c) => c.entity === 'school')).toHaveLength(3);
    // The school user sees their school's dossiers only; the beheerder sees no case data at all.
    const school = await pullAll(world, ctx.school, 0, 4);
    expect(school.changes.filter((c) => c.entity === 'dossier').every((c) => c.data?.school_id === schools.s1)).toBe(true);
    expect(school.changes.filter((c) => c.entity === 'dossier')).toHaveLength(6);
    const beheerder = await pullAll(world, ctx.beheerder);
    expect(beheerder.changes.some((c) => c.entity === 'dossier')).toBe(false);
    expect(beheerder.last.scope).toMatchObject({ role: 'beheerder', werkgebiedIds: [], schoolId: null });
    // An empty page past the head says so.
    const end = await store.pull(ctx.c1, all.last.head, 10);
    expect(end).toMatchObject({ changes: [], more: false, cursor: all.last.head });
  });

  it('keeps associations apart', async () => {
    const other = await makeWorld(world.store, 'Samenwerkingsverband Zuid');
    const d = dossier(world.schools.s1);
    ok(await world.store.push(world.ctx.c1, [mut('dossier', d, null)]));
    const seen = await pullAll(other, other.ctx.secretaris);
    expect(seen.changes.some((c) => c.id === d.id)).toBe(false);
    expect(seen.changes.filter((c) => c.entity === 'school').map((c) => c.id).sort()).toEqual(Object.values(other.schools).sort());
    // A school of the other association is unknown here.
    const r = await other.store.push(other.ctx.c1, [mut('dossier', dossier(world.schools.s1), null)]);
    expect(r[0]).toMatchObject({ status: 'rejected', reason: 'parent_missing' });
    const edit = await other.store.push(other.ctx.secretaris, [mut('tlv', tlv(String(d.id)), null)]);
    expect(edit[0]).toMatchObject({ status: 'rejected', reason: 'parent_missing' });
  });

  it('bumps the scope epoch when a user gets a new scope', async () => {
    const { store, ctx } = world;
    await store.admin.setUserScope(ctx.c1.userId, { role: 'consulent', werkgebiedIds: [world.w2], schoolId: null });
    const { last } = await pullAll(world, { ...ctx.c1, ...(await reauth(world, ctx.c1)) });
    expect(last.scope).toMatchObject({ epoch: ctx.c1.scopeEpoch + 1, werkgebiedIds: [world.w2] });
    const users = await store.admin.listUsers(world.associationId);
    expect(users.find((u) => u.id === ctx.c1.userId)).toMatchObject({ role: 'consulent', werkgebiedIds: [world.w2] });
  });
});

/** The context a fresh authentication would give (scope from the users table). */
async function reauth(world: World, ctx: DeviceContext): Promise<Partial<DeviceContext>> {
  const users = await world.store.admin.listUsers(world.associationId);
  const u = users.find((x) => x.id === ctx.userId)!;
  return { werkgebiedIds: u.werkgebiedIds, schoolId: u.schoolId, role: u.role, scopeEpoch: ctx.scopeEpoch + 1 };
}
