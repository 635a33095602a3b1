// Where a record lives (werkgebied, school) and who may see or write it. Derived from the entity's
// ScopeRule; the same rules exist as a JS predicate (writes) and as a SQL condition (pulls).
import { SYNC_ENTITIES, entityDef, isSyncEntity, type EntityDef, type SyncEntity } from '../../shared/sync/entities.js';
import type { WireRow } from '../../shared/sync/protocol.js';
import type { DeviceContext } from '../store-api.js';
import type { Param } from '../db/adapter.js';
import type { WriteTx } from './records.js';

export interface Scope {
  werkgebied: string | null;
  school: string | null;
  /** `entity:id` of the record this scope derives from, so a move can re-scope what hangs below it. */
  parent: string | null;
}

const ASSOCIATION: Scope = { werkgebied: null, school: null, parent: null };

export const parentKey = (entity: string, id: string) => `${entity}:${id}`;

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/**
 * The record a scope derives from (school, parent, owner, subject rules); null for rules that need none;
 * `invalid` / `parent_missing` when the data cannot name one. Also used to prefetch a push's parents.
 */
export function scopeSource(def: EntityDef, data: WireRow): { entity: SyncEntity; id: string } | null | 'invalid' | 'parent_missing' {
  const rule = def.scope;
  const named = (entity: SyncEntity, id: unknown) => (typeof id === 'string' ? { entity, id } : 'parent_missing' as const);
  switch (rule.kind) {
    case 'association':
    case 'werkgebied':
      return null;
    case 'school': {
      const schoolId = str(data[rule.field]);
      return schoolId ? { entity: 'school', id: schoolId } : 'invalid';
    }
    case 'parent':
      return named(rule.entity, data[rule.field]);
    case 'owner': {
      const type = str(data[rule.typeField]);
      const owner = type !== null && Object.hasOwn(rule.owners, type) ? rule.owners[type] : undefined;
      return owner ? named(owner, data[rule.idField]) : 'invalid';
    }
    case 'subject': {
      const entity = data[rule.entityField];
      return isSyncEntity(entity) ? named(entity, data[rule.idField]) : 'invalid';
    }
  }
}

export async function computeScope(w: WriteTx, def: EntityDef, data: WireRow): Promise<Scope | 'parent_missing' | 'invalid'> {
  const rule = def.scope;
  if (rule.kind === 'association') return ASSOCIATION;
  if (rule.kind === 'werkgebied') {
    const werkgebied = str(data[rule.werkgebiedField]);
    if (!werkgebied) return 'invalid';
    return { werkgebied, school: str(data[rule.schoolField]), parent: null };
  }
  const src = scopeSource(def, data);
  if (src === null) return ASSOCIATION; // not reached: only the two rules above name no source
  if (typeof src === 'string') return src;
  const rec = await w.load(src.entity, src.id);
  if (!rec || rec.deleted) return 'parent_missing';
  const parent = parentKey(src.entity, src.id);
  // The school record says which werkgebied it belongs to; the dossier follows it. Other rules copy the scope.
  if (rule.kind === 'school') return { werkgebied: str(rec.data.werkgebied_id), school: src.id, parent };
  return { werkgebied: rec.scope.werkgebied, school: rec.scope.school, parent };
}

/**
 * Whether a user sees (and, for entities their role may write, may write) records in `scope`.
 * consulent: their werkgebieden; school: their school; secretaris: the whole association;
 * beheerder: association-wide records only. Association-wide records are in everyone's scope.
 */
export function inScope(ctx: Pick<DeviceContext, 'role' | 'werkgebiedIds' | 'schoolId'>, scope: Pick<Scope, 'werkgebied' | 'school'>): boolean {
  const wide = scope.werkgebied === null && scope.school === null;
  switch (ctx.role) {
    case 'secretaris':
      return true;
    case 'beheerder':
      return wide;
    case 'consulent':
      return wide || (scope.werkgebied !== null && ctx.werkgebiedIds.includes(scope.werkgebied));
    case 'school':
      return wide || (scope.school !== null && scope.school === ctx.schoolId);
  }
}

/** `inScope` as a null-safe SQL condition (so it can be negated) over the given columns. */
export function scopeSql(ctx: Pick<DeviceContext, 'role' | 'werkgebiedIds' | 'schoolId'>, w: string, s: string): { sql: string; params: Param[] } {
  const wide = `(${w} IS NULL AND ${s} IS NULL)`;
  switch (ctx.role) {
    case 'secretaris':
      return { sql: '(1 = 1)', params: [] };
    case 'beheerder':
      return { sql: wide, params: [] };
    case 'consulent': {
      const ids = ctx.werkgebiedIds;
      if (ids.length === 0) return { sql: wide, params: [] };
      return { sql: `(${wide} OR (${w} IS NOT NULL AND ${w} IN (${ids.map(() => '?').join(', ')})))`, params: [...ids] };
    }
    case 'school':
      if (!ctx.schoolId) return { sql: wide, params: [] };
      return { sql: `(${wide} OR (${s} IS NOT NULL AND ${s} = ?))`, params: [ctx.schoolId] };
  }
}

/** Entities the role may read, for `entity IN (…)`. */
export function readableEntities(ctx: Pick<DeviceContext, 'role'>): SyncEntity[] {
  return SYNC_ENTITIES.filter((n) => entityDef(n).read.includes(ctx.role));
}
