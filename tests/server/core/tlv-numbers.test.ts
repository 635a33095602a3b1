// TLV number blocks: each block handed out once per (association, series), also under concurrent
// reservations through two store processes on one database; idempotent on (deviceId, requestId).
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids.js';
import type { DeviceContext } from '../../../server/store-api.js';
import type { CoreStore } from '../../../server/core/store.js';
import { DIALECTS, enrollDevice, makeWorld, useStores } from './harness.js';

const h = useStores();

type Block = { series: string; first: number; last: number };

function expectDisjoint(blocks: Block[]): void {
  const taken = new Set<number>();
  for (const b of blocks) {
    for (let n = b.first; n <= b.last; n++) {
      expect(taken.has(n), `number ${n} of ${b.series} handed out twice`).toBe(false);
      taken.add(n);
    }
  }
}

async function reserve(store: CoreStore, ctx: DeviceContext, series: string, count: number, requestId = uuidv7()): Promise<Block> {
  const res = await store.reserveTlvNumbers(ctx, requestId, series, count);
  if (typeof res === 'string') throw new Error(`reserve failed: ${res}`);
  return res;
}

describe.each(DIALECTS)('TLV number blocks on %s', (dialect) => {
  it('hands out consecutive blocks from 1, counted per association and per series', async (t) => {
    const store = await h.shared(dialect);
    if (!store) return t.skip();
    const world = await makeWorld(store);
    const other = await makeWorld(store, 'Samenwerkingsverband Zuid');
    const sec = world.ctx.secretaris;
    expect(await reserve(store, sec, '2026', 50)).toEqual({ series: '2026', first: 1, last: 50 });
    expect(await reserve(store, sec, '2026', 10)).toEqual({ series: '2026', first: 51, last: 60 });
    expect(await reserve(store, sec, '2027', 5)).toEqual({ series: '2027', first: 1, last: 5 });
    expect(await reserve(store, sec, '2026-2027', 200)).toEqual({ series: '2026-2027', first: 1, last: 200 });
    expect(await reserve(store, sec, 'doorlopend', 1)).toEqual({ series: 'doorlopend', first: 1, last: 1 });
    // Another association counts on its own.
    expect(await reserve(store, other.ctx.secretaris, '2026', 3)).toEqual({ series: '2026', first: 1, last: 3 });
    expect(await reserve(store, sec, '2026', 1)).toEqual({ series: '2026', first: 61, last: 61 });
  });

  it('a replayed requestId returns the same block and reserves nothing new; reused for another request it is invalid', async (t) => {
    const store = await h.shared(dialect);
    if (!store) return t.skip();
    const world = await makeWorld(store);
    const sec = world.ctx.secretaris;
    const requestId = uuidv7();
    const first = await reserve(store, sec, '2026', 50, requestId);
    const again = await reserve(store, sec, '2026', 50, requestId);
    expect(again).toEqual(first);
    // Replayed at once, racing each other: still one block.
    const racing = await Promise.all([1, 2, 3].map(() => reserve(store, sec, '2026', 50, requestId)));
    for (const r of racing) expect(r).toEqual(first);
    expect(await reserve(store, sec, '2026', 10)).toEqual({ series: '2026', first: 51, last: 60 });
    expect(await store.reserveTlvNumbers(sec, requestId, '2027', 50)).toBe('invalid');
    expect(await store.reserveTlvNumbers(sec, requestId, '2026', 49)).toBe('invalid');
    // The key is per device: another device of the same secretary with the same requestId gets its own block.
    const tablet = (await enrollDevice(store, sec.userId, 'tablet')).ctx;
    expect(await reserve(store, tablet, '2026', 50, requestId)).toEqual({ series: '2026', first: 61, last: 110 });
  });

  it('only the secretary reserves; a bad series or count is invalid', async (t) => {
    const store = await h.shared(dialect);
    if (!store) return t.skip();
    const world = await makeWorld(store);
    for (const role of ['c1', 'school', 'beheerder'] as const) {
      expect(await store.reserveTlvNumbers(world.ctx[role], uuidv7(), '2026', 10), role).toBe('forbidden');
    }
    const sec = world.ctx.secretaris;
    for (const series of ['26', '2026-27', 'lopend', '', '2026 ', "2026'; --"]) {
      expect(await store.reserveTlvNumbers(sec, uuidv7(), series, 10), series).toBe('invalid');
    }
    for (const count of [0, -1, 201, 1.5, Number.NaN]) {
      expect(await store.reserveTlvNumbers(sec, uuidv7(), '2026', count), String(count)).toBe('invalid');
    }
    expect(await store.reserveTlvNumbers(sec, '', '2026', 10)).toBe('invalid');
    // Nothing was reserved by any of these.
    expect(await reserve(store, sec, '2026', 1)).toEqual({ series: '2026', first: 1, last: 1 });
  });

  it('20 parallel reservations from 4 devices through two store processes never overlap', async (t) => {
    const two = await h.twoStores(dialect);
    if (!two) return t.skip();
    const [a, b] = two;
    const world = await makeWorld(a);
    const devices: DeviceContext[] = [world.ctx.secretaris];
    for (let i = 1; i < 4; i++) devices.push(await world.device(`Secretaris ${i}`, { role: 'secretaris', werkgebiedIds: [], schoolId: null }));
    const calls = Array.from({ length: 20 }, (_, i) => {
      const store = i % 2 === 0 ? a : b;
      const series = i % 5 === 0 ? '2027' : '2026';
      return reserve(store, devices[i % 4]!, series, 7 + (i % 3) * 20);
    });
    const blocks = await Promise.all(calls);
    for (const series of ['2026', '2027']) {
      const mine = blocks.filter((x) => x.series === series).sort((p, q) => p.first - q.first);
      expectDisjoint(mine);
      // Gap-free from 1: the blocks tile the series.
      let next = 1;
      for (const x of mine) {
        expect(x.first).toBe(next);
        next = x.last + 1;
      }
    }
    // A later reservation continues after the highest block.
    expect((await reserve(b, devices[1]!, '2026', 1)).first).toBe(Math.max(...blocks.filter((x) => x.series === '2026').map((x) => x.last)) + 1);
  });
});
