// The world of the sync property test: ONE store database for the whole file, a fresh association per
// run, and per run 3–5 apps wired like the core wires them (db/open.ts, the sync engine, the real handler
// map behind dispatch), each behind the in-process transport plus extra fault hooks: recorded pushes (to
// replay them later), small pull pages, and late delivery of an earlier reply to the same pull.
//
// Runs share the store but not its data: every read and write of the store is scoped to an association
// (tenant isolation, server/core/scope.ts), so a run sees only its own association and runs stay
// independent of each other and of their order (also when fast-check replays or shrinks a run).
// The apps' databases are reused too (emptied and checked empty between runs, see resetApp).
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { dispatch } from '../../../core/dispatch.js';
import { createHandlers } from '../../../core/handlers/index.js';
import { openDatabase, withoutCapture, type LocalDb } from '../../../db/open.js';
import { createSyncEngine, type SyncEngine } from '../../../db/sync/engine.js';
import { createStore, type CoreStore } from '../../../server/core/store.js';
import type { DeviceContext, UserScopeInput } from '../../../server/store-api.js';
import type { Envelope, Input, Method, Output } from '../../../shared/contract/index.js';
import type { PullResponse, PushRequest } from '../../../shared/sync/protocol.js';
import type { StoreTransport } from '../../../shared/sync/transport.js';
import { inProcessTransport, type Faults } from '../../helpers/in-process-transport.js';
import { MIGRATIONS } from '../../helpers/temp-core.js';

/** Extra faults of the model's transport, on top of the in-process transport's own. */
export interface ModelFaults {
  /** Pull: answer with the reply the store gave earlier for the same cursor (a late duplicate), once. */
  stalePull: boolean;
}

export interface Client {
  index: number;
  name: string;
  werkgebied: 'noord' | 'zuid';
  userId: string;
  local: LocalDb;
  engine: SyncEngine;
  faults: Faults;
  model: ModelFaults;
  /** Push requests the store received (for replays), oldest first. */
  sentPushes: PushRequest[];
  /** The first reply the store gave per pull cursor. */
  pullReplies: Map<number, PullResponse>;
  raw(m: string, input: unknown): Promise<Envelope<unknown>>;
  call<M extends Method>(m: M, input: Input<M>): Promise<Output<M>>;
  sql<T = Record<string, unknown>>(query: string, ...params: unknown[]): T[];
  /** Pushes a recorded request again, straight to the store (a duplicate arriving late). */
  replay(req: PushRequest): Promise<void>;
}

const BASE_DIR = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

export interface Bench {
  store: CoreStore;
  dir: string;
  runs: number;
  /** Local databases with their handler maps, reused by the runs (emptied in between, see resetApp). */
  apps: PooledApp[];
  close(): Promise<void>;
}

/**
 * One app's database and handler map, kept across runs: opening a database (its capture triggers are
 * recreated at every open) and preparing the repositories costs ~20 ms, more than a whole run's
 * commands. Between runs everything is deleted and a new sync engine is made; the handlers reach the
 * current engine through `engine` (they hold a forwarding object).
 */
interface PooledApp {
  local: LocalDb;
  handlers: ReturnType<typeof createHandlers>;
  engine: SyncEngine | null;
  connect: (url: string, token: string | null) => StoreTransport;
  /** Per-run transport state, replaced by each run. */
  run: RunState;
  /** Prepared statements of the test's own queries. */
  statements: Map<string, Database.Statement>;
}

interface RunState {
  faults: Faults;
  model: ModelFaults;
  sentPushes: PushRequest[];
  pullReplies: Map<number, PullResponse>;
  pageLimit: number;
  clientKey: string;
}

export async function openBench(now: () => Date): Promise<Bench> {
  const dir = mkdtempSync(join(BASE_DIR, 'veldwerk-sync-prop-'));
  const store = await createStore({ sqliteFile: join(dir, 'store.db') });
  const template = join(dir, 'template.db');
  // Unencrypted (key null): the cipher is not what this test is about.
  openDatabase({ file: template, key: null, migrationsFolder: MIGRATIONS }).close();
  const apps: PooledApp[] = [];
  for (let i = 0; i < 5; i++) {
    const file = join(dir, `app-${i}.db`);
    copyFileSync(template, file);
    apps.push(pooledApp(store, openDatabase({ file, key: null, migrationsFolder: MIGRATIONS, now }), now));
  }
  return {
    store, dir, runs: 0, apps,
    async close() {
      for (const a of apps) a.local.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function pooledApp(store: CoreStore, local: LocalDb, now: () => Date): PooledApp {
  const app: PooledApp = {
    local, engine: null, handlers: null as never, statements: new Map(),
    run: { faults: {}, model: { stalePull: false }, sentPushes: [], pullReplies: new Map(), pageLimit: 1000, clientKey: '' },
    connect(_url, token) {
      const run = app.run;
      const { faults, model, sentPushes, pullReplies } = run;
      const inner = inProcessTransport(store, token, { faults, clientKey: run.clientKey });
      return {
        ...inner,
        async push(req) {
          // What the store receives is recorded, also when its reply is then lost.
          const received = !faults.offline;
          const copy = structuredClone(req);
          try {
            return await inner.push(req);
          } finally {
            if (received) sentPushes.push(copy);
          }
        },
        async pull(req) {
          const fresh = await inner.pull({ ...req, limit: Math.min(req.limit ?? run.pageLimit, run.pageLimit) });
          const earlier = pullReplies.get(req.cursor);
          if (!earlier) pullReplies.set(req.cursor, structuredClone(fresh));
          if (model.stalePull && earlier) {
            model.stalePull = false;
            return structuredClone(earlier);
          }
          return fresh;
        },
      };
    },
  };
  const forward = new Proxy({} as SyncEngine, { get: (_t, key) => Reflect.get(app.engine!, key) });
  app.handlers = createHandlers(local, { now, sync: forward, connect: (url, token) => app.connect(url, token) });
  return app;
}

/** Empties the database (capture and foreign keys off) and checks that nothing is left. */
function resetApp(app: PooledApp): void {
  const sqlite = app.local.sqlite;
  const tables = sqlite.prepare<[], string>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND name NOT LIKE 'dossier_fts_%'`,
  ).pluck().all();
  sqlite.pragma('foreign_keys = OFF');
  try {
    withoutCapture(app.local, () => sqlite.transaction(() => {
      for (const t of tables) sqlite.exec(`DELETE FROM "${t}"`);
      sqlite.exec(`DELETE FROM sqlite_sequence`);
    })());
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  const left = sqlite.prepare<[], number>(`SELECT ${tables.map((t) => `(SELECT count(*) FROM "${t}")`).join(' + ')}`).pluck().get();
  if (left !== 0) throw new Error(`reset left ${left} rows`);
}

export interface World {
  store: CoreStore;
  assoc: string;
  werkgebieden: { noord: string; zuid: string };
  schools: { noord: string; zuid: string };
  clients: Client[];
  /** A device context per werkgebied that reads the store like a consultant there (for checks). */
  observers: { noord: DeviceContext; zuid: DeviceContext };
}

export interface WorldShape {
  /** Consultants' devices in werkgebied noord: which user each device belongs to (0, 0, 1 = two devices of user 0). */
  noordUsers: number[];
  /** One consultant of werkgebied zuid as well. */
  zuid: boolean;
  /** Pull page size for this run (small: several pages, checkpoints between them). */
  pageLimit: number;
}

export async function openWorld(bench: Bench, shape: WorldShape): Promise<World> {
  const run = ++bench.runs;
  const { store } = bench;
  const { id: assoc } = await store.admin.createAssociation(`SWV ${run}`);
  const noord = (await store.admin.createWerkgebied(assoc, 'Noord')).id;
  const zuid = (await store.admin.createWerkgebied(assoc, 'Zuid')).id;
  const imported = await store.admin.importSchools(assoc, 'naam;brin;plaats;werkgebied\nDe Vlinder;01AB;Alkmaar;Noord\nDe Zeester;02CD;Den Haag;Zuid\n');
  if (imported.errors.length) throw new Error('school import failed');
  const scopeOf = (wg: 'noord' | 'zuid'): UserScopeInput => ({ role: 'consulent', werkgebiedIds: [wg === 'noord' ? noord : zuid], schoolId: null });

  const users = new Map<string, string>();
  async function userFor(key: string, wg: 'noord' | 'zuid'): Promise<string> {
    let id = users.get(key);
    if (!id) users.set(key, (id = (await store.admin.createUser(assoc, `Consulent ${key}`, scopeOf(wg))).id));
    return id;
  }
  const devices: Array<{ wg: 'noord' | 'zuid'; user: string }> = [
    ...shape.noordUsers.map((u) => ({ wg: 'noord' as const, user: `n${u}` })),
    ...(shape.zuid ? [{ wg: 'zuid' as const, user: 'z' }] : []),
  ];
  if (devices.length > bench.apps.length) throw new Error('more devices than pooled apps');
  // Users first: every device then sees all of them after its first round.
  const userIds = [];
  for (const d of devices) userIds.push(await userFor(d.user, d.wg));
  const clients: Client[] = [];
  for (const [index, d] of devices.entries()) {
    const { code } = await store.admin.issueEnrollmentCode(userIds[index]!, 10);
    clients.push(await startClient(bench, bench.apps[index]!, index, d.wg, userIds[index]!, code, `run${run}-${index}`, shape.pageLimit));
  }
  const schoolIds = clients[0]!.sql<{ id: string; werkgebied_id: string }>('SELECT id, werkgebied_id FROM schools');
  const schoolIn = (wg: string) => schoolIds.find((s) => s.werkgebied_id === wg)!.id;
  // Observers read the store with a noord consultant's context, and the same narrowed to zuid.
  const auth = await store.authenticate(clients[0]!.engine.internals.state.device()!.token);
  if (!auth.ok) throw new Error(auth.code);
  return {
    store, assoc, werkgebieden: { noord, zuid }, schools: { noord: schoolIn(noord), zuid: schoolIn(zuid) }, clients,
    observers: { noord: auth.ctx, zuid: { ...auth.ctx, werkgebiedIds: [zuid] } },
  };
}

async function startClient(
  bench: Bench, app: PooledApp, index: number, werkgebied: 'noord' | 'zuid', userId: string, code: string, clientKey: string,
  pageLimit: number,
): Promise<Client> {
  const { local } = app;
  resetApp(app);
  const run: RunState = { faults: {}, model: { stalePull: false }, sentPushes: [], pullReplies: new Map(), pageLimit, clientKey };
  app.run = run;
  let transport: { token: string; t: StoreTransport } | null = null;
  const engine = createSyncEngine({
    local, now: local.sync.now, log: () => {},
    transport: () => {
      const device = engine.internals.state.device();
      if (!device) return null;
      if (transport?.token !== device.token) transport = { token: device.token, t: app.connect(device.storeUrl, device.token) };
      return transport.t;
    },
  });
  app.engine = engine;
  const handlers = app.handlers;
  const dispatchTo = (method: Method, input: unknown) => (handlers[method as keyof typeof handlers] as (i: unknown) => unknown)(input);
  const name = `c${index}`;
  const raw = (m: string, input: unknown) => dispatch(m, input, dispatchTo, { log: () => {} });
  const client: Client = {
    index, name, werkgebied, userId, local, engine, faults: run.faults, model: run.model, sentPushes: run.sentPushes,
    pullReplies: run.pullReplies, raw,
    async call(m, input) {
      const env = await raw(m, input);
      if (!env.ok) throw Object.assign(new Error(`${name} ${m}: ${env.error.code} ${env.error.message}`), { envelope: env.error });
      return env.value as never;
    },
    sql: <T>(query: string, ...params: unknown[]) => {
      let st = app.statements.get(query);
      if (!st) app.statements.set(query, (st = local.sqlite.prepare(query)));
      return st.all(...params) as T[];
    },
    async replay(req) {
      const device = engine.internals.state.device()!;
      await inProcessTransport(bench.store, device.token, { clientKey }).push(structuredClone(req));
    },
  };
  await client.call('sync:enroll', { storeUrl: 'https://store.example', code, deviceName: `${name} laptop` });
  // Enrolment starts a first round in the background; wait for it so runs start from a known point.
  while (engine.isRunning()) await new Promise((r) => setTimeout(r, 0));
  return client;
}

/** Every change the context may see, from version 0 (the store's state as this user sees it). */
export async function pullAll(store: CoreStore, ctx: DeviceContext): Promise<PullResponse['changes']> {
  const out: PullResponse['changes'] = [];
  for (let cursor = 0; ;) {
    const page = await store.pull(ctx, cursor, 1000);
    out.push(...page.changes);
    cursor = page.cursor;
    if (!page.more) return out;
  }
}
