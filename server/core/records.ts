// Reading and writing rows of `records`, `history` and `evictions`, and the per-association
// version counter every write draws from. A write transaction caches records and buffers its writes
// (write-tx.ts): a push costs a few statements per batch, not several per mutation.
import type { SyncEntity } from '../../shared/sync/entities.js';
import type { WireRow } from '../../shared/sync/protocol.js';
import { placeholders, type Db, type Param, type Queryable } from '../db/adapter.js';
import type { Scope } from './scope.js';
import { cacheKey, createBuffer, flushingQueryable, keyChunks, type BufferedTable } from './write-tx.js';

/** One write transaction in one association: holds the association's lock and its version counter. */
export interface WriteTx {
  /** Flushes the buffered writes before each statement: SQL through it sees everything written so far. */
  q: Queryable;
  associationId: string;
  /** Store clock (ISO) for everything written in this transaction. */
  now: string;
  nextVersion(): number;
  head(): number;
  /** A record as this transaction sees it (cached; the cache follows every write made through this module). */
  load(entity: SyncEntity, id: string): Promise<StoredRecord | null>;
  /** Loads these records into the cache, one query per 500 keys; absent ones are remembered as absent. */
  prefetch(keys: Iterable<{ entity: SyncEntity; id: string }>): Promise<void>;
  /** Buffers a row for a multi-row INSERT, written before the next statement through `q` or at commit. */
  defer(t: BufferedTable, row: readonly Param[]): void;
  /** Records a record's state after a write. */
  remember(rec: StoredRecord): void;
}

export interface StoredRecord {
  entity: SyncEntity;
  id: string;
  data: WireRow;
  version: number;
  deleted: boolean;
  scope: Scope;
}

export class UnknownAssociationError extends Error {
  constructor() {
    super('Unknown association');
    this.name = 'UnknownAssociationError';
  }
}

/**
 * Runs `fn` holding the association row's lock (PostgreSQL FOR UPDATE, SQLite BEGIN IMMEDIATE), so
 * versions are handed out gap-free and commit in version order: a pull by cursor never skips one.
 */
export function inAssociation<T>(db: Db, associationId: string, now: () => Date, fn: (w: WriteTx) => Promise<T>): Promise<T> {
  return db.tx(async (raw) => {
    const row = await raw.get<{ head: number }>(`SELECT head FROM associations WHERE id = ?${raw.forUpdate}`, [associationId]);
    if (!row) throw new UnknownAssociationError();
    const start = Number(row.head);
    let head = start;
    const buffer = createBuffer();
    const cache = new Map<string, StoredRecord | null>();
    const w: WriteTx = {
      q: flushingQueryable(raw, buffer),
      associationId,
      now: now().toISOString(),
      nextVersion: () => ++head,
      head: () => head,
      // Not through `q`: a key the cache lacks was not written in this transaction, so nothing buffered concerns it.
      async load(entity, id) {
        const key = cacheKey(entity, id);
        const hit = cache.get(key);
        if (hit !== undefined) return hit;
        const rec = await loadRecord(raw, associationId, entity, id);
        cache.set(key, rec);
        return rec;
      },
      async prefetch(keys) {
        const missing = [...keys].filter((k) => !cache.has(cacheKey(k.entity, k.id)));
        for (const { entities, ids, keys: wanted } of keyChunks(missing)) {
          const rows = await raw.all<RecordRow>(
            `SELECT ${RECORD_COLUMNS} FROM records
              WHERE association_id = ? AND entity IN ${placeholders(entities.length)} AND id IN ${placeholders(ids.length)}`,
            [associationId, ...entities, ...ids],
          );
          for (const key of wanted) cache.set(key, null);
          for (const r of rows) {
            const key = cacheKey(r.entity, r.id);
            if (wanted.has(key)) cache.set(key, toStored(r));
          }
        }
      },
      defer: (t, params) => buffer.add(t, params),
      remember: (rec) => cache.set(cacheKey(rec.entity, rec.id), rec),
    };
    const out = await fn(w);
    await buffer.flush(raw);
    if (head !== start) await raw.run('UPDATE associations SET head = ? WHERE id = ?', [head, associationId]);
    return out;
  });
}

const RECORD_COLUMNS = 'entity, id, data, version, deleted, scope_werkgebied, scope_school, scope_parent';

interface RecordRow {
  entity: string;
  id: string;
  data: string;
  version: number;
  deleted: number;
  scope_werkgebied: string | null;
  scope_school: string | null;
  scope_parent: string | null;
}

/** Uncached: inside a write transaction use `w.load`. */
export async function loadRecord(q: Queryable, associationId: string, entity: SyncEntity, id: string): Promise<StoredRecord | null> {
  const r = await q.get<RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM records WHERE association_id = ? AND entity = ? AND id = ?`,
    [associationId, entity, id],
  );
  return r ? toStored(r) : null;
}

export function toStored(r: RecordRow): StoredRecord {
  return {
    entity: r.entity as SyncEntity,
    id: r.id,
    data: JSON.parse(r.data) as WireRow,
    version: Number(r.version),
    deleted: Number(r.deleted) === 1,
    scope: { werkgebied: r.scope_werkgebied, school: r.scope_school, parent: r.scope_parent },
  };
}

export async function dependents(w: WriteTx, parent: string): Promise<StoredRecord[]> {
  const rows = await w.q.all<RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM records WHERE association_id = ? AND scope_parent = ? ORDER BY entity, id`,
    [w.associationId, parent],
  );
  return rows.map(toStored);
}

/** A record as written: its state plus the blob it names, who wrote it and which fields changed. */
export interface RecordWrite extends StoredRecord {
  blobSha256: string | null;
  by: string | null;
  changed: string[];
}

const RECORDS: BufferedTable = {
  table: 'records',
  columns: ['association_id', 'entity', 'id', 'data', 'version', 'deleted', 'scope_werkgebied', 'scope_school', 'scope_parent',
    'blob_sha256', 'updated_by', 'updated_at', 'changed'],
  suffix: `ON CONFLICT (association_id, entity, id) DO UPDATE SET data = excluded.data, version = excluded.version,
        deleted = excluded.deleted, scope_werkgebied = excluded.scope_werkgebied, scope_school = excluded.scope_school,
        scope_parent = excluded.scope_parent, blob_sha256 = excluded.blob_sha256, updated_by = excluded.updated_by,
        updated_at = excluded.updated_at, changed = excluded.changed`,
  // One row per record and statement (PostgreSQL refuses to upsert a row twice in one INSERT): the last write wins.
  key: (row) => cacheKey(String(row[1]), String(row[2])),
};
const EVICTIONS: BufferedTable = {
  table: 'evictions',
  columns: ['association_id', 'version', 'entity', 'id', 'scope_werkgebied', 'scope_school', 'new_werkgebied', 'new_school', 'changed_at'],
};
const HISTORY: BufferedTable = {
  table: 'history',
  columns: ['association_id', 'version', 'entity', 'id', 'user_id', 'device_id', 'changed_at', 'fields', 'lost'],
};

// Writes of records, history and evictions are buffered (write-tx.ts): they reach the database before the
// next statement of the transaction, or at its end, as multi-row INSERTs.

/** Upserts the whole row. */
export function writeRecord(w: WriteTx, r: RecordWrite): void {
  w.defer(RECORDS, [w.associationId, r.entity, r.id, JSON.stringify(r.data), r.version, r.deleted ? 1 : 0, r.scope.werkgebied,
    r.scope.school, r.scope.parent, r.blobSha256, r.by, w.now, JSON.stringify(r.changed)]);
  w.remember({ entity: r.entity, id: r.id, data: r.data, version: r.version, deleted: r.deleted, scope: r.scope });
}

/** Moves a record to a new scope under a new version, and leaves an eviction for those who lose sight of it. */
export async function rescopeRecord(w: WriteTx, rec: StoredRecord, scope: Scope, version: number): Promise<void> {
  await w.q.run(
    `UPDATE records SET scope_werkgebied = ?, scope_school = ?, scope_parent = ?, version = ?
      WHERE association_id = ? AND entity = ? AND id = ?`,
    [scope.werkgebied, scope.school, scope.parent, version, w.associationId, rec.entity, rec.id],
  );
  w.remember({ ...rec, scope, version });
  addEviction(w, rec, scope, version);
}

export function addEviction(w: WriteTx, rec: StoredRecord, scope: Scope, version: number): void {
  w.defer(EVICTIONS, [w.associationId, version, rec.entity, rec.id, rec.scope.werkgebied, rec.scope.school, scope.werkgebied, scope.school, w.now]);
}

export function addHistory(
  w: WriteTx, version: number, rec: { entity: string; id: string }, who: { userId: string | null; deviceId: string | null },
  fields: string[], lost: WireRow,
): void {
  w.defer(HISTORY, [w.associationId, version, rec.entity, rec.id, who.userId, who.deviceId, w.now, JSON.stringify(fields), JSON.stringify(lost)]);
}

export const sameScope = (a: Scope, b: Scope) => a.werkgebied === b.werkgebied && a.school === b.school && a.parent === b.parent;
