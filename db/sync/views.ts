// What the user sees of sync: open conflicts (and their resolution), rejected changes with the values
// that were not accepted, and a record's history (pulled versions plus pending local changes).
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { historyEntrySchema, SyncConflict, SyncRejection } from '../../shared/contract/sync.js';
import { fullName } from '../../shared/domain/dossier.js';
import { entityDef, isSyncEntity, type SyncEntity } from '../../shared/sync/entities.js';
import type { RejectReason, WireRow } from '../../shared/sync/protocol.js';
import { withoutCapture, type LocalDb } from '../open.js';
import { changedFields, outboxStore } from './outbox.js';
import { keyValues } from './records.js';
import { SyncError } from './enroll.js';

type HistoryEntry = z.infer<typeof historyEntrySchema>;
interface ConflictRow {
  id: string; entity: string; entity_id: string; field: string; base_value: string | null; store_value: string | null;
  device_value: string | null; status: string; created_at: string;
}

/** The dossier a record belongs to (by its scope), for orientation and the title. */
function dossierOf(sqlite: Database.Database, entity: SyncEntity, id: string, depth = 0): string | null {
  if (entity === 'dossier') return id;
  const def = entityDef(entity);
  const s = def.scope;
  const row = () => sqlite.prepare(`SELECT * FROM "${def.table}" WHERE ${def.key.map((k) => `"${k}" = ?`).join(' AND ')}`)
    .get(...keyValues(def, id)) as Record<string, unknown> | undefined;
  if (depth > 4) return null;
  if (s.kind === 'parent') {
    const parentId = row()?.[s.field];
    return typeof parentId === 'string' ? dossierOf(sqlite, s.entity, parentId, depth + 1) : null;
  }
  if (s.kind === 'owner') {
    const r = row();
    const owner = r ? s.owners[String(r[s.typeField])] : undefined;
    return owner && typeof r?.[s.idField] === 'string' ? dossierOf(sqlite, owner, r[s.idField] as string, depth + 1) : null;
  }
  // Records tied to a dossier without living inside it (an arrangement) name it in `dossier_id`.
  if (def.fields.some((f) => f.name === 'dossier_id')) {
    const d = row()?.dossier_id;
    return typeof d === 'string' ? d : null;
  }
  return null;
}

export function syncViews(
  local: LocalDb,
  deps: { now: () => Date; actorId: () => string | null; actorName: () => string; deviceId: () => string | null },
) {
  const sqlite = local.sqlite;
  const outbox = outboxStore(sqlite);
  const q = {
    // Each device resolves the conflicts of its own changes: on another device "Uw versie" would be someone else's text.
    open: sqlite.prepare<[string], ConflictRow>(`SELECT * FROM sync_conflicts WHERE status = 'open' AND device_id = ? ORDER BY created_at, id`),
    conflict: sqlite.prepare<[string], ConflictRow>('SELECT * FROM sync_conflicts WHERE id = ?'),
    markResolved: sqlite.prepare(`UPDATE sync_conflicts SET status = 'resolved', resolution = ?, resolved_by = ?, resolved_at = ? WHERE id = ?`),
    rejections: sqlite.prepare<[], { seq: number; entity: string; entity_id: string; op: 'upsert' | 'delete' | 'purge'; reason: string; data: string | null; base: string | null; at: string }>(
      `SELECT seq, entity, entity_id, op, reason, data, base, at FROM sync_log WHERE status = 'rejected' AND seen = 0 ORDER BY seq`),
    dismiss: sqlite.prepare(`UPDATE sync_log SET seen = 1 WHERE seq = ? AND status = 'rejected'`),
    dossier: sqlite.prepare<[string], { voornaam: string; tussenvoegsel: string; achternaam: string }>(
      'SELECT voornaam, tussenvoegsel, achternaam FROM dossiers WHERE id = ?'),
    history: sqlite.prepare<[string, string], { version: number; by: string | null; name: string | null; at: string; fields: string }>(`
      SELECT h.version, h.by, u.name, h.at, h.fields FROM sync_history h LEFT JOIN users u ON u.id = h.by
      WHERE h.entity = ? AND h.entity_id = ? ORDER BY h.version DESC, h.id DESC`),
    outcomes: sqlite.prepare<[], { seq: number; status: 'applied' | 'conflict' | 'rejected'; reason: string | null }>(
      'SELECT seq, status, reason FROM sync_log ORDER BY seq'),
  };

  function title(entity: SyncEntity, id: string): { dossierId: string | null; title: string } {
    const dossierId = dossierOf(sqlite, entity, id);
    const d = dossierId ? q.dossier.get(dossierId) : undefined;
    if (d) return { dossierId, title: fullName(d) };
    const def = entityDef(entity);
    const named = def.fields.find((f) => f.name === 'name' || f.name === 'title');
    if (named) {
      const row = sqlite.prepare(`SELECT "${named.name}" AS v FROM "${def.table}" WHERE ${def.key.map((k) => `"${k}" = ?`).join(' AND ')}`)
        .get(...keyValues(def, id)) as { v: string } | undefined;
      if (row?.v) return { dossierId: null, title: row.v };
    }
    return { dossierId: null, title: id };
  }

  return {
    conflicts(): SyncConflict[] {
      return q.open.all(deps.deviceId() ?? '').filter((c) => isSyncEntity(c.entity)).map((c) => ({
        id: c.id, entity: c.entity as SyncEntity, entityId: c.entity_id, field: c.field, ...title(c.entity as SyncEntity, c.entity_id),
        baseValue: c.base_value ?? '', storeValue: c.store_value ?? '', deviceValue: c.device_value ?? '', createdAt: c.created_at,
      }));
    },
    /** Writes the chosen text by a normal, captured UPDATE (so it syncs) and records the outcome on the conflict. */
    resolve(id: string, resolution: 'mine' | 'theirs' | 'merged', text?: string): void {
      const c = q.conflict.get(id);
      if (!c || !isSyncEntity(c.entity)) throw new SyncError('not_found', 'not_found');
      if (c.status !== 'open') throw new SyncError('sync_conflict_resolved', 'conflict');
      const def = entityDef(c.entity);
      const field = def.fields.find((f) => f.name === c.field);
      if (!field) throw new SyncError('bad_request');
      const value = resolution === 'mine' ? c.device_value : resolution === 'merged' ? (text ?? '') : null;
      const at = deps.now().toISOString();
      sqlite.transaction(() => {
        // Choosing the store's text (theirs, or a "merge" equal to it) leaves the field as it is now.
        if (resolution !== 'theirs' && value !== c.store_value) {
          // The choice replaces the text the conflict showed, not what the field became since (edits merged after
          // the conflict was recorded): the captured change gets that text as its base, so the store merges the
          // choice into its current text, or records a new conflict; later edits are never overwritten unseen.
          withoutCapture(local, () => sqlite.prepare(`UPDATE "${def.table}" SET "${field.name}" = ? WHERE ${def.key.map((k) => `"${k}" = ?`).join(' AND ')}`)
            .run(c.store_value, ...keyValues(def, c.entity_id)));
          const sets = [`"${field.name}" = ?`, ...def.localOnly.filter((col) => col === 'version' || col === 'revision').map((col) => `"${col}" = "${col}" + 1`)];
          const params: unknown[] = [value];
          if (def.fields.some((f) => f.name === 'updated_at')) {
            sets.push('"updated_at" = ?');
            params.push(at);
          }
          sqlite.prepare(`UPDATE "${def.table}" SET ${sets.join(', ')} WHERE ${def.key.map((k) => `"${k}" = ?`).join(' AND ')}`)
            .run(...params, ...keyValues(def, c.entity_id));
        }
        q.markResolved.run(resolution, deps.actorId(), at, id);
      })();
    },
    rejections(): SyncRejection[] {
      return q.rejections.all().filter((r) => isSyncEntity(r.entity)).map((r) => {
        const data = r.data ? (JSON.parse(r.data) as WireRow | null) : null;
        const base = r.base ? (JSON.parse(r.base) as WireRow | null) : null;
        const fields = r.op === 'delete' ? [] : changedFields({ op: r.op, data: r.data ?? 'null', base_data: r.base });
        const shown = r.op === 'delete' ? Object.keys(base ?? {}) : fields;
        const source = r.op === 'delete' ? base : data;
        return {
          seq: r.seq, entity: r.entity as SyncEntity, entityId: r.entity_id, op: r.op, reason: r.reason as RejectReason,
          title: title(r.entity as SyncEntity, r.entity_id).title,
          changed: shown.map((f) => ({ field: f, value: source?.[f] === null || source?.[f] === undefined ? '' : String(source[f]) })),
          at: r.at,
        };
      });
    },
    dismissRejections(seqs: number[]): void {
      sqlite.transaction(() => seqs.forEach((s) => q.dismiss.run(s)))();
    },
    history(entity: SyncEntity, id: string): HistoryEntry[] {
      const pending = outbox.pendingFor(entity, id).reverse().map((r) => ({
        version: null, by: deps.actorName(), at: r.at, fields: r.op === 'delete' ? [] : changedFields(r), pending: true,
      }));
      const pulled = q.history.all(entity, id).map((h) => ({
        version: h.version, by: h.name ?? '', at: h.at, fields: JSON.parse(h.fields) as string[], pending: false,
      }));
      return [...pending, ...pulled];
    },
    outcomes: () => q.outcomes.all(),
  };
}
