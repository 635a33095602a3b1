// A pull: the records and evictions after `cursor` that this user may see, in version order. The
// scope is a SQL condition, so nothing outside it is ever read for this caller.
import type { Change, PullResponse } from '../../shared/sync/protocol.js';
import type { SyncEntity } from '../../shared/sync/entities.js';
import type { DeviceContext } from '../store-api.js';
import { placeholders, type Db } from '../db/adapter.js';
import { PURGED_SCOPE } from './purge.js';
import { readableEntities, scopeSql } from './scope.js';

interface RecordRow {
  entity: SyncEntity;
  id: string;
  data: string;
  version: number;
  deleted: number;
  updated_by: string | null;
  updated_at: string;
  changed: string;
}

export async function pull(db: Db, ctx: DeviceContext, cursor: number, limit: number): Promise<PullResponse> {
  // Head first: every version up to it is committed (versions commit in order), so reading up to it skips none.
  const headRow = await db.get<{ head: number }>('SELECT head FROM associations WHERE id = ?', [ctx.associationId]);
  const head = Number(headRow?.head ?? 0);
  const scope = { epoch: ctx.scopeEpoch, role: ctx.role, werkgebiedIds: ctx.werkgebiedIds, schoolId: ctx.schoolId };
  const entities = readableEntities(ctx);
  // A cursor past the head (a store restored from an older backup) is brought back to it.
  if (entities.length === 0 || cursor >= head) return { changes: [], cursor: head, more: false, head, scope };
  const inEntities = placeholders(entities.length);
  const base = [ctx.associationId, cursor, head, ...entities];
  const vis = scopeSql(ctx, 'scope_werkgebied', 'scope_school');
  const records = await db.all<RecordRow>(
    `SELECT entity, id, data, version, deleted, updated_by, updated_at, changed FROM records
      WHERE association_id = ? AND version > ? AND version <= ? AND entity IN ${inEntities} AND ${vis.sql}
      ORDER BY version LIMIT ?`,
    [...base, ...vis.params, limit + 1],
  );
  // An eviction reaches those who saw the old scope and do not see the new one; a retention purge
  // (new scope PURGED_SCOPE, purge.ts) reaches everyone who saw the old scope.
  const seenNew = scopeSql(ctx, 'new_werkgebied', 'new_school');
  const evictions = await db.all<{ entity: SyncEntity; id: string; version: number; changed_at: string; new_school: string | null }>(
    `SELECT entity, id, version, changed_at, new_school FROM evictions
      WHERE association_id = ? AND version > ? AND version <= ? AND entity IN ${inEntities} AND ${vis.sql}
        AND (new_school = ? OR NOT ${seenNew.sql})
      ORDER BY version LIMIT ?`,
    [...base, ...vis.params, PURGED_SCOPE, ...seenNew.params, limit + 1],
  );
  const changes: Change[] = [
    ...records.map((r): Change => {
      const deleted = Number(r.deleted) === 1;
      return {
        entity: r.entity, id: r.id, version: Number(r.version), op: deleted ? 'delete' : 'upsert',
        data: deleted ? null : JSON.parse(r.data), by: r.updated_by, at: r.updated_at, fields: JSON.parse(r.changed),
      };
    }),
    ...evictions.map((e): Change => ({
      entity: e.entity, id: e.id, version: Number(e.version), op: e.new_school === PURGED_SCOPE ? 'purge' : 'evict', data: null, by: null, at: e.changed_at, fields: [],
    })),
  ].sort((a, b) => a.version - b.version);
  const more = changes.length > limit;
  const page = changes.slice(0, limit);
  return { changes: page, cursor: more ? page[page.length - 1]!.version : head, more, head, scope };
}
