// A retention purge travels: Anna (consultant) destroys a closed dossier whose term passed; the store
// (SQLite and PostgreSQL) destroys the records, history and blobs, and Bram's device removes it on its
// next pull. A marker in the notes and in an attachment is then in no table on either side, not in the
// store's SQLite file or its -wal (read as bytes), and on PostgreSQL in no table after VACUUM.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../core/core.js';
import type { CoreStore } from '../../../server/core/store.js';
import type { UserScopeInput } from '../../../server/store-api.js';
import type { Input, Method, Output } from '../../../shared/contract/index.js';
import { inProcessTransport } from '../../helpers/in-process-transport.js';
import { MIGRATIONS, dossierInput, tempDir } from '../../helpers/temp-core.js';
import { DIALECTS, useStores } from '../../server/core/harness.js';
import { arrInput } from '../arrangements.fixtures.js';

const MARKER = 'zqvwinkelmarker';
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF`).toString('base64');
const h = useStores();
let clock = new Date();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function app(store: CoreStore, assoc: string, name: string, scope: UserScopeInput) {
  const { id: userId } = await store.admin.createUser(assoc, name, scope);
  const { code } = await store.admin.issueEnrollmentCode(userId, 10);
  const d = tempDir('veldwerk-ret-');
  const core = createCore({
    dataDir: d.dir, migrationsFolder: MIGRATIONS, dataKey: randomBytes(32), checkOutputs: true, log: () => {}, syncIntervalMs: 0,
    now: () => clock, syncTransport: (_url, token) => inProcessTransport(store, token, { clientKey: name }),
  });
  cleanups.push(async () => {
    await core.close();
    d.remove();
  });
  const call = async <M extends Method>(m: M, input: Input<M>): Promise<Output<M>> => {
    const env = await core.call(m, input);
    if (!env.ok) throw new Error(`${m}: ${env.error.code}`);
    return env.value as Output<M>;
  };
  await call('sync:enroll', { storeUrl: 'https://store.example', code, deviceName: `${name} laptop` });
  while (core.sync!.isRunning()) await new Promise((r) => setTimeout(r, 5));
  const sql = <T>(q: string, ...p: unknown[]) => core.local!.sqlite.prepare(q).all(...p) as T[];
  const run = (q: string, ...p: unknown[]) => core.local!.sqlite.prepare(q).run(...p);
  /** Tables of this device's database that still hold one of the needles (any column, also blobs). */
  const mentions = (needles: string[]) => sql<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
    .filter(({ name }) => sql<Record<string, unknown>>(`SELECT * FROM "${name}"`).some((row) =>
      Object.values(row).some((v) => needles.some((n) => (Buffer.isBuffer(v) ? v.toString('latin1') : String(v)).includes(n)))))
    .map((t) => t.name);
  return { call, sync: () => core.sync!.syncOnce(), sql, run, mentions };
}

/** Every table of the store's database (SQLite file or PostgreSQL), as text, holding one of the needles (audit events aside). */
async function storeMentions(dialect: string, where: string, needles: string[]): Promise<string[]> {
  // The audit log keeps ids of what was done, never content: hash-chained proof with its own retention.
  const hit = (rows: Record<string, unknown>[]) => rows.some((row) => row.entity !== 'audit_event' && Object.values(row).some((v) =>
    needles.some((n) => (Buffer.isBuffer(v) ? v.toString('latin1') : String(v)).includes(n))));
  if (dialect === 'sqlite') {
    const db = new Database(where, { readonly: true });
    try {
      const tables = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
      return tables.filter((t) => hit(db.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[]));
    } finally {
      db.close();
    }
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: where });
  await client.connect();
  try {
    const tables = (await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows.map((r) => r.tablename);
    const out: string[] = [];
    for (const t of tables) if (hit((await client.query(`SELECT * FROM "${t}"`)).rows as Record<string, unknown>[])) out.push(t);
    return out;
  } finally {
    await client.end();
  }
}

/** PostgreSQL tables that a manual VACUUM has run on (dead tuples of the purge removed). */
async function vacuumed(url: string): Promise<string[]> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = "SELECT relname FROM pg_stat_user_tables WHERE last_vacuum IS NOT NULL ORDER BY relname";
    return (await client.query<{ relname: string }>(q)).rows.map((r) => r.relname);
  } finally {
    await client.end();
  }
}

describe.each(DIALECTS)('retention purge through the store (%s)', (dialect) => {
  /** A store on a fresh database with one werkgebied and school, and two consultants' devices (null without PostgreSQL). */
  async function kust() {
    const where = dialect === 'postgres' ? await h.pgUrl() : h.sqliteFile();
    if (!where) return null;
    const store = (await h.open(dialect, { now: () => clock, ...(dialect === 'postgres' ? { url: where } : { file: where }) }))!;
    const { id: assoc } = await store.admin.createAssociation('SWV Kust');
    const noord = (await store.admin.createWerkgebied(assoc, 'Noord')).id;
    await store.admin.importSchools(assoc, 'naam;brin;plaats;werkgebied\nDe Vlinder;01AB;Alkmaar;Noord\n');
    const scope = { role: 'consulent' as const, werkgebiedIds: [noord], schoolId: null };
    const anna = await app(store, assoc, 'Anna', scope);
    const bram = await app(store, assoc, 'Bram', scope);
    const school = (await anna.call('schools:list', {}))[0]!;
    return { where, noord, anna, bram, school };
  }

  it('destroys the dossier on the store and on the second device; the run is recorded on the store', async () => {
    clock = new Date('2026-11-22T10:00:00Z');
    const w = await kust();
    if (!w) return; // PostgreSQL is not installed here
    const { where, noord, anna, bram, school } = w;

    const d = await anna.call('dossiers:create', dossierInput(school.id, { notes: `Notitie ${MARKER}` }));
    const keep = await anna.call('dossiers:create', dossierInput(school.id, { voornaam: 'Blijft', notes: 'blijft' }));
    const tlv = await anna.call('tlv:create', { dossierId: d.id });
    const arr = await anna.call('arrangements:create', {
      arrangement: arrInput({ werkgebiedId: noord, schoolId: school.id, dossierId: d.id }, { toelichting: `Arr ${MARKER}` }),
    });
    await anna.call('attachments:add', { ownerType: 'arrangement', ownerId: arr.id, name: 'plan.pdf', base64: pdf(`Bijlage ${MARKER}`) });
    await anna.call('dossiers:close', { id: d.id });
    // The TLV was refused long ago (as the commission would have recorded it): it does not keep the dossier.
    anna.run(`UPDATE tlv_applications SET status = 'afgewezen', decision = '{"datum":"2018-01-10"}' WHERE id = ?`, tlv.id);
    await anna.sync();
    await bram.sync();
    expect((await bram.call('dossiers:get', { id: d.id })).notes).toContain(MARKER);
    expect(await storeMentions(dialect, where, [MARKER])).not.toEqual([]);

    clock = new Date('2028-11-23T10:00:00Z');
    const due = await anna.call('retention:due', {});
    expect(due.items.map((i) => i.id)).toEqual([d.id]);
    expect(await anna.call('retention:purge', { rule: 'dossier_closed', ids: [d.id] })).toEqual({ rule: 'dossier_closed', date: '2028-11-23', count: 1 });
    await anna.sync();
    expect(anna.sql("SELECT status, reason FROM sync_log WHERE op = 'purge'")).toEqual([{ status: 'applied', reason: null }]);

    // The store: no record, history, blob or seen result of it; the run (rule, date, count) is there.
    const ids = [d.id, tlv.id, arr.id];
    expect(await storeMentions(dialect, where, [MARKER])).toEqual([]);
    expect((await storeMentions(dialect, where, ids)).sort()).toEqual(['evictions']); // purge evictions: ids, no content

    if (dialect === 'sqlite') {
      for (const f of [where, `${where}-wal`]) if (existsSync(f)) expect(readFileSync(f).includes(Buffer.from(MARKER))).toBe(false);
    } else {
      expect(await vacuumed(where)).toEqual(['blob_chunks', 'blobs', 'evictions', 'history', 'records', 'seen']);
    }

    // Bram's next pull removes it, with its attachment and search entry.
    await bram.sync();
    expect((await bram.call('dossiers:list', {})).rows.map((r) => r.id)).toEqual([keep.id]);
    expect((await bram.call('dossiers:list', { query: MARKER })).total).toBe(0);
    expect(bram.mentions([MARKER])).toEqual([]);
    expect(bram.mentions(ids).filter((t) => t !== 'audit_log' && t !== 'sync_log')).toEqual([]);
    expect(anna.mentions([MARKER])).toEqual([]);
    // Bram sees the run in the history.
    expect((await bram.call('retention:runs', {})).runs).toMatchObject([{ rule: 'dossier_closed', date: '2028-11-23', count: 1, byName: 'Anna' }]);
    expect(await storeMentions(dialect, where, ['"rule":"dossier_closed"'])).toEqual(['records']);
  });

  it('destroys a TLV whose term passed on the store and the second device; the dossier stays', async () => {
    clock = new Date('2026-11-22T10:00:00Z');
    const w = await kust();
    if (!w) return; // PostgreSQL is not installed here
    const { where, anna, bram, school } = w;
    const d = await anna.call('dossiers:create', dossierInput(school.id, { notes: 'blijft staan' }));
    const tlv = await anna.call('tlv:create', { dossierId: d.id });
    await anna.call('attachments:add', { ownerType: 'tlv', ownerId: tlv.id, name: 'advies.pdf', base64: pdf(`Advies ${MARKER}`) });
    // Granted, ended 31 July 2019: with the 7-year default due on 31 July 2026.
    anna.run(`UPDATE tlv_applications SET status = 'toegekend', period_end = '2019-07-31' WHERE id = ?`, tlv.id);
    await anna.sync();
    await bram.sync();
    expect((await bram.call('tlv:list', { dossierId: d.id })).map((t) => t.id)).toEqual([tlv.id]);

    expect((await anna.call('retention:due', {})).items).toMatchObject([{ rule: 'tlv', id: tlv.id, dossierId: d.id }]);
    await anna.call('retention:purge', { rule: 'tlv', ids: [tlv.id] });
    await anna.sync();
    expect(await storeMentions(dialect, where, [MARKER])).toEqual([]);
    expect(await storeMentions(dialect, where, ['blijft staan'])).not.toEqual([]);
    await bram.sync();
    expect((await bram.call('tlv:list', { dossierId: d.id }))).toEqual([]);
    expect((await bram.call('dossiers:get', { id: d.id })).notes).toBe('blijft staan');
    expect(bram.mentions([MARKER])).toEqual([]);
  });

  it('refuses a purge the store finds not due, and a late write to a purged dossier', async () => {
    clock = new Date('2026-11-22T10:00:00Z');
    const w = await kust();
    if (!w) return; // PostgreSQL is not installed here
    const { anna, bram, school } = w;
    const d = await anna.call('dossiers:create', dossierInput(school.id));
    await anna.call('dossiers:close', { id: d.id });
    await anna.sync();
    await bram.sync();
    // A forged purge of a dossier closed today: the store refuses it.
    anna.run(`INSERT INTO outbox (mutation_id, entity, entity_id, op, data, base_data, at) VALUES ('m-x', 'dossier', ?, 'purge', 'null', NULL, 'x')`, d.id);
    await anna.sync();
    expect(anna.sql("SELECT status, reason FROM sync_log WHERE op = 'purge'")).toEqual([{ status: 'rejected', reason: 'not_due' }]);
    expect(await anna.call('sync:rejections', {})).toMatchObject([{ entity: 'dossier', entityId: d.id, op: 'purge', reason: 'not_due' }]);
    expect((await bram.call('dossiers:get', { id: d.id })).id).toBe(d.id);

    clock = new Date('2028-11-23T10:00:00Z');
    // Bram reopens it offline while Anna destroys it; Anna's purge arrives first.
    await bram.call('dossiers:reopen', { id: d.id });
    await anna.call('retention:purge', { rule: 'dossier_closed', ids: [d.id] });
    await anna.sync();
    await bram.sync();
    const rejected = bram.sql<{ reason: string }>("SELECT reason FROM sync_log WHERE entity = 'dossier' AND status = 'rejected'");
    expect(rejected.map((r) => r.reason)).toContain('purged');
    expect((await bram.call('dossiers:list', {})).total).toBe(0);
    await anna.sync();
    expect((await anna.call('dossiers:list', {})).total).toBe(0);
  });
});
