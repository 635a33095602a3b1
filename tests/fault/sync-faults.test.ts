// Sync under real faults with real processes: a store process (`server/main.ts`, SQLite in a temp dir)
// that is SIGKILLed and restarted on the same data, app cores talking HTTP to it through a TCP proxy
// that drops connections on purpose, an app core in a child process SIGKILLed mid-pull, and a device
// whose clock is three days off. Every case ends with convergence (devices and store hold the same
// rows for the records in scope) and with every captured seq settled exactly once.
import { createHash, randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../core/core.js';
import { httpTransport } from '../../db/sync/http-transport.js';
import { createStore, type CoreStore } from '../../server/core/store.js';
import { SQLITE_FILE_NAME } from '../../server/http/store-env.js';
import type { Input, Method, Output } from '../../shared/contract/index.js';
import { uuidv7 } from '../../shared/ids.js';
import { entityDef, entityId, type EntityDef, type SyncEntity } from '../../shared/sync/entities.js';
import type { Mutation, WireRow } from '../../shared/sync/protocol.js';
import { startStoreProcess, type StoreProcess } from '../helpers/store-process.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';
import { dossierInput, MIGRATIONS, tempDir } from '../helpers/temp-core.js';

/** The synced fields of a local row, as they travel. */
const wireRow = (def: EntityDef, row: Record<string, unknown>): WireRow =>
  Object.fromEntries(def.fields.map((f) => [f.name, (row[f.name] ?? null) as WireRow[string]]));


const ROOT = join(import.meta.dirname, '../..');
const CASE_ENTITIES: SyncEntity[] = ['dossier', 'dossier_parent', 'dossier_involved', 'dossier_event', 'tlv', 'attachment'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface App {
  core: Core;
  dir: string;
  key: Buffer;
  call<M extends Method>(m: M, input: Input<M>): Promise<Output<M>>;
  sync(): Promise<{ pushed: number; pulled: number }>;
  sql<T = Record<string, unknown>>(query: string, ...params: unknown[]): T[];
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) {
    try {
      await c();
    } catch {
      // keep cleaning up
    }
  }
});

/** A store process on a temp dir behind a proxy, an association with werkgebied Noord and one school. */
async function world() {
  const storeDir = tempDir('veldwerk-fault-store-');
  cleanups.push(() => storeDir.remove());
  let store: StoreProcess = await startStoreProcess({ storeDir: storeDir.dir });
  cleanups.push(() => store.kill());
  const proxy: TcpProxy = await startTcpProxy(store.port);
  cleanups.push(() => proxy.close());
  const storeFile = join(storeDir.dir, SQLITE_FILE_NAME);
  const admin: CoreStore = await createStore({ sqliteFile: storeFile });
  cleanups.push(() => admin.close());
  const { id: assoc } = await admin.admin.createAssociation('SWV Kust');
  const { id: noord } = await admin.admin.createWerkgebied(assoc, 'Noord');
  const imported = await admin.admin.importSchools(assoc, 'naam;brin;plaats;werkgebied\nDe Vlinder;01AB;Alkmaar;Noord\n');
  if (imported.errors.length) throw new Error('school import failed');

  /** Reads the store's database directly (read-only, beside the running process). */
  function storeSql<T = Record<string, unknown>>(query: string, ...params: unknown[]): T[] {
    const db = new Database(storeFile, { readonly: true });
    try {
      return db.prepare(query).all(...params) as T[];
    } finally {
      db.close();
    }
  }
  const school = storeSql<{ id: string }>(`SELECT id FROM records WHERE entity = 'school'`)[0]!.id;

  async function newUser(name: string) {
    const { id } = await admin.admin.createUser(assoc, name, { role: 'consulent', werkgebiedIds: [noord], schoolId: null });
    return (await admin.admin.issueEnrollmentCode(id, 10)).code;
  }

  /** An app core on an encrypted temp database, linked to the store through the proxy; automatic sync off. */
  async function app(name: string, opts: { now?: () => Date; dir?: string; key?: Buffer; enroll?: boolean } = {}): Promise<App> {
    const d = opts.dir ? { dir: opts.dir, remove: () => {} } : tempDir('veldwerk-fault-app-');
    const key = opts.key ?? randomBytes(32);
    const core = createCore({
      dataDir: d.dir, migrationsFolder: MIGRATIONS, dataKey: key, checkOutputs: true, log: () => {}, syncIntervalMs: 0, now: opts.now,
    });
    cleanups.push(async () => {
      await core.close();
      d.remove();
    });
    const a: App = {
      core, dir: d.dir, key,
      async call(m, input) {
        const env = await core.call(m, input);
        if (!env.ok) throw Object.assign(new Error(`${m}: ${env.error.code} ${env.error.message}`), { envelope: env.error });
        return env.value as never;
      },
      sync: () => core.sync!.syncOnce(),
      sql: <T>(query: string, ...params: unknown[]) => core.local!.sqlite.prepare(query).all(...params) as T[],
    };
    if (opts.enroll !== false) {
      await a.call('sync:enroll', { storeUrl: proxy.url, code: await newUser(name), deviceName: `${name} laptop` });
      // Enrolment starts a first round in the background; wait for it.
      while (core.sync!.isRunning()) await sleep(5);
    }
    return a;
  }

  /** SIGKILL (or graceful stop) and start again on the same data dir and port. */
  async function restartStore(how: 'kill' | 'stop' = 'kill'): Promise<void> {
    const port = store.port;
    if (how === 'kill') await store.kill();
    else await store.stop();
    store = await startStoreProcess({ storeDir: storeDir.dir, port });
    proxy.setTarget(store.port);
  }

  /** Devices and store hold the same live rows for the case entities. */
  function expectConverged(apps: App[]): void {
    for (const entity of CASE_ENTITIES) {
      const def = entityDef(entity);
      const stored = new Map(storeSql<{ id: string; data: string }>(`SELECT id, data FROM records WHERE entity = ? AND deleted = 0`, entity)
        .map((r) => [r.id, JSON.parse(r.data) as WireRow]));
      for (const a of apps) {
        const local = new Map(a.sql(`SELECT * FROM "${def.table}"`).map((r) => [entityId(def, r), wireRow(def, r)]));
        expect(local, `${entity} on a device equals the store`).toEqual(stored);
      }
    }
  }

  /** Every captured seq ended in exactly one outcome; nothing is pending but audit events of calls since the last sync. */
  function expectSettled(a: App): void {
    const max = a.sql<{ seq: number }>(`SELECT seq FROM sqlite_sequence WHERE name = 'outbox'`)[0]?.seq ?? 0;
    const pending = a.sql<{ seq: number; entity: string }>('SELECT seq, entity FROM outbox');
    expect(pending.filter((p) => p.entity !== 'audit_event')).toEqual([]);
    const seqs = [...a.core.sync!.outcomes().map((o) => o.seq), ...pending.map((p) => p.seq)].sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: max }, (_, i) => i + 1));
  }

  /** No record has two history entries for one version, and versions are unique per association. */
  function expectNoDuplicateVersions(): void {
    expect(storeSql(`SELECT entity, id, version FROM history GROUP BY association_id, entity, id, version HAVING count(*) > 1`)).toEqual([]);
    expect(storeSql(`SELECT version FROM records WHERE association_id = ? GROUP BY version HAVING count(*) > 1`, assoc)).toEqual([]);
  }

  return {
    get store() {
      return store;
    },
    proxy, admin, assoc, noord, school, storeSql, newUser, app, restartStore, expectConverged, expectSettled, expectNoDuplicateVersions,
  };
}

const deviceId = (a: App) => a.core.sync!.internals.state.device()!.deviceId;

describe('sync faults with real processes', () => {
  it('store SIGKILLed after committing a push, before the reply: the retry applies every seq exactly once', async () => {
    const w = await world();
    const a = await w.app('Anna');
    const b = await w.app('Bram');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const d = await a.call('dossiers:create', dossierInput(w.school, {
        notes: `Dossier ${i}`, parents: [{ name: 'Ouder', relation: 'moeder', gezag: true, phone: '', email: '' }],
      }));
      ids.push(d.id);
    }
    const pending = (await a.call('sync:status', {})).pending;
    expect(pending).toBe(9); // dossier, parent, event per create
    // What goes out: those edits and the audit events of the calls that made them.
    const queued = a.sql<{ n: number }>('SELECT count(*) AS n FROM outbox')[0]!.n;

    const fired = w.proxy.arm({
      kind: 'reply', match: (r) => r.method === 'POST' && r.path === '/v1/push', onReply: () => w.store.kill(),
    });
    await expect(a.sync()).rejects.toMatchObject({ code: 'offline' });
    await fired;
    expect(await w.store.exited).toBe('SIGKILL');
    // The store had committed the whole batch: its idempotency records hold every seq.
    expect(w.storeSql<{ n: number }>('SELECT count(*) AS n FROM seen WHERE device_id = ?', deviceId(a))).toEqual([{ n: queued }]);
    expect((await a.call('sync:status', {})).pending).toBe(pending);

    await w.restartStore();
    await a.sync();
    w.expectSettled(a);
    expect(a.core.sync!.outcomes().every((o) => o.status === 'applied')).toBe(true);
    expect(w.storeSql<{ n: number }>('SELECT count(*) AS n FROM seen WHERE device_id = ?', deviceId(a))).toEqual([{ n: queued }]);
    for (const id of ids) expect(await w.admin.history(w.assoc, 'dossier', id)).toHaveLength(1);
    w.expectNoDuplicateVersions();

    await b.sync();
    expect(b.sql('SELECT id FROM dossiers ORDER BY id')).toEqual(ids.map((id) => ({ id })).sort((x, y) => x.id.localeCompare(y.id)));
    w.expectConverged([a, b]);
  }, 60_000);

  it('app core SIGKILLed mid-pull: reopened, it resumes from its checkpoint and converges without duplicates', async () => {
    const w = await world();
    const dir = tempDir('veldwerk-fault-child-');
    cleanups.push(() => dir.remove());
    const key = randomBytes(32);
    const child = childCore(dir.dir, key);
    cleanups.push(() => child.kill());
    await child.ready;
    const enrolled = await child.call('sync:enroll', { storeUrl: w.proxy.url, code: await w.newUser('Kim'), deviceName: 'Kim laptop' });
    expect(enrolled.ok).toBe(true);
    for (let s = await child.call('sync:status', {}); (s.value as { state: string }).state === 'syncing'; s = await child.call('sync:status', {})) await sleep(20);

    // A big association: 1,500 dossiers with 5 events each, pushed by another device (9,000 records, 9+ pages).
    await seed(w, 1_500, 5);
    let killedAt: { done: number; total: number } | null = null;
    const round = child.call('__sync', {}, (p) => {
      if (!killedAt && p.phase === 'pull' && p.done > 0 && p.done < p.total) {
        killedAt = p;
        child.kill();
      }
    });
    await child.exited;
    void round.catch(() => undefined);
    expect(killedAt).not.toBeNull();

    // Reopened in this process: the checkpoint is a page boundary and everything up to it is there, once.
    const a = await w.app('Kim', { dir: dir.dir, key, enroll: false });
    const cursor = Number(JSON.parse(a.sql<{ value: string }>(`SELECT value FROM settings WHERE key = 'sync.cursor'`)[0]!.value));
    const head = w.storeSql<{ head: number }>('SELECT head FROM associations WHERE id = ?', w.assoc)[0]!.head;
    expect(cursor).toBeGreaterThan(0);
    expect(cursor).toBeLessThan(head);
    const applied = a.sql<{ n: number; max: number }>('SELECT count(*) AS n, max(version) AS max FROM sync_history')[0]!;
    expect(applied.max).toBeLessThanOrEqual(cursor);
    const visibleUpToCursor = w.storeSql<{ n: number }>(
      `SELECT count(*) AS n FROM records WHERE association_id = ? AND version <= ? AND (scope_werkgebied IS NULL OR scope_werkgebied = ?)
        AND entity <> 'audit_event'`,
      w.assoc, cursor, w.noord,
    )[0]!.n;
    expect(applied.n).toBe(visibleUpToCursor);

    const visibleAfterCursor = w.storeSql<{ n: number }>(
      `SELECT count(*) AS n FROM records WHERE association_id = ? AND version > ? AND (scope_werkgebied IS NULL OR scope_werkgebied = ?)
        AND entity <> 'audit_event'`,
      w.assoc, cursor, w.noord,
    )[0]!.n;
    const { pulled } = await a.sync();
    expect(pulled).toBe(visibleAfterCursor); // went on from the checkpoint, not from 0
    expect(a.sql('SELECT entity, entity_id, version FROM sync_history GROUP BY entity, entity_id, version HAVING count(*) > 1')).toEqual([]);
    expect(a.sql<{ n: number }>('SELECT count(*) AS n FROM dossiers')).toEqual([{ n: 1_500 }]);
    expect(Number(JSON.parse(a.sql<{ value: string }>(`SELECT value FROM settings WHERE key = 'sync.cursor'`)[0]!.value))).toBe(head);
    w.expectSettled(a);
    w.expectConverged([a]);
  }, 90_000);

  it('connection cut mid-upload of an attachment: the next round resumes at the stored offset and the blob verifies', async () => {
    const w = await world();
    const a = await w.app('Anna');
    const b = await w.app('Bram');
    const d = await a.call('dossiers:create', dossierInput(w.school));
    const tlv = await a.call('tlv:create', { dossierId: d.id });
    // 1.5 MiB: two chunks (1 MiB + 0.5 MiB); the second is cut after 200 kB.
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(1_500_000).map((x) => 32 + (x % 90)), Buffer.from('\n%%EOF')]);
    const att = await a.call('attachments:add', { ownerType: 'tlv', ownerId: tlv.id, name: 'advies.pdf', base64: bytes.toString('base64') });
    const isChunk = (r: { method: string; path: string }) => r.method === 'PATCH' && r.path.startsWith('/v1/blobs/');
    // The line stays down for the transport's immediate retry too (times: 2), so the round fails.
    const cut = w.proxy.arm({
      kind: 'request', afterBytes: 200_000, times: 2, match: (r) => isChunk(r) && r.headers['upload-offset'] === String(1024 * 1024),
    });
    await expect(a.sync()).rejects.toMatchObject({ code: 'offline' });
    await cut;
    expect(w.storeSql('SELECT received, complete FROM blobs')).toEqual([{ received: 1024 * 1024, complete: 0 }]);
    const before = w.proxy.requests.length;

    await a.sync();
    const chunksAfter = w.proxy.requests.slice(before).filter(isChunk);
    expect(chunksAfter.map((r) => r.headers['upload-offset'])).toEqual([String(1024 * 1024)]);
    expect(w.storeSql('SELECT size, received, complete FROM blobs')).toEqual([{ size: bytes.length, received: bytes.length, complete: 1 }]);
    w.expectSettled(a);

    await b.sync();
    const got = await b.call('attachments:get', { id: att.id });
    expect(createHash('sha256').update(Buffer.from(got.base64, 'base64')).digest('hex')).toBe(att.sha256);
    w.expectNoDuplicateVersions();
    w.expectConverged([a, b]);
  }, 60_000);

  it('store restarted between syncs: devices go on with their tokens and cursors and converge', async () => {
    const w = await world();
    const a = await w.app('Anna');
    const b = await w.app('Bram');
    const d1 = await a.call('dossiers:create', dossierInput(w.school, { notes: 'Eerste' }));
    await a.call('dossiers:create', dossierInput(w.school, { notes: 'Tweede' }));
    await a.sync();
    await b.sync();

    await w.restartStore('kill');
    const fromB = await b.call('dossiers:get', { id: d1.id });
    await b.call('dossiers:update', { id: d1.id, baseVersion: fromB.version, dossier: dossierInput(w.school, { notes: 'Eerste, aangevuld door Bram' }) });
    expect((await b.sync()).pushed).toBeGreaterThan(0);

    await w.restartStore('stop');
    const fromA = await a.call('dossiers:get', { id: d1.id });
    await a.call('dossiers:update', { id: d1.id, baseVersion: fromA.version, dossier: dossierInput(w.school, { notes: 'Eerste', niveau: 3 }) });
    await a.sync();
    await b.sync();
    await a.sync();
    for (const x of [a, b]) {
      const got = await x.call('dossiers:get', { id: d1.id });
      expect({ notes: got.notes, niveau: got.niveau }).toEqual({ notes: 'Eerste, aangevuld door Bram', niveau: 3 });
      w.expectSettled(x);
    }
    w.expectNoDuplicateVersions();
    w.expectConverged([a, b]);
  }, 60_000);

  it('a device clock three days ahead does not order anything: the last arrival wins and all converge', async () => {
    const w = await world();
    const a = await w.app('Anna');
    const ahead = 3 * 86_400_000;
    const c = await w.app('Cas', { now: () => new Date(Date.now() + ahead) });
    const d = await a.call('dossiers:create', dossierInput(w.school, { niveau: 2 }));
    await a.sync();
    await c.sync();

    // Cas (clock +3 days) changes niveau and arrives first; Anna, who has not seen it, arrives later.
    const atC = await c.call('dossiers:get', { id: d.id });
    await c.call('dossiers:update', { id: d.id, baseVersion: atC.version, dossier: dossierInput(w.school, { niveau: 3 }) });
    await c.sync();
    const atA = await a.call('dossiers:get', { id: d.id });
    await a.call('dossiers:update', { id: d.id, baseVersion: atA.version, dossier: dossierInput(w.school, { niveau: 4 }) });
    await a.sync();
    await c.sync();

    for (const x of [a, c]) {
      expect((await x.call('dossiers:get', { id: d.id })).niveau).toBe(4);
      w.expectSettled(x);
    }
    const history = await w.admin.history(w.assoc, 'dossier', d.id);
    expect(history.map((h) => h.version)).toEqual([...history.map((h) => h.version)].sort((x, y) => x - y));
    expect(history.at(-1)!.lost).toMatchObject({ niveau: 3 });
    // Cas's outbox rows carried its future clock; the store's own clock stamps the versions.
    expect(w.storeSql<{ updated_at: string }>(`SELECT updated_at FROM records WHERE entity = 'dossier' AND id = ?`, d.id)[0]!.updated_at < new Date(Date.now() + 60_000).toISOString()).toBe(true);
    w.expectNoDuplicateVersions();
    w.expectConverged([a, c]);
  }, 60_000);
});

type World = Awaited<ReturnType<typeof world>>;

/** Another device pushes `dossiers` dossiers with `events` timeline events each, in batches of 500. */
async function seed(w: World, dossiers: number, events: number): Promise<void> {
  const { id: userId } = await w.admin.admin.createUser(w.assoc, 'Seeder', { role: 'consulent', werkgebiedIds: [w.noord], schoolId: null });
  const { code } = await w.admin.admin.issueEnrollmentCode(userId, 10);
  const res = await w.admin.enroll(code, 'seeder', 'seeder');
  if (typeof res === 'string') throw new Error(res);
  const t = httpTransport(w.store.url, res.token);
  let seq = 0;
  const mutation = (entity: SyncEntity, data: WireRow): Mutation =>
    ({ seq: ++seq, mutationId: uuidv7(), entity, id: entityId(entityDef(entity), data), op: 'upsert', data, base: null, at: new Date().toISOString() });
  const all: Mutation[] = [];
  const at = new Date().toISOString();
  for (let i = 0; i < dossiers; i++) {
    const id = uuidv7();
    all.push(mutation('dossier', {
      id, voornaam: 'Kind', tussenvoegsel: '', achternaam: `Nummer ${i}`, geboortedatum: '2016-05-04', groep: 'g5', school_id: w.school,
      consulent_id: null, niveau: 2, status: 'lopend', notes: '', closed_at: null, created_at: at, updated_at: at,
    }));
    for (let e = 0; e < events; e++) {
      all.push(mutation('dossier_event', { id: uuidv7(), dossier_id: id, at, type: e === 0 ? 'created' : 'changed', actor_id: null, fields: '[]', ref_id: null }));
    }
  }
  for (let i = 0; i < all.length; i += 500) {
    const { results } = await t.push({ mutations: all.slice(i, i + 500) });
    if (results.some((r) => r.status !== 'applied')) throw new Error('seed push not applied');
  }
}

interface ChildCore {
  ready: Promise<void>;
  exited: Promise<unknown>;
  call(method: string, input: unknown, onProgress?: (p: { phase: string; done: number; total: number }) => void): Promise<{ ok: boolean; value?: unknown }>;
  kill(): void;
}

/** tests/helpers/sync-core-child.ts in a child process (`node --import tsx`, so SIGKILL hits the core itself). */
function childCore(dataDir: string, key: Buffer): ChildCore {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/helpers/sync-core-child.ts'), dataDir], {
    cwd: ROOT, env: { ...process.env, VELDWERK_TEST_KEY_HEX: key.toString('hex') }, stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let next = 0;
  const waiting = new Map<number, { resolve: (e: { ok: boolean; value?: unknown }) => void; onProgress?: (p: never) => void }>();
  let readyResolve: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    readyResolve = resolve;
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const msg = JSON.parse(line) as { ready?: boolean; id?: number; progress?: never; envelope?: { ok: boolean; value?: unknown } };
    if (msg.ready) return readyResolve();
    const w = waiting.get(msg.id!);
    if (!w) return;
    if (msg.progress) w.onProgress?.(msg.progress);
    else if (msg.envelope) {
      waiting.delete(msg.id!);
      w.resolve(msg.envelope);
    }
  });
  void exited.then(() => {
    for (const w of waiting.values()) w.resolve({ ok: false });
    waiting.clear();
  });
  return {
    ready,
    exited,
    call(method, input, onProgress) {
      const id = ++next;
      return new Promise((resolve) => {
        waiting.set(id, { resolve, onProgress: onProgress as ((p: never) => void) | undefined });
        child.stdin!.write(`${JSON.stringify({ id, method, input })}\n`);
      });
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
