// After destroying records (retention purge, here or pulled from the store): merge the search index so
// deleted entries leave its segments, and checkpoint + truncate the WAL so no old page stays in the
// -wal file. Freed pages are zeroed by secure_delete (db/open.ts). Outside any transaction.
import type Database from 'better-sqlite3';

export function scrubFiles(sqlite: Database.Database): void {
  sqlite.exec("INSERT INTO dossier_fts (dossier_fts) VALUES ('optimize')");
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
}
