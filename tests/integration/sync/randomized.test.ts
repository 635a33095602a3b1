// Randomized multi-client runs with fault injection: whatever the interleaving of edits, syncs, lost
// replies, duplicate deliveries and offline rounds, every captured seq ends in exactly one outcome and
// all apps of the werkgebied converge to the same records once everything is synced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dossierInput } from '../../helpers/temp-core.js';
import { useSyncWorld, type App } from './harness.js';

const world = useSyncWorld();
const WORDS = ['lezen', 'rekenen', 'thuis', 'rustig', 'onrustig', 'goed', 'lastig'];

const op = fc.oneof(
  fc.record({ kind: fc.constant('notes' as const), app: fc.nat(2), words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('groep' as const), app: fc.nat(2), groep: fc.constantFrom('g3' as const, 'g4' as const, 'g6' as const) }),
  fc.record({ kind: fc.constant('parent' as const), app: fc.nat(2), add: fc.boolean() }),
  fc.record({ kind: fc.constant('resolve' as const), app: fc.nat(2), resolution: fc.constantFrom('mine' as const, 'theirs' as const, 'merged' as const) }),
  fc.record({ kind: fc.constant('sync' as const), app: fc.nat(2), fault: fc.constantFrom('none', 'none', 'dropPush', 'dropPull', 'offline', 'duplicate') }),
);

async function edit(app: App, id: string, change: (d: Awaited<ReturnType<App['call']>> & Record<string, unknown>) => Record<string, unknown>) {
  const d = await app.call('dossiers:get', { id });
  const { voornaam, tussenvoegsel, achternaam, geboortedatum, groep, schoolId, consulentId, niveau, notes, parents, involved } = d;
  const input = { voornaam, tussenvoegsel, achternaam, geboortedatum, groep, schoolId, consulentId, niveau, notes, parents, involved };
  await app.call('dossiers:update', { id, baseVersion: d.version, dossier: { ...input, ...change(d as never) } as never });
}

function snapshot(app: App) {
  return {
    dossiers: app.sql('SELECT id, voornaam, groep, notes, updated_at FROM dossiers ORDER BY id'),
    parents: app.sql('SELECT id, dossier_id, position, name FROM dossier_parents ORDER BY id'),
    conflicts: app.sql('SELECT id, status, resolution FROM sync_conflicts ORDER BY id'),
  };
}

describe('randomized sync', () => {
  it('settles every seq exactly once and converges', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        const w = await world();
        const apps = [await w.consulent('Anna', 'noord'), await w.consulent('Bram', 'noord'), await w.consulent('Cas', 'noord')];
        const d = await apps[0]!.call('dossiers:create', dossierInput(w.schools.noord, { notes: 'lezen goed thuis rustig' }));
        await apps[0]!.sync();
        for (const a of apps.slice(1)) await a.sync();
        let n = 0;
        for (const o of ops) {
          const app = apps[o.app]!;
          if (o.kind === 'notes') await edit(app, d.id, () => ({ notes: o.words.join(' ') }));
          else if (o.kind === 'groep') await edit(app, d.id, () => ({ groep: o.groep }));
          else if (o.kind === 'parent') {
            await edit(app, d.id, (cur) => {
              const parents = cur.parents as { id: string }[];
              return { parents: o.add ? [...parents, { name: `Ouder ${++n}`, relation: 'voogd', gezag: false, phone: '', email: '' }] : parents.slice(1) };
            });
          } else if (o.kind === 'resolve') {
            const [c] = await app.call('sync:conflicts', {});
            if (c) await app.call('sync:resolve', { id: c.id, resolution: o.resolution, ...(o.resolution === 'merged' ? { text: 'samen' } : {}) });
          } else {
            if (o.fault === 'dropPush') app.faults.dropReply = { push: 1 };
            if (o.fault === 'dropPull') app.faults.dropReply = { pull: 1 };
            app.faults.offline = o.fault === 'offline';
            app.faults.duplicatePush = o.fault === 'duplicate';
            await app.sync().catch((err: unknown) => expect(err).toMatchObject({ code: 'offline' }));
            Object.assign(app.faults, { offline: false, duplicatePush: false, dropReply: {} });
          }
        }
        // Quiesce: everyone syncs until nothing is pending anywhere.
        for (let round = 0; round < 3; round++) for (const a of apps) await a.sync();
        for (const a of apps) {
          const last = a.sql<{ seq: number }>(`SELECT seq FROM sqlite_sequence WHERE name = 'outbox'`)[0]?.seq ?? 0;
          const outcomes = a.core.sync!.outcomes();
          expect(a.sql('SELECT seq FROM outbox')).toEqual([]);
          expect(outcomes.map((x) => x.seq)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
          expect(outcomes.filter((x) => x.status === 'rejected')).toEqual([]);
        }
        const first = snapshot(apps[0]!);
        for (const a of apps.slice(1)) expect(snapshot(a)).toEqual(first);
      }),
      { numRuns: Number(process.env.SYNC_RUNS ?? 6) },
    );
  }, 120_000);
});
