// What a write transaction keeps in memory so a push needs few round trips: a cache of the records it
// has read or written, and append-style rows buffered and written with multi-row INSERTs.
//
// Correctness rests on two rules: every statement issued through `WriteTx.q` first flushes what is
// buffered (so any SQL, read or write, sees the transaction's own writes), and every write of a
// `records` row goes through the cache (so a cached or prefetched read is never stale; an entry of
// null means "not in the store", known because nothing else writes records under the association lock).
import type { SyncEntity } from '../../shared/sync/entities.js';
import type { Param, Queryable } from '../db/adapter.js';

/** A table written with buffered multi-row INSERTs. `key`: rows with one key collapse to the last (upserts). */
export interface BufferedTable {
  table: string;
  columns: readonly string[];
  /** SQL appended to the INSERT, e.g. `ON CONFLICT … DO UPDATE …`. */
  suffix?: string;
  key?: (row: readonly Param[]) => string;
}

/** Below PostgreSQL's 65,535 and SQLite's 32,766 bound parameters per statement. */
const MAX_PARAMS = 30_000;
const MAX_ROWS = 1_000;
/** Keys per prefetch query (`id IN (…)`). */
export const PREFETCH_CHUNK = 500;

export const cacheKey = (entity: string, id: string) => `${entity}\u0000${id}`;

export interface WriteBuffer {
  add(t: BufferedTable, row: readonly Param[]): void;
  /** Writes everything buffered, in order of first use per table; a no-op when empty. */
  flush(q: Queryable): Promise<void>;
}

export function createBuffer(): WriteBuffer {
  const pending = new Map<BufferedTable, Map<string, readonly Param[]> | Array<readonly Param[]>>();
  let size = 0;
  return {
    add(t, row) {
      let rows = pending.get(t);
      if (!rows) {
        rows = t.key ? new Map() : [];
        pending.set(t, rows);
      }
      if (rows instanceof Map) rows.set(t.key!(row), row);
      else rows.push(row);
      size++;
    },
    async flush(q) {
      if (size === 0) return;
      const tables = [...pending];
      pending.clear();
      size = 0;
      for (const [t, rows] of tables) {
        const all = rows instanceof Map ? [...rows.values()] : rows;
        const per = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / t.columns.length)));
        const tuple = `(${t.columns.map(() => '?').join(', ')})`;
        for (let i = 0; i < all.length; i += per) {
          const chunk = all.slice(i, i + per);
          await q.run(
            `INSERT INTO ${t.table} (${t.columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}${t.suffix ? ` ${t.suffix}` : ''}`,
            chunk.flat(),
          );
        }
      }
    },
  };
}

/** `q` that flushes `buffer` into `raw` before each of its own statements. */
export function flushingQueryable(raw: Queryable, buffer: WriteBuffer): Queryable {
  return {
    dialect: raw.dialect,
    forUpdate: raw.forUpdate,
    all: async (sql, params) => {
      await buffer.flush(raw);
      return raw.all(sql, params);
    },
    get: async (sql, params) => {
      await buffer.flush(raw);
      return raw.get(sql, params);
    },
    run: async (sql, params) => {
      await buffer.flush(raw);
      return raw.run(sql, params);
    },
  };
}

/**
 * Chunks of at most PREFETCH_CHUNK distinct keys, each as the entities and ids it names, for one
 * `entity IN (…) AND id IN (…)` lookup along the primary key. That may return a few more rows (an id
 * asked for under another entity): callers keep only the keys they asked for.
 */
export function keyChunks(keys: Iterable<{ entity: SyncEntity; id: string }>): Array<{ entities: SyncEntity[]; ids: string[]; keys: Set<string> }> {
  const distinct = new Map<string, { entity: SyncEntity; id: string }>();
  for (const k of keys) distinct.set(cacheKey(k.entity, k.id), k);
  const all = [...distinct];
  const out: Array<{ entities: SyncEntity[]; ids: string[]; keys: Set<string> }> = [];
  for (let i = 0; i < all.length; i += PREFETCH_CHUNK) {
    const chunk = all.slice(i, i + PREFETCH_CHUNK);
    out.push({
      entities: [...new Set(chunk.map(([, k]) => k.entity))],
      ids: [...new Set(chunk.map(([, k]) => k.id))],
      keys: new Set(chunk.map(([key]) => key)),
    });
  }
  return out;
}
