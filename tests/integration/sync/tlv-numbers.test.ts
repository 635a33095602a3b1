// TLV numbers on real app cores against a real store: secretaries' pools are topped up in every sync
// round, numbers handed out offline on two devices never collide, a lost reply is replayed into the
// same block, and nobody but the secretary reserves.
import { describe, expect, it } from 'vitest';
import { tlvNumberPool } from '../../../db/repos/tlv-numbers.js';
import { TLV_BLOCK_SIZE } from '../../../db/sync/tlv-numbers.js';
import { DEFAULT_TLV_NUMBER_PATTERN, formatTlvNumber, nextSeries, numberSeries } from '../../../shared/domain/commission.js';
import { todayInAmsterdam } from '../../../shared/domain/validation.js';
import type { UserScopeInput } from '../../../server/store-api.js';
import type { App, World } from './harness.js';
import { useSyncWorld } from './harness.js';

const world = useSyncWorld();
const SECRETARIS: UserScopeInput = { role: 'secretaris', werkgebiedIds: [], schoolId: null };

const today = () => todayInAmsterdam(new Date());
const pool = (app: App) => tlvNumberPool(app.core.local!.sqlite, () => new Date());
const blocks = (app: App, series: string) =>
  app.sql<{ first: number; last: number; source: string }>('SELECT first, last, source FROM tlv_number_blocks WHERE series = ? ORDER BY first', series);
const reserveCalls = (app: App) => app.transports.reduce((n, t) => n + (t.calls.reserveTlvNumbers ?? 0), 0);

/** `n` numbers of `series`, each taken in its own transaction as a decision would. */
function take(app: App, series: string, n: number): number[] {
  const p = pool(app);
  const sqlite = app.core.local!.sqlite;
  return Array.from({ length: n }, () => sqlite.transaction(() => p.take(series, true))());
}

async function secretaries(w: World) {
  const a = await w.app('Sanne', SECRETARIS);
  const b = await w.app('Joost', SECRETARIS);
  await a.sync();
  await b.sync();
  return { a, b };
}

describe('TLV numbers across devices', () => {
  it('two secretaries working offline hand out 60 distinct numbers from their store blocks', async () => {
    const w = await world();
    const { a, b } = await secretaries(w);
    const series = numberSeries(DEFAULT_TLV_NUMBER_PATTERN, today());
    const next = nextSeries(series)!;
    for (const app of [a, b]) {
      expect(pool(app).available(series)).toBe(TLV_BLOCK_SIZE);
      expect(pool(app).available(next)).toBe(TLV_BLOCK_SIZE);
      expect(blocks(app, series).every((x) => x.source === 'store')).toBe(true);
    }
    // Enough left: the later rounds reserved nothing more.
    expect(reserveCalls(a)).toBe(2);

    a.faults.offline = true;
    b.faults.offline = true;
    await expect(a.sync()).rejects.toMatchObject({ code: 'offline' });
    const numbers = [...take(a, series, 30), ...take(b, series, 30)];
    expect(new Set(numbers).size).toBe(60);
    const formatted = numbers.map((n) => formatTlvNumber(DEFAULT_TLV_NUMBER_PATTERN, today(), n));
    expect(new Set(formatted).size).toBe(60);
    expect(formatted[0]).toMatch(/^TLV-\d{4}-\d{4}$/);
  });

  it('tops up below 10 left; a reply lost after the store committed is replayed into the same block', async () => {
    const w = await world();
    const a = await w.app('Sanne', SECRETARIS);
    const series = numberSeries(DEFAULT_TLV_NUMBER_PATTERN, today());
    expect(blocks(a, series)).toEqual([{ first: 1, last: 50, source: 'store' }]);
    take(a, series, 40);
    await a.sync();
    expect(blocks(a, series)).toHaveLength(1); // 10 left: no top-up yet
    take(a, series, 1);

    a.faults.dropReply = { reserveTlvNumbers: 1 };
    await expect(a.sync()).rejects.toMatchObject({ code: 'offline' });
    expect((await a.call('sync:status', {})).state).toBe('offline');
    expect(blocks(a, series)).toHaveLength(1);
    await a.sync();
    expect(blocks(a, series)).toEqual([{ first: 1, last: 50, source: 'store' }, { first: 51, last: 100, source: 'store' }]);
    expect(pool(a).available(series)).toBe(59);
    await a.sync();
    expect(blocks(a, series)).toHaveLength(2);

    // The store handed out 51..100 once: the next secretary's block starts at 101.
    const b = await w.app('Joost', SECRETARIS);
    expect(blocks(b, series)).toEqual([{ first: 101, last: 150, source: 'store' }]);
    expect(take(a, series, 59).at(-1)).toBe(100);
  });

  it('follows the association\'s pattern from the pull of the same round', async () => {
    const w = await world();
    const a = await w.app('Sanne', SECRETARIS);
    // Another secretary changed the numbering to school years (pushed straight through the store).
    const other = await w.app('Joost', SECRETARIS);
    const value = JSON.stringify({ tlvNumberPattern: 'TLV/{schooljaar}/{nummer:3}' });
    await pushSetting(w, other, { key: 'commission', value, updated_at: new Date().toISOString() });
    await a.sync();
    const series = numberSeries('TLV/{schooljaar}/{nummer:3}', today());
    expect(series).toMatch(/^\d{4}-\d{4}$/);
    expect(pool(a).available(series)).toBe(TLV_BLOCK_SIZE);
    expect(pool(a).available(nextSeries(series)!)).toBe(TLV_BLOCK_SIZE);
  });

  it('a consulent, a school user and a beheerder never reserve', async () => {
    const w = await world();
    const apps = [
      await w.consulent('Anna', 'noord'),
      await w.app('IB De Vlinder', { role: 'school', werkgebiedIds: [], schoolId: w.schools.noord }),
      await w.app('Beheer', { role: 'beheerder', werkgebiedIds: [], schoolId: null }),
    ];
    for (const app of apps) {
      await app.sync();
      expect(reserveCalls(app)).toBe(0);
      expect(app.sql('SELECT * FROM tlv_number_blocks')).toEqual([]);
    }
  });
});

/** Pushes an association setting through the store for `app`'s device (as if it had been saved there). */
async function pushSetting(w: World, app: App, data: Record<string, string>): Promise<void> {
  const token = app.core.sync!.internals.state.device()!.token;
  const auth = await w.store.authenticate(token);
  if (!auth.ok) throw new Error(auth.code);
  const [res] = await w.store.push(auth.ctx, [{
    seq: 1_000_000, mutationId: 'setting', entity: 'association_setting', id: 'commission', op: 'upsert', data, base: null, at: data.updated_at!,
  }]);
  if (res?.status !== 'applied') throw new Error(`setting push: ${JSON.stringify(res)}`);
}
