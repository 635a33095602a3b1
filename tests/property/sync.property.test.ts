// Model-based property test of sync: 3–5 devices (consultants of werkgebied noord, sometimes two
// devices of one consultant, sometimes a consultant of zuid too) and one store. Random offline work
// through the real handlers (creates, narrative and scalar edits, parent removals, kindgesprek
// afronden, MDO vaststellen, attachments added and removed, conflict resolutions) interleaved with
// sync rounds under faults (partitions, replies lost after the store committed, pushes delivered
// twice, earlier push requests replayed later, an earlier pull reply delivered late, small pull
// pages, cut uploads and downloads). Then everything heals and syncs until quiescent, and the
// invariants of sync-model/model.ts are checked.
//
// Runs: SYNC_PROPERTY_RUNS, else 500 when CI=true, else 100; SYNC_PROPERTY_STEPS commands per run
// (20). On failure fast-check reports the seed and path (and the shrunk counterexample); rerun that
// one case with SYNC_PROPERTY_SEED=<seed> SYNC_PROPERTY_PATH=<path>.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { commandArb, epilogueArb, runCommand, type Command } from './sync-model/commands.js';
import { checkFinal, Model, ModelError } from './sync-model/model.js';
import { openBench, openWorld, type Bench, type WorldShape } from './sync-model/world.js';

const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? (process.env.CI === 'true' ? 500 : 100));
const SEED = process.env.SYNC_PROPERTY_SEED ? Number(process.env.SYNC_PROPERTY_SEED) : undefined;
const PATH = process.env.SYNC_PROPERTY_PATH;
/** Commands per run (besides a fixed prelude and up to 5 after a full sync); raise it for a longer exploratory run. */
const STEPS = Number(process.env.SYNC_PROPERTY_STEPS ?? 20);
/** Rounds of "every device syncs once" allowed to reach a state where nobody pushes or pulls anything. */
const MAX_HEAL_ROUNDS = 6;

const T0 = Date.parse('2026-11-02T09:00:00Z');
let clock = T0;
const now = () => new Date((clock += 1000));

const shapeArb: fc.Arbitrary<WorldShape> = fc.record({
  // 3–4 noord devices; user numbers repeat when a consultant has two devices.
  noordUsers: fc.array(fc.nat({ max: 2 }), { minLength: 3, maxLength: 4 }).map((us) => [0, ...us.slice(1)]),
  zuid: fc.boolean(),
  pageLimit: fc.constantFrom(3, 7, 1000),
});

async function runCase(bench: Bench, shape: WorldShape, commands: Command[], epilogue: Command[]): Promise<void> {
  clock = T0;
  let t = performance.now();
  const lap = (k: string) => {
    const n = performance.now();
    if (STATS) stats.set(`ms ${k}`, (stats.get(`ms ${k}`) ?? 0) + n - t);
    t = n;
  };
  const world = await openWorld(bench, shape);
  lap('setup');
  const model = new Model();
  const last = world.clients.length - 1;
  // Every run starts with shared work: a dossier per werkgebied, with a kindgesprek and an MDO in noord, on all devices.
  const prelude: Command[] = [
    { t: 'createDossier', c: 0, parents: [true], involved: 1, niveau: 2, groep: 'g5', words: 2 },
    ...(shape.zuid ? [{ t: 'createDossier' as const, c: last, parents: [false], involved: 0, niveau: 1, groep: 'g3', words: 1 }] : []),
    { t: 'kgCreate', c: 0, d: 0 },
    { t: 'mdoCreate', c: 0, d: 0 },
    { t: 'syncAll' },
  ];
  for (const cmd of [...prelude, ...commands, { t: 'syncAll' as const }, ...epilogue]) await runCommand(world, model, cmd);
  lap('commands');

  // Heal and sync until quiescent: a round of all devices in which nobody pushes or pulls anything.
  for (const x of world.clients) x.faults.offline = false;
  for (let round = 0; ; round++) {
    if (round === MAX_HEAL_ROUNDS) throw new ModelError(`not quiescent after ${MAX_HEAL_ROUNDS} rounds`);
    let moved = 0;
    for (const x of world.clients) {
      const r = await x.engine.syncOnce();
      moved += r.pushed + r.pulled;
      model.settle(x);
    }
    if (moved === 0) break;
  }
  lap('heal');
  await checkFinal(world, model);
  lap('check');
  if (STATS) {
    collect(world, model);
    for (const cmd of [...commands, ...epilogue]) stats.set(`cmd ${cmd.t}`, (stats.get(`cmd ${cmd.t}`) ?? 0) + 1);
  }
}

// SYNC_PROPERTY_STATS=1 prints what the runs exercised (to see the generators reach the interesting cases).
const STATS = process.env.SYNC_PROPERTY_STATS === '1';
const stats = new Map<string, number>();
function collect(world: Awaited<ReturnType<typeof openWorld>>, model: Model): void {
  const add = (k: string, n = 1) => stats.set(k, (stats.get(k) ?? 0) + n);
  add('runs');
  add('clients', world.clients.length);
  add('words typed', model.typedWords.length);
  add('finalised records', model.finalSeen.size);
  for (const x of world.clients) {
    for (const o of x.engine.outcomes()) add(`outcome ${o.status}${o.reason ? ` ${o.reason}` : ''}`);
    for (const r of x.sql<{ status: string; resolution: string | null }>('SELECT status, resolution FROM sync_conflicts')) add(`conflict rows seen ${r.status} ${r.resolution ?? ''}`);
    add('replayable pushes', x.sentPushes.length);
  }
}

describe('sync (model-based property)', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await openBench(now);
  });
  afterAll(async () => {
    if (STATS) console.log(Object.fromEntries([...stats].sort()));
    await bench?.close();
  });

  it(`converges, isolates werkgebieden and loses nothing (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        shapeArb, fc.array(commandArb, { minLength: Math.min(4, STEPS), maxLength: STEPS, size: 'max' }), epilogueArb,
        (shape, commands, epilogue) => runCase(bench, shape, commands, epilogue),
      ),
      { numRuns: RUNS, seed: SEED, path: PATH, endOnFailure: PATH !== undefined },
    );
  }, 30 * 60_000);
});
