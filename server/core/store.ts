// The association's store: opens the database (PostgreSQL when the URL says so, else a SQLite file),
// brings it to the newest migration and exposes StoreApi. Stateless over its database, so several
// store processes may share one PostgreSQL.
import type { StoreApi } from '../store-api.js';
import { openPostgres, openSqlite, type Db } from '../db/adapter.js';
import { migratePostgres, migrateSqlite } from '../db/migrate.js';
import { createAdmin } from './admin.js';
import { authenticate, enroll } from './auth.js';
import { blobAppend, blobRead, blobStatus } from './blobs.js';
import { pull } from './pull.js';
import { push } from './push.js';
import { reserveTlvNumbers } from './tlv-numbers.js';
import { LIMITS } from '../../shared/sync/protocol.js';

export interface StoreOptions {
  /** `postgres://…` or `postgresql://…`: use PostgreSQL. */
  databaseUrl?: string;
  /** SQLite file, created when missing (used when no PostgreSQL URL is given). */
  sqliteFile?: string;
  /** Store clock (tests pin it). */
  now?: () => Date;
}

export interface HistoryEntry {
  version: number;
  userId: string | null;
  deviceId: string | null;
  at: string;
  fields: string[];
  lost: Record<string, unknown>;
}

/** StoreApi plus read access to a record's change history (audit, tests). */
export interface CoreStore extends StoreApi {
  history(associationId: string, entity: string, id: string): Promise<HistoryEntry[]>;
}

/**
 * After a retention purge (purge.ts): SQLite zeroes deleted content (secure_delete, adapter.ts) and the
 * WAL is checkpointed and truncated, so no old page stays in the -wal file; PostgreSQL keeps deleted rows
 * as dead tuples until VACUUM, which runs outside any transaction (docs/retention.md says what that does
 * and does not remove). A failure here leaves the data unreadable by queries already; it is retried by
 * autovacuum on PostgreSQL and by the next checkpoint on SQLite.
 */
async function scrubFiles(db: Db): Promise<void> {
  try {
    if (db.dialect === 'sqlite') await db.all('PRAGMA wal_checkpoint(TRUNCATE)');
    else await db.run('VACUUM records, history, evictions, seen, blobs, blob_chunks');
  } catch {
    // Another connection may hold the WAL (a long pull): the purge itself is committed.
  }
}

/** Pushes at least this large refresh PostgreSQL's statistics of `records` (see afterPush). */
const ANALYZE_AFTER = 200;

export async function createStore(opts: StoreOptions): Promise<CoreStore> {
  const now = opts.now ?? (() => new Date());
  let db: Db;
  let dialect: StoreApi['dialect'];
  if (opts.databaseUrl && /^postgres(ql)?:\/\//.test(opts.databaseUrl)) {
    const pg = openPostgres(opts.databaseUrl);
    try {
      await migratePostgres(pg.pool);
    } catch (err) {
      await pg.close();
      throw err;
    }
    db = pg;
    dialect = 'postgres';
  } else {
    // A non-PostgreSQL URL names a SQLite file (`sqlite:path`, `file:path` or a plain path).
    const file = opts.sqliteFile ?? opts.databaseUrl?.replace(/^(sqlite|file):(\/\/)?/, '');
    if (!file) throw new Error('createStore needs a PostgreSQL URL or a SQLite file');
    db = openSqlite(file);
    try {
      migrateSqlite(file);
    } catch (err) {
      await db.close();
      throw err;
    }
    dialect = 'sqlite';
  }
  // PostgreSQL plans the pull query from table statistics; after a large push (a first upload, a
  // migration) they are stale until autovacuum comes by, and a first pull can then take a slow plan.
  // Refresh them in the background, at most once a minute per process; ANALYZE blocks no reads or writes.
  let analysedAt = 0;
  const afterPush = (count: number): void => {
    if (dialect !== 'postgres' || count < ANALYZE_AFTER || Date.now() - analysedAt < 60_000) return;
    analysedAt = Date.now();
    db.run('ANALYZE records').catch(() => undefined);
  };
  return {
    dialect,
    authenticate: (token) => authenticate(db, now, token),
    enroll: (code, deviceName, clientKey) => enroll(db, now, code, deviceName, clientKey),
    async push(ctx, mutations) {
      const results = await push(db, now, ctx, mutations);
      afterPush(mutations.length);
      if (mutations.some((m) => m.op === 'purge')) await scrubFiles(db);
      return results;
    },
    pull: (ctx, cursor, limit) => pull(db, ctx, cursor, Math.max(1, Math.min(limit, LIMITS.pullPage))),
    blobStatus: (ctx, sha) => blobStatus(db, ctx, sha),
    blobAppend: (ctx, sha, size, offset, chunk) => blobAppend(db, now, ctx, sha, size, offset, chunk),
    blobRead: (ctx, sha, from) => blobRead(db, ctx, sha, from),
    reserveTlvNumbers: (ctx, requestId, series, count) => reserveTlvNumbers(db, now, ctx, requestId, series, count),
    admin: createAdmin(db, now),
    async ping() {
      try {
        return (await db.get('SELECT 1 AS ok')) !== undefined;
      } catch {
        return false;
      }
    },
    async history(associationId, entity, id) {
      const rows = await db.all<{ version: number; user_id: string | null; device_id: string | null; changed_at: string; fields: string; lost: string }>(
        'SELECT version, user_id, device_id, changed_at, fields, lost FROM history WHERE association_id = ? AND entity = ? AND id = ? ORDER BY version',
        [associationId, entity, id],
      );
      return rows.map((r) => ({
        version: Number(r.version), userId: r.user_id, deviceId: r.device_id, at: r.changed_at, fields: JSON.parse(r.fields), lost: JSON.parse(r.lost),
      }));
    },
    close: () => db.close(),
  };
}
