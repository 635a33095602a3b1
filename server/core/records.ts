// Reading and writing rows of `records`, `history` and `evictions`, and the per-association
// version counter every write draws from.
import type { SyncEntity } from '../../shared/sync/entities.js';
import type { WireRow } from '../../shared/sync/protocol.js';
import type { Db, Queryable } from '../db/adapter.js';
import type { Scope } from './scope.js';

/** One write transaction in one association: holds the association's lock and its version counter. */
export interface WriteTx {
  q: Queryable;
  associationId: string;
  /** Store clock (ISO) for everything written in this transaction. */
  now: string;
  nextVersion(): number;
  head(): number;
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
  return db.tx(async (q) => {
    const row = await q.get<{ head: number }>(`SELECT head FROM associations WHERE id = ?${q.forUpdate}`, [associationId]);
    if (!row) throw new UnknownAssociationError();
    const start = Number(row.head);
    let head = start;
    const out = await fn({ q, associationId, now: now().toISOString(), nextVersion: () => ++head, head: () => head });
    if (head !== start) await q.run('UPDATE associations SET head = ? WHERE id = ?', [head, associationId]);
    return out;
  });
}

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

export async function loadRecord(q: Queryable, associationId: string, entity: SyncEntity, id: string): Promise<StoredRecord | null> {
  const r = await q.get<RecordRow>(
    `SELECT entity, id, data, version, deleted, scope_werkgebied, scope_school, scope_parent
       FROM records WHERE association_id = ? AND entity = ? AND id = ?`,
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
    `SELECT entity, id, data, version, deleted, scope_werkgebied, scope_school, scope_parent
       FROM records WHERE association_id = ? AND scope_parent = ?`,
    [w.associationId, parent],
  );
  return rows.map(toStored);
}

export interface RecordWrite {
  entity: SyncEntity;
  id: string;
  data: WireRow;
  version: number;
  deleted: boolean;
  scope: Scope;
  blobSha256: string | null;
  by: string | null;
  changed: string[];
}

export async function writeRecord(w: WriteTx, r: RecordWrite): Promise<void> {
  await w.q.run(
    `INSERT INTO records (association_id, entity, id, data, version, deleted, scope_werkgebied, scope_school,
        scope_parent, blob_sha256, updated_by, updated_at, changed)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (association_id, entity, id) DO UPDATE SET data = excluded.data, version = excluded.version,
        deleted = excluded.deleted, scope_werkgebied = excluded.scope_werkgebied, scope_school = excluded.scope_school,
        scope_parent = excluded.scope_parent, blob_sha256 = excluded.blob_sha256, updated_by = excluded.updated_by,
        updated_at = excluded.updated_at, changed = excluded.changed`,
    [w.associationId, r.entity, r.id, JSON.stringify(r.data), r.version, r.deleted ? 1 : 0, r.scope.werkgebied,
      r.scope.school, r.scope.parent, r.blobSha256, r.by, w.now, JSON.stringify(r.changed)],
  );
}

/** Moves a record to a new scope under a new version, and leaves an eviction for those who lose sight of it. */
export async function rescopeRecord(w: WriteTx, rec: StoredRecord, scope: Scope, version: number): Promise<void> {
  await w.q.run(
    `UPDATE records SET scope_werkgebied = ?, scope_school = ?, scope_parent = ?, version = ?
      WHERE association_id = ? AND entity = ? AND id = ?`,
    [scope.werkgebied, scope.school, scope.parent, version, w.associationId, rec.entity, rec.id],
  );
  await addEviction(w, rec, scope, version);
}

export async function addEviction(w: WriteTx, rec: StoredRecord, scope: Scope, version: number): Promise<void> {
  await w.q.run(
    `INSERT INTO evictions (association_id, version, entity, id, scope_werkgebied, scope_school, new_werkgebied, new_school, changed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [w.associationId, version, rec.entity, rec.id, rec.scope.werkgebied, rec.scope.school, scope.werkgebied, scope.school, w.now],
  );
}

export async function addHistory(
  w: WriteTx, version: number, rec: { entity: string; id: string }, who: { userId: string | null; deviceId: string | null },
  fields: string[], lost: WireRow,
): Promise<void> {
  await w.q.run(
    `INSERT INTO history (association_id, version, entity, id, user_id, device_id, changed_at, fields, lost)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [w.associationId, version, rec.entity, rec.id, who.userId, who.deviceId, w.now, JSON.stringify(fields), JSON.stringify(lost)],
  );
}

export const sameScope = (a: Scope, b: Scope) => a.werkgebied === b.werkgebied && a.school === b.school && a.parent === b.parent;
