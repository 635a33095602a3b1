// Randomised clients editing one dossier through a store, with pushes delivered twice and pulls in
// between: every mutation ends applied or in conflict, replays change nothing, the last arrival's
// scalar wins, and every unmerged narrative edit is kept in a conflict record.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeviceContext } from '../../../server/store-api.js';
import type { Mutation, MutationResult, WireRow } from '../../../shared/sync/protocol.js';
import { DIALECTS, dossier, makeWorld, mut, useStores } from './harness.js';

const h = useStores();

const step = fc.record({
  client: fc.integer({ min: 0, max: 2 }),
  kind: fc.constantFrom<'groep' | 'notes' | 'pull'>('groep', 'notes', 'pull'),
  word: fc.constantFrom('rood', 'groen', 'blauw', 'geel'),
  at: fc.integer({ min: 0, max: 6 }),
});

describe.each(DIALECTS)('random clients on %s', (dialect) => {
  it('never loses a mutation', async (t) => {
    const store = await h.shared(dialect);
    if (!store) return t.skip();
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
      const world = await makeWorld(store);
      const clients: DeviceContext[] = [world.ctx.c1, world.c1b, await world.device('C3', { role: 'consulent', werkgebiedIds: [world.w1], schoolId: null })];
      const start = dossier(world.schools.s1, { notes: 'een twee drie vier vijf zes' });
      const first = await store.push(clients[0]!, [mut('dossier', start, null, { seq: 1 })]);
      expect(first[0]!.status).toBe('applied');
      const bases: WireRow[] = clients.map(() => ({ ...start }));
      const seqs = [1, 0, 0];
      let lastGroep = start.groep;
      const unmergedNotes: string[] = [];
      for (const s of steps) {
        const ctx = clients[s.client]!;
        const base = bases[s.client]!;
        if (s.kind === 'pull') {
          const page = await store.pull(ctx, 0, 1000);
          bases[s.client] = { ...page.changes.find((c) => c.id === start.id)!.data! };
          continue;
        }
        const data = { ...base };
        if (s.kind === 'groep') data.groep = `${s.word}-${s.client}`;
        else {
          const words = String(base.notes).split(' ');
          words.splice(s.at % (words.length + 1), 0, `${s.word}${s.client}`);
          data.notes = words.join(' ');
        }
        const m: Mutation = mut('dossier', data, base, { seq: ++seqs[s.client]! });
        const res = await store.push(ctx, [m]);
        expect(await store.push(ctx, [m])).toEqual(res); // delivered twice
        const r = res[0] as MutationResult;
        expect(['applied', 'conflict']).toContain(r.status);
        if (data.groep !== base.groep) lastGroep = data.groep;
        if (r.status === 'conflict') unmergedNotes.push(String(data.notes));
        bases[s.client] = r.status === 'conflict' ? { ...r.current.data } : data;
      }
      const final = await store.pull(clients[0]!, 0, 1000);
      const rec = final.changes.find((c) => c.id === start.id)!.data!;
      expect(rec.groep).toBe(lastGroep);
      const conflicts = final.changes.filter((c) => c.entity === 'conflict').map((c) => c.data!.device_value);
      expect(conflicts.sort()).toEqual(unmergedNotes.sort());
    }), { numRuns: dialect === 'sqlite' ? 25 : 10 });
  }, 60_000);
});
