// Where the store's database is, from the environment: shared by `npm run store` and the admin CLI.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SQLITE_FILE_NAME = 'store.sqlite';

export interface StoreLocation {
  databaseUrl?: string;
  sqliteFile?: string;
  /** For messages: `postgres` or the SQLite file path (never the URL, which may hold a password). */
  describe: string;
}

/** DATABASE_URL (PostgreSQL) wins; else a SQLite file inside VELDWERK_STORE_DIR (default ./store-data). */
export function storeLocation(env: NodeJS.ProcessEnv = process.env, dirOverride?: string): StoreLocation {
  const url = env.DATABASE_URL?.trim();
  if (url) return { databaseUrl: url, describe: 'postgres' };
  const dir = resolve(dirOverride ?? env.VELDWERK_STORE_DIR ?? './store-data');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const sqliteFile = join(dir, SQLITE_FILE_NAME);
  return { sqliteFile, describe: sqliteFile };
}
