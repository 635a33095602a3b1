// Content-addressed attachment bytes, uploaded in chunks that append at the received offset (so an
// upload resumes after a broken connection) and verified against their sha-256 when complete.
//
// Who may see a blob: a device whose user can see a live attachment record naming it, or the device
// that uploaded it (it had the bytes; and it must resume before its attachment record can be pushed).
// The progress of an incomplete upload is shown to any device of the association: it holds no content,
// and a second device uploading the same file needs the offset to go on.
import { createHash } from 'node:crypto';
import { ENTITY_DEFS } from '../../shared/sync/entities.js';
import { LIMITS, type BlobStatus } from '../../shared/sync/protocol.js';
import type { DeviceContext } from '../store-api.js';
import { placeholders, type Db, type Queryable } from '../db/adapter.js';
import { readableEntities, scopeSql } from './scope.js';
import { blobField } from './validate.js';

interface BlobRow {
  size: number;
  received: number;
  complete: number;
  uploaded_by: string | null;
}

const statusOf = (sha256: string, r: BlobRow): BlobStatus =>
  ({ sha256, size: Number(r.size), received: Number(r.received), complete: Number(r.complete) === 1 });

const BLOB_ENTITIES = new Set(ENTITY_DEFS.filter((d) => blobField(d)).map((d) => d.name));

async function referencedFor(q: Queryable, ctx: DeviceContext, sha256: string): Promise<boolean> {
  const entities = readableEntities(ctx).filter((e) => BLOB_ENTITIES.has(e));
  if (entities.length === 0) return false;
  const vis = scopeSql(ctx, 'scope_werkgebied', 'scope_school');
  const row = await q.get(
    `SELECT 1 AS ok FROM records WHERE association_id = ? AND blob_sha256 = ? AND deleted = 0
        AND entity IN ${placeholders(entities.length)} AND ${vis.sql} LIMIT 1`,
    [ctx.associationId, sha256, ...entities, ...vis.params],
  );
  return row !== undefined;
}

const getBlob = (q: Queryable, ctx: DeviceContext, sha256: string, lock = '') =>
  q.get<BlobRow>(`SELECT size, received, complete, uploaded_by FROM blobs WHERE association_id = ? AND sha256 = ?${lock}`, [
    ctx.associationId, sha256,
  ]);

export async function blobStatus(db: Db, ctx: DeviceContext, sha256: string): Promise<BlobStatus | null> {
  const row = await getBlob(db, ctx, sha256);
  if (!row) return null;
  const visible = Number(row.complete) !== 1 || row.uploaded_by === ctx.deviceId || (await referencedFor(db, ctx, sha256));
  return visible ? statusOf(sha256, row) : null;
}

export async function blobRead(db: Db, ctx: DeviceContext, sha256: string, from: number): Promise<{ size: number; bytes: Buffer } | 'not_found'> {
  const row = await getBlob(db, ctx, sha256);
  if (!row || Number(row.complete) !== 1) return 'not_found';
  if (row.uploaded_by !== ctx.deviceId && !(await referencedFor(db, ctx, sha256))) return 'not_found';
  const chunks = await db.all<{ chunk_offset: number; bytes: Buffer }>(
    `SELECT chunk_offset, bytes FROM blob_chunks WHERE association_id = ? AND sha256 = ? AND chunk_offset + length(bytes) > ?
      ORDER BY chunk_offset`,
    [ctx.associationId, sha256, from],
  );
  const start = chunks.length > 0 ? Number(chunks[0]!.chunk_offset) : from;
  const bytes = Buffer.concat(chunks.map((c) => Buffer.from(c.bytes))).subarray(Math.max(0, from - start));
  return { size: Number(row.size), bytes };
}

async function discard(q: Queryable, ctx: DeviceContext, sha256: string): Promise<void> {
  await q.run('DELETE FROM blob_chunks WHERE association_id = ? AND sha256 = ?', [ctx.associationId, sha256]);
  await q.run('DELETE FROM blobs WHERE association_id = ? AND sha256 = ?', [ctx.associationId, sha256]);
}

export async function blobAppend(
  db: Db, now: () => Date, ctx: DeviceContext, sha256: string, size: number, offset: number, chunk: Buffer,
): Promise<BlobStatus | 'offset_mismatch' | 'hash_mismatch' | 'too_large'> {
  if (size < 0 || size > LIMITS.blobBytes || chunk.length > LIMITS.chunkBytes || offset + chunk.length > size) return 'too_large';
  return db.tx(async (q) => {
    await q.run(
      `INSERT INTO blobs (association_id, sha256, size, received, complete, uploaded_by, created_at) VALUES (?, ?, ?, 0, 0, ?, ?)
       ON CONFLICT (association_id, sha256) DO NOTHING`,
      [ctx.associationId, sha256, size, ctx.deviceId, now().toISOString()],
    );
    let row = (await getBlob(q, ctx, sha256, q.forUpdate))!;
    if (Number(row.complete) === 1) return statusOf(sha256, row);
    if (Number(row.size) !== size) {
      // A different declared size restarts the upload, but only from the beginning.
      if (offset !== 0) return 'offset_mismatch';
      await discard(q, ctx, sha256);
      await q.run('INSERT INTO blobs (association_id, sha256, size, received, complete, uploaded_by, created_at) VALUES (?, ?, ?, 0, 0, ?, ?)', [
        ctx.associationId, sha256, size, ctx.deviceId, now().toISOString(),
      ]);
      row = { size, received: 0, complete: 0, uploaded_by: ctx.deviceId };
    }
    if (offset !== Number(row.received)) return 'offset_mismatch';
    const received = offset + chunk.length;
    if (chunk.length > 0) {
      await q.run('INSERT INTO blob_chunks (association_id, sha256, chunk_offset, bytes) VALUES (?, ?, ?, ?)', [
        ctx.associationId, sha256, offset, chunk,
      ]);
    }
    if (received < size) {
      await q.run('UPDATE blobs SET received = ? WHERE association_id = ? AND sha256 = ?', [received, ctx.associationId, sha256]);
      return statusOf(sha256, { ...row, received });
    }
    const hash = createHash('sha256');
    const chunks = await q.all<{ bytes: Buffer }>('SELECT bytes FROM blob_chunks WHERE association_id = ? AND sha256 = ? ORDER BY chunk_offset', [
      ctx.associationId, sha256,
    ]);
    for (const c of chunks) hash.update(c.bytes);
    if (hash.digest('hex') !== sha256) {
      await discard(q, ctx, sha256);
      return 'hash_mismatch';
    }
    await q.run('UPDATE blobs SET received = ?, complete = 1 WHERE association_id = ? AND sha256 = ?', [received, ctx.associationId, sha256]);
    return statusOf(sha256, { ...row, received, complete: 1 });
  });
}
