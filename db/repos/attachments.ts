// Attachments of a TLV or arrangement. The bytes are stored in the SQLCipher database, so they are
// encrypted at rest like everything else; the type is decided by content, never by the file name.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { MAX_ATTACHMENT_BYTES, attachmentProblem, sniffMediaType, type AttachmentMediaType } from '../../shared/domain/attachments.js';
import { uuidv7 } from '../../shared/ids.js';
import { DocError } from './arrangement-rows.js';

export interface AttachmentMeta { id: string; name: string; sizeBytes: number; mediaType: AttachmentMediaType; sha256: string; createdAt: string }
const META = 'id, name, size_bytes AS sizeBytes, media_type AS mediaType, sha256, created_at AS createdAt';

export function attachmentRepo(sqlite: Database.Database, now: () => Date) {
  const q = {
    tlv: sqlite.prepare<[string], number>('SELECT 1 FROM tlv_applications WHERE id = ?').pluck(),
    arrangement: sqlite.prepare<[string], number>('SELECT 1 FROM arrangements WHERE id = ?').pluck(),
    insert: sqlite.prepare(`INSERT INTO attachments (id, owner_type, owner_id, name, media_type, size_bytes, sha256, bytes, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    get: sqlite.prepare<[string], AttachmentMeta & { bytes: Buffer }>(`SELECT ${META}, bytes FROM attachments WHERE id = ?`),
    remove: sqlite.prepare('DELETE FROM attachments WHERE id = ?'),
  };

  return {
    add(ownerType: 'tlv' | 'arrangement', ownerId: string, name: string, base64: string): AttachmentMeta {
      if (!q[ownerType].get(ownerId)) throw new DocError('not_found');
      // A text far too long for 5 MiB is refused before decoding it.
      const bytes = base64.length > Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 8 ? null : Buffer.from(base64, 'base64');
      if (!bytes) throw new DocError('fields', [{ path: 'base64', key: 'file_too_large' }], 'validation.file_too_large');
      const problem = attachmentProblem(bytes);
      const mediaType = sniffMediaType(bytes);
      if (problem || !mediaType) {
        const key = problem ?? 'attachment_type';
        throw new DocError('fields', [{ path: 'base64', key }], `validation.${key}`);
      }
      const meta: AttachmentMeta = {
        id: uuidv7(), name, sizeBytes: bytes.length, mediaType, sha256: createHash('sha256').update(bytes).digest('hex'),
        createdAt: now().toISOString(),
      };
      sqlite.transaction(() => {
        q.insert.run(meta.id, ownerType, ownerId, name, mediaType, meta.sizeBytes, meta.sha256, bytes, meta.createdAt);
        // Only the reference: files are content-addressed by sha256 and uploaded from this table by the sync
        // client, so removing an attachment leaves no copy of its content behind in the outbox.
      })();
      return meta;
    },
    get(id: string): (AttachmentMeta & { base64: string }) | null {
      const row = q.get.get(id);
      if (!row) return null;
      const { bytes, ...meta } = row;
      // Synced attachments arrive without their content, which follows as a download (db/sync/blobs.ts).
      if (bytes.length === 0 && meta.sizeBytes > 0) throw new DocError('conflict', [], 'errors.attachment_pending');
      return { ...meta, base64: bytes.toString('base64') };
    },
    remove(id: string): { id: string } {
      if (q.remove.run(id).changes !== 1) throw new DocError('not_found');
      return { id };
    },
  };
}
export type AttachmentRepo = ReturnType<typeof attachmentRepo>;
