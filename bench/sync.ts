// Sync benchmarks against a real store process (`server/main.ts`) over HTTP on 127.0.0.1, on SQLite
// and on PostgreSQL (a throw-away cluster; skipped with a loud line when PostgreSQL is missing):
//   1. push 10,000 queued mutations from an encrypted app database (outbox rows of real repository writes);
//   2. initial pull of an association with 10k dossiers and 100k documents into a fresh encrypted database;
//   3. a no-op sync round (push nothing, pull nothing);
//   4. 200 enrolled devices pushing a small batch at the same moment;
//   5. the pull applier's rate against raw batched inserts of the same rows into the same kind of database.
// The association is seeded through the store's own push path: seeding devices push batches of 500.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../core/dispatch.js';
import { createHandlers } from '../core/handlers/index.js';
import { generateDemo, DEMO_DEFAULTS } from '../db/demo/generator.js';
import { openDatabase, withoutCapture, type LocalDb } from '../db/open.js';
import { createSyncEngine, type SyncEngine } from '../db/sync/engine.js';
import { httpTransport } from '../db/sync/http-transport.js';
import { COUNTERS, LOCAL_RULES } from '../db/sync/local-columns.js';
import { pushAll } from '../db/sync/push.js';
import { createStore, type CoreStore } from '../server/core/store.js';
import { SQLITE_FILE_NAME } from '../server/http/store-env.js';
import { uuidv7 } from '../shared/ids.js';
import { entityDef, entityId, type EntityDef, type SyncEntity } from '../shared/sync/entities.js';
import { LIMITS, type Mutation, type PullResponse, type WireRow } from '../shared/sync/protocol.js';
import type { StoreTransport } from '../shared/sync/transport.js';
import { freshDatabase, startPostgres } from '../tests/helpers/postgres.js';
import { startStoreProcess, type StoreProcess } from '../tests/helpers/store-process.js';
import { dossierInput } from '../tests/helpers/temp-core.js';
import { stats, type Stats } from './stats.js';

/** The synced fields of a local row, as they travel. */
const wireRow = (def: EntityDef, row: Record<string, unknown>): WireRow =>
  Object.fromEntries(def.fields.map((f) => [f.name, (row[f.name] ?? null) as WireRow[string]]));


const MIGRATIONS = join(import.meta.dirname, '../db/migrations');

export interface SyncBenchOptions {
  /** Mutations queued on the pushing device. */
  pushMutations: number;
  dossiers: number;
  documents: number;
  devices: number;
  /** Samples of the no-op round. */
  n: number;
  backends: ReadonlyArray<'sqlite' | 'postgres'>;
}
export const SYNC_DEFAULTS: SyncBenchOptions = {
  pushMutations: 10_000, dossiers: 10_000, documents: 100_000, devices: 200, n: 300, backends: ['sqlite', 'postgres'],
};

export interface SyncBackendResult {
  backend: 'sqlite' | 'postgres';
  push: { mutations: number; ms: number; perSec: number };
  seed: { mutations: number; ms: number; perSec: number };
  pull: { changes: number; dossiers: number; documents: number; ms: number; pages: number; perSec: number };
  noop: Stats;
  devices: { devices: number; rounds: number; push: Stats; storeMs: Stats; errors: number; wallMs: number[] };
  apply: { rows: number; applyMs: number; rawMs: number; ratio: number };
}

/**
 * Long synchronous stretches (repository writes, applying pages) never reach the event loop's timer and
 * I/O phases; meanwhile the store closes idle keep-alive sockets (after 5 s). Without a pause the next
 * request is written into such a closed socket and fails as `offline` (see docs/benchmarks.md, Sync).
 */
const breathe = () => new Promise((r) => setTimeout(r, 50));
const log = (line: string) => process.stderr.write(`[sync-bench] ${line}\n`);

function tempDir(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The source rows: the seeded demo generator (realistic names and shapes), read as wire rows. */
function demoRows(dossiers: number) {
  const t = tempDir('veldwerk-syncbench-src-');
  const local = openDatabase({ file: join(t.dir, 'src.db'), key: null, migrationsFolder: MIGRATIONS });
  try {
    generateDemo(local.sqlite, { ...DEMO_DEFAULTS, dossiers });
    const rows = (entity: SyncEntity): WireRow[] => {
      const def = entityDef(entity);
      return (local.sqlite.prepare(`SELECT * FROM "${def.table}"`).all() as Record<string, unknown>[]).map((r) => wireRow(def, r));
    };
    return {
      werkgebieden: rows('werkgebied'),
      schools: rows('school'),
      // Users live in the store's admin tables: no dangling consulent/actor references.
      dossiers: rows('dossier').map((r): WireRow => ({ ...r, consulent_id: null })),
      parents: rows('dossier_parent'),
      involved: rows('dossier_involved'),
      events: rows('dossier_event').map((r): WireRow => ({ ...r, actor_id: null })),
    };
  } finally {
    local.close();
    t.remove();
  }
}

interface Device {
  token: string;
  t: StoreTransport;
  seq: number;
}

function mutation(d: Device, entity: SyncEntity, data: WireRow): Mutation {
  return { seq: ++d.seq, mutationId: uuidv7(), entity, id: entityId(entityDef(entity), data), op: 'upsert', data, base: null, at: new Date().toISOString() };
}

async function pushRows(d: Device, entity: SyncEntity, rows: WireRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += LIMITS.pushBatch) {
    const { results } = await d.t.push({ mutations: rows.slice(i, i + LIMITS.pushBatch).map((r) => mutation(d, entity, r)) });
    const bad = results.find((r) => r.status !== 'applied');
    if (bad) throw new Error(`seed push of ${entity} not applied: ${bad.status === 'rejected' ? bad.reason : bad.status}`);
  }
}

async function enrolDirect(store: CoreStore, url: string, userId: string, clientKey: string): Promise<Device> {
  const { code } = await store.admin.issueEnrollmentCode(userId, 60);
  const res = await store.enroll(code, `bench ${clientKey}`, clientKey);
  if (typeof res === 'string') throw new Error(`enrol failed: ${res}`);
  return { token: res.token, t: httpTransport(url, res.token), seq: 0 };
}

/** An app database (encrypted) with its sync engine and the contract handlers over it, enrolled over HTTP. */
async function appDevice(store: CoreStore, url: string, userId: string, dir: string) {
  const now = () => new Date();
  const local = openDatabase({ file: join(dir, `app-${uuidv7()}.db`), key: randomBytes(32), migrationsFolder: MIGRATIONS, now });
  let transport: StoreTransport | null = null;
  const linked = (): StoreTransport | null => {
    const dev = engine.internals.state.device();
    if (!dev) return null;
    transport ??= httpTransport(dev.storeUrl, dev.token);
    return transport;
  };
  const engine: SyncEngine = createSyncEngine({ local, now, transport: linked });
  const handlers = createHandlers(local, { now, sync: engine });
  const call = async (method: string, input: unknown) => {
    const env = await dispatch(method, input, (m, i) => (handlers[m as keyof typeof handlers] as (x: unknown) => unknown)(i), { log: () => {} });
    if (!env.ok) throw new Error(`${method}: ${env.error.code}`);
    return env.value;
  };
  const { code } = await store.admin.issueEnrollmentCode(userId, 60);
  await engine.enroll({ storeUrl: url, code, deviceName: 'bench' }, httpTransport(url, null));
  return { local, engine, call, transport: linked };
}

/** Raw batched inserts of the rows in `pages` (1,000 per transaction, like a page), the way the applier would write them. */
function rawInsert(local: LocalDb, pages: PullResponse[]): { rows: number; ms: number } {
  const sqlite = local.sqlite;
  const stmts = new Map<string, ReturnType<typeof sqlite.prepare>>();
  const stmt = (entity: SyncEntity) => {
    let s = stmts.get(entity);
    if (!s) {
      const def = entityDef(entity);
      const cols = [...def.fields.map((f) => f.name), ...def.localOnly];
      s = sqlite.prepare(`INSERT INTO "${def.table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
      stmts.set(entity, s);
    }
    return s;
  };
  let rows = 0;
  const t0 = performance.now();
  sqlite.pragma('foreign_keys = OFF');
  withoutCapture(local, () => {
    for (const page of pages) {
      sqlite.transaction(() => {
        for (const c of page.changes) {
          if (c.op !== 'upsert' || !c.data) continue;
          const def = entityDef(c.entity);
          const params: Record<string, unknown> = { ...c.data };
          for (const col of def.localOnly) params[col] = COUNTERS.has(col) ? 1 : LOCAL_RULES[`${def.table}.${col}`]!.insert(c.data);
          stmt(c.entity).run(params);
          rows++;
        }
      })();
    }
  });
  sqlite.pragma('foreign_keys = ON');
  return { rows, ms: performance.now() - t0 };
}

async function runBackend(backend: 'sqlite' | 'postgres', databaseUrl: string | null, opts: SyncBenchOptions): Promise<SyncBackendResult> {
  const work = tempDir(`veldwerk-syncbench-${backend}-`);
  let server: StoreProcess | null = null;
  let admin: CoreStore | null = null;
  const locals: LocalDb[] = [];
  try {
    // Request logs on (one JSON line per request, no personal data): the store's own time per push.
    const logging = { env: { LOG_LEVEL: 'info' }, keepLogChars: 64 * 2 ** 20 };
    server = await startStoreProcess(databaseUrl ? { databaseUrl, ...logging } : { storeDir: work.dir, ...logging });
    const url = server.url;
    admin = await createStore(databaseUrl ? { databaseUrl } : { sqliteFile: join(work.dir, SQLITE_FILE_NAME) });
    const store = admin;
    log(`${backend}: store at ${url}`);
    const { id: assoc } = await store.admin.createAssociation('Bench SWV');
    const src = demoRows(opts.dossiers);

    // Reference data through a beheerder's device; a separate werkgebied for the pushing and the concurrent devices.
    const { id: beheerUser } = await store.admin.createUser(assoc, 'Beheer', { role: 'beheerder', werkgebiedIds: [], schoolId: null });
    const beheer = await enrolDirect(store, url, beheerUser, 'bench-beheer');
    const wgX = uuidv7();
    const schoolX = uuidv7();
    const stamp = new Date().toISOString();
    await pushRows(beheer, 'werkgebied', [...src.werkgebieden, { id: wgX, name: 'Bench X', created_at: stamp, updated_at: stamp }]);
    await pushRows(beheer, 'school', [
      ...src.schools, { id: schoolX, name: 'Bench School', brin: '99ZZ', place: 'Alkmaar', werkgebied_id: wgX, created_at: stamp, updated_at: stamp },
    ]);
    const demoWgs = src.werkgebieden.map((w) => String(w.id));

    // 1. Push: an encrypted app database with real outbox rows from dossiers:create (dossier, parent, involved, event).
    const { id: pushUser } = await store.admin.createUser(assoc, 'Pusher', { role: 'consulent', werkgebiedIds: [wgX], schoolId: null });
    const pusher = await appDevice(store, url, pushUser, work.dir);
    locals.push(pusher.local);
    await pusher.engine.syncOnce(); // the reference data, so the school exists locally
    const person = { name: 'Ouder Een', relation: 'moeder', gezag: true, phone: '', email: '' } as const;
    const involved = { role: 'ib', name: 'Begeleider', organisation: 'School' } as const;
    while (pusher.engine.internals.outbox.count() < opts.pushMutations) {
      await pusher.call('dossiers:create', dossierInput(schoolX, { parents: [person], involved: [involved] }));
    }
    await breathe();
    const queued = pusher.engine.internals.outbox.count();
    const pt = pusher.transport()!;
    let t0 = performance.now();
    const pushed = await pushAll({ outbox: pusher.engine.internals.outbox, applier: pusher.engine.internals.applier, now: () => new Date() }, pt, () => {});
    const pushMs = performance.now() - t0;
    const notApplied = pusher.engine.outcomes().filter((o) => o.status !== 'applied').length;
    if (pushed !== queued || notApplied > 0) throw new Error(`push: ${pushed}/${queued} settled, ${notApplied} not applied`);
    log(`${backend}: push ${queued} in ${pushMs.toFixed(0)} ms`);

    // Seeding the association: a consulent of every demo werkgebied pushes dossiers, then their documents.
    const { id: seedUser } = await store.admin.createUser(assoc, 'Seeder', { role: 'consulent', werkgebiedIds: demoWgs, schoolId: null });
    const seeder = await enrolDirect(store, url, seedUser, 'bench-seed');
    const extraEvents: WireRow[] = [];
    const have = src.parents.length + src.involved.length + src.events.length;
    for (let i = 0; have + extraEvents.length < opts.documents; i++) {
      const d = src.dossiers[i % src.dossiers.length]!;
      extraEvents.push({ id: uuidv7(), dossier_id: d.id!, at: String(d.updated_at), type: 'changed', actor_id: null, fields: '["notes","niveau"]', ref_id: null });
    }
    t0 = performance.now();
    await pushRows(seeder, 'dossier', src.dossiers);
    await pushRows(seeder, 'dossier_parent', src.parents);
    await pushRows(seeder, 'dossier_involved', src.involved);
    await pushRows(seeder, 'dossier_event', [...src.events, ...extraEvents]);
    const seedMs = performance.now() - t0;
    const documents = have + extraEvents.length;
    const seeded = src.dossiers.length + documents;
    log(`${backend}: seeded ${seeded} records in ${seedMs.toFixed(0)} ms`);

    // 2. Initial pull into a fresh encrypted database, every page recorded for (5).
    const { id: pullUser } = await store.admin.createUser(assoc, 'Puller', { role: 'consulent', werkgebiedIds: demoWgs, schoolId: null });
    const puller = await appDevice(store, url, pullUser, work.dir);
    locals.push(puller.local);
    let pages: PullResponse[] = [];
    let record = true;
    const base = puller.transport()!;
    const recording: StoreTransport = { ...base, pull: async (req) => {
      const p = await base.pull(req);
      if (record) pages.push(p);
      return p;
    } };
    const pullEngine = createSyncEngine({ local: puller.local, now: () => new Date(), transport: () => recording });
    t0 = performance.now();
    const { pulled } = await pullEngine.syncOnce();
    const pullMs = performance.now() - t0;
    const count = (table: string) => puller.local.sqlite.prepare<[], number>(`SELECT count(*) FROM "${table}"`).pluck().get() ?? 0;
    const gotDossiers = count('dossiers');
    const gotDocs = count('dossier_parents') + count('dossier_involved') + count('dossier_events');
    if (gotDossiers !== src.dossiers.length || gotDocs !== documents) throw new Error(`pull: ${gotDossiers} dossiers, ${gotDocs} documents`);
    log(`${backend}: pulled ${pulled} changes in ${pullMs.toFixed(0)} ms`);
    record = false;

    // 5. Apply rate vs raw inserts of the same rows, each into a fresh encrypted database.
    const applyDb = openDatabase({ file: join(work.dir, 'apply.db'), key: randomBytes(32), migrationsFolder: MIGRATIONS });
    locals.push(applyDb);
    const applier = createSyncEngine({ local: applyDb, now: () => new Date(), transport: () => null }).internals.applier;
    t0 = performance.now();
    for (const p of pages) applier.applyPage(p);
    const applyMs = performance.now() - t0;
    const rawDb = openDatabase({ file: join(work.dir, 'raw.db'), key: randomBytes(32), migrationsFolder: MIGRATIONS });
    locals.push(rawDb);
    const raw = rawInsert(rawDb, pages);
    const applyRows = pages.reduce((n, p) => n + p.changes.length, 0);
    const pageCount = pages.length;
    pages = [];
    log(`${backend}: apply ${applyMs.toFixed(0)} ms vs raw ${raw.ms.toFixed(0)} ms`);

    // 3. No-op rounds on the same device.
    await breathe();
    for (let i = 0; i < 20; i++) await pullEngine.syncOnce();
    const noopSamples: number[] = [];
    for (let i = 0; i < opts.n; i++) {
      const s = performance.now();
      const r = await pullEngine.syncOnce();
      noopSamples.push(performance.now() - s);
      if (r.pushed !== 0 || r.pulled !== 0) throw new Error('no-op round moved data');
    }
    const noop = stats(noopSamples);
    log(`${backend}: no-op p95 ${noop.p95.toFixed(2)} ms`);

    await breathe();
    // 4. Concurrent devices: each its own user and token, all pushing a new dossier (4 records) at once.
    const devs: Device[] = [];
    for (let i = 0; i < opts.devices; i++) {
      const { id } = await store.admin.createUser(assoc, `Consulent ${i}`, { role: 'consulent', werkgebiedIds: [wgX], schoolId: null });
      devs.push(await enrolDirect(store, url, id, `bench-dev-${i}`));
    }
    const template = { d: src.dossiers[0]!, p: src.parents[0]!, i: src.involved[0]!, e: src.events[0]! };
    const batch = (d: Device): Mutation[] => {
      const id = uuidv7();
      return [
        mutation(d, 'dossier', { ...template.d, id, school_id: schoolX }),
        mutation(d, 'dossier_parent', { ...template.p, id: uuidv7(), dossier_id: id }),
        mutation(d, 'dossier_involved', { ...template.i, id: uuidv7(), dossier_id: id }),
        mutation(d, 'dossier_event', { ...template.e, id: uuidv7(), dossier_id: id }),
      ];
    };
    const latencies: number[] = [];
    const wallMs: number[] = [];
    let errors = 0;
    const ROUNDS = 3;
    for (let round = -1; round < ROUNDS; round++) {
      const w0 = performance.now();
      await Promise.all(devs.map(async (d) => {
        const s = performance.now();
        try {
          const { results } = await d.t.push({ mutations: batch(d) });
          if (results.length !== 4 || results.some((r) => r.status !== 'applied')) errors++;
        } catch {
          errors++;
        }
        if (round >= 0) latencies.push(performance.now() - s);
      }));
      if (round >= 0) wallMs.push(performance.now() - w0);
    }
    const devStats = stats(latencies);
    // The store's view of the same requests: from the request's arrival to the reply handed to the OS.
    await breathe();
    const pushLines = server.logs().split('\n').filter((l) => l.includes('"route":"/v1/push"') && l.includes('"msg":"request"'));
    const storeMs = stats(pushLines.slice(-opts.devices * ROUNDS).map((l) => Number((JSON.parse(l) as { ms: number }).ms)));
    log(`${backend}: ${opts.devices} devices p99 ${devStats.p99.toFixed(1)} ms, ${errors} errors`);

    return {
      backend,
      push: { mutations: queued, ms: pushMs, perSec: queued / (pushMs / 1000) },
      seed: { mutations: seeded, ms: seedMs, perSec: seeded / (seedMs / 1000) },
      pull: { changes: pulled, dossiers: gotDossiers, documents: gotDocs, ms: pullMs, pages: pageCount, perSec: pulled / (pullMs / 1000) },
      noop,
      devices: { devices: opts.devices, rounds: ROUNDS, push: devStats, storeMs, errors, wallMs },
      apply: { rows: applyRows, applyMs, rawMs: raw.ms, ratio: raw.ms / applyMs },
    };
  } catch (err) {
    if (server) log(`${backend}: failed; store log tail:\n${server.logs().slice(-3000)}`);
    throw err;
  } finally {
    for (const l of locals) l.close();
    await admin?.close();
    await server?.stop();
    work.remove();
  }
}

/** Runs both backends; PostgreSQL is skipped (with a loud line) when its binaries are missing. */
export async function runSyncBench(opts: SyncBenchOptions = SYNC_DEFAULTS): Promise<{ results: SyncBackendResult[]; skipped: string[] }> {
  const results: SyncBackendResult[] = [];
  const skipped: string[] = [];
  if (opts.backends.includes('sqlite')) results.push(await runBackend('sqlite', null, opts));
  if (!opts.backends.includes('postgres')) return { results, skipped };
  const pg = await startPostgres();
  if (!pg) {
    log('!!! PostgreSQL is missing: the PostgreSQL sync benchmarks were SKIPPED');
    skipped.push('postgres');
  } else {
    try {
      results.push(await runBackend('postgres', await freshDatabase(pg.url), opts));
    } finally {
      await pg.stop();
    }
  }
  return { results, skipped };
}

/** Markdown for docs/benchmarks.md. */
export function syncReport(r: { results: SyncBackendResult[]; skipped: string[] }, opts: SyncBenchOptions): string[] {
  const ms = (x: number) => `${x.toFixed(x < 100 ? 2 : 0)} ms`;
  const ok = (pass: boolean) => (pass ? '✅' : '❌');
  const nl = (x: number) => Math.round(x).toLocaleString('nl-NL');
  const lines: string[] = [];
  const load = loadavg().map((x) => x.toFixed(1)).join(' / ');
  lines.push(`Sync over HTTP on 127.0.0.1 to a store process (\`server/main.ts\`); app databases encrypted. ${nl(opts.dossiers)} dossiers + ${nl(opts.documents)} documents, ${opts.devices} devices, ${opts.n} no-op samples after 20 warm-up rounds. Load average (1/5/15 min) when the report was written: ${load}.`);
  if (r.skipped.length) lines.push('', `**!!! Skipped: ${r.skipped.join(', ')} (binaries missing).**`);
  lines.push('');
  lines.push(`| measurement | ${r.results.map((x) => x.backend === 'sqlite' ? 'SQLite store' : 'PostgreSQL store').join(' | ')} | goal |`);
  lines.push(`|---|${r.results.map(() => '---|').join('')}---|`);
  const row = (name: string, cell: (x: SyncBackendResult) => string, goal: string) =>
    lines.push(`| ${name} | ${r.results.map(cell).join(' | ')} | ${goal} |`);
  row(`1. push ${nl(opts.pushMutations)} queued mutations`, (x) => `${ms(x.push.ms)} (${nl(x.push.perSec)}/s) ${ok(x.push.ms < 2000)}`, '< 2 s');
  row('2. initial pull into a fresh encrypted database', (x) => `${ms(x.pull.ms)} (${nl(x.pull.changes)} changes, ${x.pull.pages} pages, ${nl(x.pull.perSec)}/s) ${ok(x.pull.ms < 15_000)}`, '< 15 s');
  row('3. no-op round p50 / p95 / p99', (x) => `${ms(x.noop.p50)} / ${ms(x.noop.p95)} / ${ms(x.noop.p99)} ${ok(x.noop.p95 < 30)}`, 'p95 < 30 ms');
  row(`4. ${opts.devices} devices pushing at once: push p50 / p95 / p99`, (x) => `${ms(x.devices.push.p50)} / ${ms(x.devices.push.p95)} / ${ms(x.devices.push.p99)} ${ok(x.devices.push.p99 < 250)}`, 'p99 < 250 ms');
  row('4. … the store\'s own time per push request (its log, whole ms) p50 / p95 / p99', (x) => `${x.devices.storeMs.p50} / ${x.devices.storeMs.p95} / ${x.devices.storeMs.p99} ms`, '–');
  row('4. … errors', (x) => `${x.devices.errors} ${ok(x.devices.errors === 0)}`, '0');
  row('4. … wall time per wave', (x) => x.devices.wallMs.map((w) => ms(w)).join(', '), '–');
  row('5. pull apply rate / raw batched insert rate', (x) => `${x.apply.ratio.toFixed(2)} (apply ${ms(x.apply.applyMs)}, raw ${ms(x.apply.rawMs)}, ${nl(x.apply.rows)} rows) ${ok(x.apply.ratio >= 0.25)}`, '≥ 0.25');
  row('(seeding through push, for reference)', (x) => `${nl(x.seed.mutations)} records in ${ms(x.seed.ms)} (${nl(x.seed.perSec)}/s)`, '–');
  return lines;
}
