// Reading the outbox the triggers write, and recording each row's outcome in sync_log: every
// captured seq ends applied, in conflict or rejected, and stays visible there.
import type Database from 'better-sqlite3';
import type { SyncEntity } from '../../shared/sync/entities.js';
import type { Mutation, RejectReason, WireRow } from '../../shared/sync/protocol.js';

export interface OutboxRow {
  seq: number;
  mutation_id: string;
  entity: SyncEntity;
  entity_id: string;
  op: 'upsert' | 'delete' | 'purge';
  data: string;
  base_data: string | null;
  at: string;
}

const parse = (s: string | null): WireRow | null => (s === null ? null : (JSON.parse(s) as WireRow | null));

export function toMutation(r: OutboxRow): Mutation {
  return { seq: r.seq, mutationId: r.mutation_id, entity: r.entity, id: r.entity_id, op: r.op, data: parse(r.data), base: parse(r.base_data), at: r.at };
}

/** The fields a pending row changed: all of them for a creation, else those that differ from its base. */
export function changedFields(r: Pick<OutboxRow, 'op' | 'data' | 'base_data'>): string[] {
  const data = parse(r.data);
  const base = parse(r.base_data);
  if (r.op === 'delete' || !data) return [];
  if (!base) return Object.keys(data);
  return Object.keys(data).filter((k) => data[k] !== base[k]);
}

export function outboxStore(sqlite: Database.Database) {
  const q = {
    batch: sqlite.prepare<[number], OutboxRow>('SELECT * FROM outbox ORDER BY seq LIMIT ?'),
    pendingFor: sqlite.prepare<[string, string], OutboxRow>('SELECT * FROM outbox WHERE entity = ? AND entity_id = ? ORDER BY seq'),
    // What the user sees as pending changes: their edits, not the audit events their reads record (those go too).
    count: sqlite.prepare<[], number>("SELECT count(*) FROM outbox WHERE entity <> 'audit_event'").pluck(),
    remove: sqlite.prepare('DELETE FROM outbox WHERE seq = ?'),
    log: sqlite.prepare(`INSERT OR REPLACE INTO sync_log (seq, entity, entity_id, op, status, reason, version, data, base, at, seen)
      VALUES (@seq, @entity, @entityId, @op, @status, @reason, @version, @data, @base, @at, 0)`),
  };
  return {
    batch: (limit: number) => q.batch.all(limit),
    pendingFor: (entity: SyncEntity, id: string) => q.pendingFor.all(entity, id),
    count: () => q.count.get() ?? 0,
    /** Moves the row out of the outbox into the log with its outcome. Rejected rows keep what was sent. */
    settle(r: OutboxRow, status: 'applied' | 'conflict' | 'rejected', at: string, extra: { reason?: RejectReason; version?: number } = {}) {
      q.remove.run(r.seq);
      const keep = status !== 'applied';
      q.log.run({
        seq: r.seq, entity: r.entity, entityId: r.entity_id, op: r.op, status, reason: extra.reason ?? null, version: extra.version ?? null,
        data: keep ? r.data : null, base: keep ? r.base_data : null, at,
      });
    },
  };
}
export type OutboxStore = ReturnType<typeof outboxStore>;
