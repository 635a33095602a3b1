// Applies the generated drizzle migrations (server/migrations/<dialect>) at store start.
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqliteDb } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePgDb } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';

/** Overridable for bundled builds, where the migrations sit beside the bundle. */
export const migrationsDir = (dialect: 'sqlite' | 'pg') =>
  process.env.VELDWERK_STORE_MIGRATIONS
    ? `${process.env.VELDWERK_STORE_MIGRATIONS}/${dialect}`
    : fileURLToPath(new URL(`../migrations/${dialect}`, import.meta.url));

/** A second connection of its own: drizzle's migrator is synchronous on SQLite; BEGIN IMMEDIATE elsewhere waits (busy_timeout). */
export function migrateSqlite(file: string): void {
  const conn = new Database(file);
  try {
    conn.pragma('busy_timeout = 5000');
    migrateSqliteDb(drizzleSqlite(conn), { migrationsFolder: migrationsDir('sqlite') });
  } finally {
    conn.close();
  }
}

/** Several store processes may start at once: an advisory lock lets one migrate while the others wait. */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(7250001)');
    try {
      await migratePgDb(drizzlePg(client), { migrationsFolder: migrationsDir('pg') });
    } finally {
      await client.query('SELECT pg_advisory_unlock(7250001)');
    }
  } finally {
    client.release();
  }
}
