// What belongs to one dossier, for its export (core/handlers/export.ts): the ids of every document
// (the documents themselves are read through their own repositories, so they look exactly like on
// screen), the attachments with their bytes, and the association's retention setting.
import type Database from 'better-sqlite3';
import type { AttachmentMediaType } from '../../shared/domain/attachments.js';

export interface ExportAttachmentRow {
  id: string;
  ownerType: 'tlv' | 'arrangement';
  ownerId: string;
  name: string;
  mediaType: AttachmentMediaType;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
  bytes: Buffer;
}

export function dossierExportQueries(sqlite: Database.Database) {
  const ids = (sql: string) => sqlite.prepare<[string], string>(sql).pluck();
  const q = {
    exists: ids('SELECT id FROM dossiers WHERE id = ?'),
    // Every version of every MDO, superseded ones included: the right of access covers them all.
    mdos: ids('SELECT id FROM mdos WHERE dossier_id = ? ORDER BY datum, series_id, version'),
    kindgesprekken: ids('SELECT id FROM kindgesprekken WHERE dossier_id = ? ORDER BY datum, created_at, id'),
    // One-pupil arrangements only: a group arrangement is about other children too.
    arrangements: ids('SELECT id FROM arrangements WHERE dossier_id = ? ORDER BY start_date, created_at, id'),
    tlvs: ids('SELECT id FROM tlv_applications WHERE dossier_id = ? ORDER BY created_at, id'),
    attachments: sqlite.prepare<{ dossierId: string }, ExportAttachmentRow>(`
      SELECT id, owner_type AS ownerType, owner_id AS ownerId, name, media_type AS mediaType, size_bytes AS sizeBytes,
        sha256, created_at AS createdAt, bytes
      FROM attachments
      WHERE (owner_type = 'tlv' AND owner_id IN (SELECT id FROM tlv_applications WHERE dossier_id = @dossierId))
         OR (owner_type = 'arrangement' AND owner_id IN (SELECT id FROM arrangements WHERE dossier_id = @dossierId))
      ORDER BY created_at, id`),
    setting: sqlite.prepare<[string], string>('SELECT value FROM association_settings WHERE key = ?').pluck(),
  };
  return {
    exists: (dossierId: string): boolean => q.exists.get(dossierId) !== undefined,
    mdoIds: (dossierId: string): string[] => q.mdos.all(dossierId),
    kindgesprekIds: (dossierId: string): string[] => q.kindgesprekken.all(dossierId),
    arrangementIds: (dossierId: string): string[] => q.arrangements.all(dossierId),
    tlvIds: (dossierId: string): string[] => q.tlvs.all(dossierId),
    attachments: (dossierId: string): ExportAttachmentRow[] => q.attachments.all({ dossierId }),
    /** The association's retention setting (JSON), when one has been configured. */
    retention: (): unknown => {
      const raw = q.setting.get('retention');
      if (raw === undefined) return null;
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        return null;
      }
    },
  };
}
export type DossierExportQueries = ReturnType<typeof dossierExportQueries>;
