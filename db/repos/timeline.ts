// Timeline events about an MDO or kindgesprek: one row per meaningful step (never per autosave),
// pointing at the document by `ref_id`. `fields` holds names only, never content.
import type Database from 'better-sqlite3';
import type { TimelineEventType } from '../../shared/domain/dossier.js';
import { uuidv7 } from '../../shared/ids.js';

export function timelineWriter(sqlite: Database.Database, actorId: () => string | null) {
  const insert = sqlite.prepare(
    'INSERT INTO dossier_events (id, dossier_id, at, type, actor_id, fields, ref_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return (dossierId: string, type: TimelineEventType, refId: string, at: string, fields: string[] = []) => {
    insert.run(uuidv7(), dossierId, at, type, actorId(), JSON.stringify(fields), refId);
  };
}
