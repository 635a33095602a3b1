// A small portable query layer: the store's logic is written once with `?` placeholders and runs on
// SQLite (better-sqlite3, synchronous) and PostgreSQL (pg pool). Integers come back as numbers on both.
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

export type Param = string | number | null | Buffer;
export type Row = Record<string, unknown>;

export interface Queryable {
  readonly dialect: 'sqlite' | 'postgres';
  /** Appended to a SELECT inside `tx` to lock its rows (PostgreSQL); SQLite's BEGIN IMMEDIATE already holds the write lock. */
  readonly forUpdate: string;
  all<T = Row>(sql: string, params?: readonly Param[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: readonly Param[]): Promise<T | undefined>;
  run(sql: string, params?: readonly Param[]): Promise<{ changes: number }>;
}

export interface Db extends Queryable {
  /** Runs `fn` in one write transaction; rolls back when it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `?` → `$1, $2, …` (the store's SQL never holds a literal question mark). */
export function toPgPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * Per file, every call in this process waits its turn: an open transaction never sees another caller's
 * statements, and two stores on one file in one process cannot deadlock (better-sqlite3 waits for a
 * lock synchronously, which would block the very transaction holding it). Other processes: busy_timeout.
 */
const fileQueues = new Map<string, { queue: Promise<unknown>; users: number }>();

export function openSqlite(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // Deleted content is overwritten, not left in free pages: a retention purge must be gone from the file.
  db.pragma('secure_delete = ON');
  const key = resolve(file);
  const slot = fileQueues.get(key) ?? { queue: Promise.resolve(), users: 0 };
  slot.users++;
  fileQueues.set(key, slot);
  const locked = <T>(fn: () => Promise<T> | T): Promise<T> => {
    const next = slot.queue.then(fn, fn);
    slot.queue = next.catch(() => undefined);
    return next;
  };
  // Prepared once per SQL text: preparing was a quarter of a push's CPU time. Bounded, because IN lists
  // make a few texts per list length.
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string): Database.Statement => {
    let s = statements.get(sql);
    if (!s) {
      if (statements.size >= 1000) statements.clear();
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  const direct: Queryable = {
    dialect: 'sqlite',
    forUpdate: '',
    all: async <T>(sql: string, params: readonly Param[] = []) => prepared(sql).all(...params) as T[],
    get: async <T>(sql: string, params: readonly Param[] = []) => prepared(sql).get(...params) as T | undefined,
    run: async (sql, params = []) => ({ changes: prepared(sql).run(...params).changes }),
  };
  return {
    dialect: 'sqlite',
    forUpdate: '',
    all: (sql, params) => locked(() => direct.all(sql, params)),
    get: (sql, params) => locked(() => direct.get(sql, params)),
    run: (sql, params) => locked(() => direct.run(sql, params)),
    tx: (fn) => locked(async () => {
      db.exec('BEGIN IMMEDIATE');
      try {
        const out = await fn(direct);
        db.exec('COMMIT');
        return out;
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw err;
      }
    }),
    close: () => locked(() => {
      db.close();
      if (--slot.users === 0) fileQueues.delete(key);
    }),
  };
}

/** int8 (count(*), bigint columns) as a JS number: versions and sizes stay far below 2^53. */
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function pgQueryable(client: pg.Pool | pg.PoolClient): Queryable {
  const query = (sql: string, params: readonly Param[] = []) => client.query(toPgPlaceholders(sql), params as Param[]);
  return {
    dialect: 'postgres',
    forUpdate: ' FOR UPDATE',
    all: async <T>(sql: string, params?: readonly Param[]) => (await query(sql, params)).rows as T[],
    get: async <T>(sql: string, params?: readonly Param[]) => (await query(sql, params)).rows[0] as T | undefined,
    run: async (sql, params) => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
  };
}

export function openPostgres(url: string): Db & { pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, types: pgTypes, max: 10 });
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  return {
    ...pgQueryable(pool),
    pool,
    tx: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(pgQueryable(client));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** `(?, ?, ?)` for an IN list; callers handle the empty list themselves. */
export function placeholders(n: number): string {
  return `(${Array.from({ length: n }, () => '?').join(', ')})`;
}
