// Two store processes on one database, devices pushing through either at once, a reader pulling
// all along: versions are handed out once each, without gaps, and a pull by cursor misses nothing.
import { describe, expect, it } from 'vitest';
import type { DeviceContext } from '../../../server/store-api.js';
import type { CoreStore } from '../../../server/core/store.js';
import { DIALECTS, dossier, makeWorld, mut, useStores } from './harness.js';

const h = useStores();

describe.each(DIALECTS)('two stores on one %s database', (dialect) => {
  it('gives every applied mutation its own version, in commit order', async (t) => {
    const two = await h.twoStores(dialect);
    if (!two) return t.skip();
    const [a, b] = two;
    const world = await makeWorld(a);
    const devices: DeviceContext[] = [];
    for (let i = 0; i < 4; i++) {
      devices.push(await world.device(`Consulent ${i}`, { role: 'consulent', werkgebiedIds: [world.w1], schoolId: null }));
    }
    const start = (await a.pull(world.ctx.secretaris, 0, 1)).head;
    const BATCHES = 8;
    const PER_BATCH = 5;
    const created = new Set<string>();
    const versions: number[] = [];
    const run = async (ctx: DeviceContext, i: number) => {
      for (let n = 0; n < BATCHES; n++) {
        const store: CoreStore = (n + i) % 2 ? a : b;
        const batch = Array.from({ length: PER_BATCH }, (_, k) => {
          const d = dossier(world.schools.s1);
          created.add(String(d.id));
          return mut('dossier', d, null, { seq: n * PER_BATCH + k + 1 });
        });
        const res = await store.push(ctx, batch);
        for (const r of res) {
          expect(r.status).toBe('applied');
          if (r.status === 'applied') versions.push(r.version);
        }
      }
    };
    let done = false;
    const seen = new Set<string>();
    const reader = (async () => {
      let cursor = start;
      for (let round = 0; ; round++) {
        const last = done; // a page read after all pushes ended, and nothing more: all seen
        const page = await (round % 2 ? a : b).pull(world.ctx.secretaris, cursor, 7);
        for (const c of page.changes) seen.add(c.id);
        cursor = page.cursor;
        if (last && !page.more) break;
      }
    })();
    await Promise.all(devices.map((d, i) => run(d, i)));
    done = true;
    await reader;
    const total = devices.length * BATCHES * PER_BATCH;
    expect([...versions].sort((x, y) => x - y)).toEqual(Array.from({ length: total }, (_, i) => start + i + 1));
    expect((await b.pull(world.ctx.secretaris, 0, 1)).head).toBe(start + total);
    expect(seen).toEqual(created);
  }, 60_000);
});
