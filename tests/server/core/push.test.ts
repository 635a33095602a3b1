import { beforeEach, describe, expect, it } from 'vitest';
import type { MutationResult, WireRow } from '../../../shared/sync/protocol.js';
import { DIALECTS, dossier, makeWorld, mut, parent, useStores, type World } from './harness.js';

const h = useStores();

describe.each(DIALECTS)('store push on %s', (dialect) => {
  let world: World;
  beforeEach(async (t) => {
    const store = await h.shared(dialect);
    if (!store) return t.skip();
    world = await makeWorld(store);
  });
  const applied = (r: MutationResult | undefined) => {
    expect(r?.status).toBe('applied');
    return r as Extract<MutationResult, { status: 'applied' }>;
  };
  const createDossier = async (over: WireRow = {}) => {
    const d = dossier(world.schools.s1, over);
    applied((await world.store.push(world.ctx.c1, [mut('dossier', d, null)]))[0]);
    return d;
  };

  it('replays a batch with the stored results, and rejects an unseen lower seq as stale', async () => {
    const { store, ctx } = world;
    const d = dossier(world.schools.s1);
    const batch = [mut('dossier', d, null, { seq: 10 }), mut('dossier', { ...d, groep: '6' }, d, { seq: 11 })];
    const first = await store.push(ctx.c1, batch);
    expect(first.map((r) => r.status)).toEqual(['applied', 'applied']);
    const again = await store.push(ctx.c1, batch);
    expect(again).toEqual(first);
    const stale = await store.push(ctx.c1, [mut('dossier', { ...d, groep: '7' }, d, { seq: 5 })]);
    expect(stale[0]).toMatchObject({ status: 'rejected', reason: 'stale_sequence' });
    expect(await store.push(ctx.c1, [mut('dossier', { ...d, groep: '8' }, d, { seq: 5 })])).toEqual(stale);
    const page = await store.pull(ctx.c1, 0, 1000);
    expect(page.changes.find((c) => c.id === d.id)?.data?.groep).toBe('6');
  });

  it('last arrival wins for a concurrent scalar, the lost value kept in history', async () => {
    const { store, ctx } = world;
    const d = await createDossier();
    applied((await store.push(world.c1b, [mut('dossier', { ...d, groep: '6' }, d)]))[0]);
    const r = applied((await store.push(ctx.c1, [mut('dossier', { ...d, groep: '7' }, d)]))[0]);
    const page = await store.pull(ctx.c1, 0, 1000);
    const change = page.changes.find((c) => c.id === d.id)!;
    expect(change).toMatchObject({ version: r.version, by: ctx.c1.userId, fields: ['groep'] });
    expect(change.data?.groep).toBe('7');
    // Store clock, not the device's (the mutations say 2026-01-01).
    expect(Math.abs(Date.parse(change.at) - Date.now())).toBeLessThan(60_000);
    const history = await store.history(world.associationId, 'dossier', String(d.id));
    expect(history.at(-1)).toMatchObject({ fields: ['groep'], lost: { groep: '6' }, deviceId: ctx.c1.deviceId });
  });

  it('merges disjoint edits of a narrative, and makes a conflict record of overlapping ones', async () => {
    const { store, ctx } = world;
    const d = await createDossier({ notes: 'Leest graag. Rekenen gaat moeizaam.' });
    applied((await store.push(world.c1b, [mut('dossier', { ...d, notes: 'Leest heel graag. Rekenen gaat moeizaam.' }, d)]))[0]);
    applied((await store.push(ctx.c1, [mut('dossier', { ...d, notes: 'Leest graag. Rekenen gaat beter.' }, d)]))[0]);
    let page = await store.pull(ctx.c1, 0, 1000);
    const merged = page.changes.find((c) => c.id === d.id)!.data!;
    expect(merged.notes).toBe('Leest heel graag. Rekenen gaat beter.');

    const res = await store.push(world.c1b, [mut('dossier', { ...d, notes: 'Iets heel anders.', groep: '8' }, d)]);
    expect(res[0]).toMatchObject({ status: 'conflict', current: { data: { notes: merged.notes, groep: '8' } } });
    const conflictIds = (res[0] as Extract<MutationResult, { status: 'conflict' }>).conflictIds;
    expect(conflictIds).toHaveLength(1);
    page = await store.pull(ctx.c1, 0, 1000);
    const conflict = page.changes.find((c) => c.entity === 'conflict')!;
    expect(conflict.data).toMatchObject({
      id: conflictIds[0], entity: 'dossier', entity_id: d.id, field: 'notes', store_value: merged.notes,
      device_value: 'Iets heel anders.', base_value: d.notes, status: 'open', user_id: ctx.c1.userId, device_id: world.c1b.deviceId,
    });
    // Visible where the dossier is, not elsewhere.
    expect((await store.pull(ctx.c2, 0, 1000)).changes.some((c) => c.entity === 'conflict')).toBe(false);
    // A device records the outcome, but may not rewrite the versions nor create conflicts itself.
    const c = conflict.data!;
    applied((await store.push(ctx.c1, [mut('conflict', { ...c, status: 'resolved', resolution: 'device' }, c)]))[0]);
    expect((await store.push(ctx.c1, [mut('conflict', { ...c, store_value: 'x' }, c)]))[0]).toMatchObject({ reason: 'finalised' });
    expect((await store.push(ctx.c1, [mut('conflict', { ...c, id: 'new-conflict' }, null)]))[0]).toMatchObject({ reason: 'forbidden' });
  });

  it('keeps finalised records immutable except their mutable fields', async () => {
    const { store, ctx } = world;
    const d = await createDossier();
    const kg: WireRow = {
      id: 'kg-1', dossier_id: d.id!, status: 'afgerond', datum: '2026-02-01', leeftijd: '9', topics: '[]', observaties: 'x',
      delen_met_ouders: 1, delen_met_school: 0, delen_toelichting: '', samenvatting: 'y', afgerond_at: '2026-02-01', created_at: 'a', updated_at: 'a',
    };
    applied((await store.push(ctx.c1, [mut('kindgesprek', kg, null)]))[0]);
    const r = await store.push(ctx.c1, [mut('kindgesprek', { ...kg, samenvatting: 'z' }, kg)]);
    expect(r[0]).toMatchObject({ status: 'rejected', reason: 'finalised', current: { data: { samenvatting: 'y' } } });
  });

  it('an edit beats a concurrent delete, in either order; an upsert resurrects a tombstone', async () => {
    const { store, ctx } = world;
    const d = await createDossier();
    const p = parent(String(d.id));
    applied((await store.push(ctx.c1, [mut('dossier_parent', p, null)]))[0]);
    // Edit first, then the delete based on the old row: refused.
    applied((await store.push(world.c1b, [mut('dossier_parent', { ...p, phone: '0612345678' }, p)]))[0]);
    const del = await store.push(ctx.c1, [mut('dossier_parent', null, p)]);
    expect(del[0]).toMatchObject({ status: 'rejected', reason: 'edited_elsewhere', current: { data: { phone: '0612345678' } } });
    // Delete first (on the current row), then an edit based on it: the edit resurrects.
    const cur = { ...p, phone: '0612345678' };
    applied((await store.push(ctx.c1, [mut('dossier_parent', null, cur)]))[0]);
    let page = await store.pull(ctx.c1, 0, 1000);
    expect(page.changes.find((c) => c.id === p.id)).toMatchObject({ op: 'delete', data: null });
    applied((await store.push(world.c1b, [mut('dossier_parent', { ...cur, email: 'a@b.nl' }, cur)]))[0]);
    page = await store.pull(ctx.c1, 0, 1000);
    expect(page.changes.find((c) => c.id === p.id)).toMatchObject({ op: 'upsert', data: { email: 'a@b.nl', phone: '0612345678' } });
    expect((await store.push(ctx.c1, [mut('dossier', null, d)]))[0]).toMatchObject({ reason: 'not_deletable' });
  });

  it('rejects invalid, forbidden, out-of-scope and orphan writes', async () => {
    const { store, ctx, schools } = world;
    const d = await createDossier();
    const reason = async (c: typeof ctx.c1, m: ReturnType<typeof mut>) => {
      const r = (await store.push(c, [m]))[0]!;
      return r.status === 'rejected' ? r.reason : r.status;
    };
    expect(await reason(ctx.c1, mut('dossier', { ...dossier(schools.s1), niveau: 'hoog' }, null))).toBe('invalid');
    expect(await reason(ctx.c1, mut('dossier', { ...dossier(schools.s1), onbekend: 'x' }, null))).toBe('invalid');
    expect(await reason(ctx.c1, mut('dossier', { id: 'd-partial', voornaam: 'Sam' }, null))).toBe('invalid');
    expect(await reason(ctx.c1, mut('dossier', dossier(schools.s1), null, { id: 'other-id' }))).toBe('invalid');
    expect(await reason(ctx.c1, mut('dossier_event', { id: 'e1', dossier_id: d.id!, at: 'x', type: 't', actor_id: null, fields: '{kapot', ref_id: null }, null))).toBe('invalid');
    expect(await reason(ctx.c1, mut('user', { id: 'u', name: 'x', role: 'consulent', created_at: 'a', updated_at: 'a' }, null))).toBe('forbidden');
    expect(await reason(ctx.c1, mut('werkgebied', { id: 'w', name: 'x', created_at: 'a', updated_at: 'a' }, null))).toBe('forbidden');
    expect(await reason(ctx.secretaris, mut('dossier', dossier(schools.s1), null))).toBe('forbidden');
    expect(await reason(ctx.c2, mut('dossier', dossier(schools.s1), null))).toBe('out_of_scope');
    expect(await reason(ctx.c2, mut('dossier', { ...d, groep: '3' }, d))).toBe('out_of_scope');
    expect(await reason(ctx.school, mut('dossier', dossier(schools.s2), null))).toBe('out_of_scope');
    expect(await reason(ctx.c1, mut('dossier', dossier(schools.s3), null))).toBe('out_of_scope');
    // A consulent may not move a dossier out of their werkgebieden: both ends must be in scope.
    expect(await reason(ctx.c1, mut('dossier', { ...d, school_id: schools.s3 }, d))).toBe('out_of_scope');
    expect(await reason(ctx.c1, mut('dossier_parent', parent('no-such-dossier'), null))).toBe('parent_missing');
    expect(await reason(ctx.c1, mut('dossier', dossier('no-such-school'), null))).toBe('parent_missing');
    expect(await reason(ctx.school, mut('dossier', dossier(schools.s1), null))).toBe('applied');
    const att = { id: 'a1', owner_type: 'tlv', owner_id: 'x', name: 'f.pdf', media_type: 'application/pdf', size_bytes: 1, sha256: 'a'.repeat(64), created_at: 'a' };
    expect(await reason(ctx.c1, mut('attachment', { ...att, owner_type: 'dossier' }, null))).toBe('invalid');
  });

  it('never confuses the clock of a device with order', async () => {
    const { store, ctx } = world;
    const d = await createDossier();
    const late = { ...mut('dossier', { ...d, groep: '6' }, d), at: '2026-01-04T00:00:00.000Z' };
    const early = { ...mut('dossier', { ...d, groep: '7' }, d), at: '2025-12-29T00:00:00.000Z' };
    await store.push(world.c1b, [late]);
    await store.push(ctx.c1, [early]);
    const page = await store.pull(ctx.c1, 0, 1000);
    expect(page.changes.find((c) => c.id === d.id)?.data?.groep).toBe('7');
  });
});
