// Opens (and creates) the local database: encryption first, then pragmas, then migrations to head.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';
import { foldSpecialLetters } from '../shared/domain/dossier.js';
import { uuidv7 } from '../shared/ids.js';
import { installSyncTriggers } from './sync/triggers.js';

export type Db = BetterSQLite3Database<typeof schema>;
/** Read by the capture triggers through connection functions (db/sync/triggers.ts). */
export interface SyncControl {
  /** Off while pulled changes are applied or the demo is loaded: those changes are not this device's own. */
  capture: boolean;
  /** The clock of the outbox rows' `at` (the core's clock, so tests can pin it). */
  now: () => Date;
}

export interface LocalDb {
  sqlite: Database.Database;
  db: Db;
  sync: SyncControl;
  close(): void;
}

/** The capture switch of each open connection, for code that is handed only the connection (the demo loader). */
const controls = new WeakMap<Database.Database, SyncControl>();

/** Runs `fn` with capture off (restored afterwards, also when `fn` throws). */
export function withoutCapture<T>(target: Pick<LocalDb, 'sync'> | Database.Database, fn: () => T): T {
  const control = 'sync' in target ? target.sync : controls.get(target);
  if (!control) return fn();
  const before = control.capture;
  control.capture = false;
  try {
    return fn();
  } finally {
    control.capture = before;
  }
}

export interface OpenOptions {
  file: string;
  /** 32-byte data key. `null` opens without encryption (benchmarks' baseline only). */
  key: Buffer | null;
  migrationsFolder: string;
  now?: () => Date;
}

export class WrongKeyError extends Error {
  constructor() {
    super('The database key does not open this file.');
    this.name = 'WrongKeyError';
  }
}

/** SQLCipher v4 format, so the file opens in standard SQLCipher tools with the raw key (recovery). */
function applyKey(sqlite: Database.Database, key: Buffer): void {
  if (key.length !== 32) throw new Error('The data key must be 32 bytes.');
  sqlite.pragma(`cipher='sqlcipher'`);
  sqlite.pragma('legacy=4');
  // A raw key (x'…'): it is random already, so no password KDF is run on it.
  sqlite.pragma(`key="x'${key.toString('hex')}'"`);
}

export function openDatabase(opts: OpenOptions): LocalDb {
  const sqlite = new Database(opts.file);
  try {
    if (opts.key) applyKey(sqlite, opts.key);
    try {
      sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (err) {
      if (err instanceof Error && /not a database/i.test(err.message)) throw new WrongKeyError();
      throw err;
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Sorts and temp tables stay in memory: temp files would not be encrypted.
    sqlite.pragma('temp_store = MEMORY');
    // Deleted content is overwritten, not left in free pages (a retention purge must be gone from the file).
    sqlite.pragma('secure_delete = ON');
    // 64 MiB of decrypted pages: a whole association's dossiers fit, so reads rarely pay for decryption.
    sqlite.pragma('cache_size = -65536');
    // Used by the search triggers (migration 0001): the index stores ı as i, ł as l, … like the queries.
    sqlite.function('veldwerk_fold', { deterministic: true }, (text: unknown) =>
      typeof text === 'string' ? foldSpecialLetters(text) : text,
    );
    const sync: SyncControl = { capture: true, now: opts.now ?? (() => new Date()) };
    controls.set(sqlite, sync);
    sqlite.function('veldwerk_sync_capture', { deterministic: false }, () => (sync.capture ? 1 : 0));
    sqlite.function('veldwerk_sync_now', { deterministic: false }, () => sync.now().toISOString());
    sqlite.function('veldwerk_uuid', { deterministic: false }, () => uuidv7());
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: opts.migrationsFolder });
    installSyncTriggers(sqlite);
    return { sqlite, db, sync, close: () => sqlite.close() };
  } catch (err) {
    sqlite.close();
    throw err;
  }
}
