// Applies one mutation inside an association's write transaction: validate, authorise by scope,
// merge field by field against the device's base, version, history, re-scope on a move.
// Content-based: the device's clock never orders anything; concurrent scalars go to the last arrival.
import { uuidv7 } from '../../shared/ids.js';
import { entityDef, entityId, type EntityDef, type SyncEntity } from '../../shared/sync/entities.js';
import { mergeText } from '../../shared/sync/merge.js';
import type { MutationResult, RejectReason, WireRow } from '../../shared/sync/protocol.js';
import type { DeviceContext } from '../store-api.js';
import {
  addEviction, addHistory, dependents, rescopeRecord, sameScope, writeRecord, type StoredRecord, type WriteTx,
} from './records.js';
import { computeScope, inScope, parentKey, type Scope } from './scope.js';
import { blobField, ownAuditEvent, validBase, validRow } from './validate.js';

/** The store itself (admin CLI, conflict records) or a device acting for its user. */
export type Actor = { kind: 'system' } | { kind: 'device'; ctx: DeviceContext };

export interface MutationInput {
  seq: number;
  entity: SyncEntity;
  id: string;
  op: 'upsert' | 'delete';
  data: WireRow | null;
  base: WireRow | null;
}

/** Conflict records are the store's own: a device may only record their outcome. */
const CONFLICT_ENTITY: SyncEntity = 'conflict';

const rejected = (seq: number, reason: RejectReason, current: StoredRecord | null = null): MutationResult =>
  ({ seq, status: 'rejected', reason, current: current ? stateOf(current) : null });

export const stateOf = (r: Pick<StoredRecord, 'version' | 'deleted' | 'data'>) => ({ version: r.version, deleted: r.deleted, data: r.data });

const who = (actor: Actor) =>
  actor.kind === 'device' ? { userId: actor.ctx.userId, deviceId: actor.ctx.deviceId } : { userId: null, deviceId: null };

export async function applyMutation(w: WriteTx, actor: Actor, m: MutationInput): Promise<MutationResult> {
  const def = entityDef(m.entity);
  const ctx = actor.kind === 'device' ? actor.ctx : null;
  if (ctx && (def.storeOnly || !def.write.includes(ctx.role))) return rejected(m.seq, 'forbidden');
  if (ctx && m.op === 'upsert' && !(await ownAuditEvent(def, m.data, ctx, async (id) =>
    (await w.q.get('SELECT 1 AS ok FROM devices WHERE id = ? AND user_id = ? AND association_id = ?', [id, ctx.userId, w.associationId])) !== undefined,
  ))) return rejected(m.seq, 'forbidden');
  const stored = await w.load(m.entity, m.id);
  // Before anything else: a record outside the caller's scope is not even described to them.
  if (ctx && stored && !(def.read.includes(ctx.role) && inScope(ctx, stored.scope))) return rejected(m.seq, 'out_of_scope');
  return m.op === 'delete' ? applyDelete(w, actor, def, m, stored) : applyUpsert(w, actor, def, m, stored);
}

async function applyDelete(w: WriteTx, actor: Actor, def: EntityDef, m: MutationInput, stored: StoredRecord | null): Promise<MutationResult> {
  if (!def.deletable) return rejected(m.seq, 'not_deletable');
  if (m.base && !validBase(def, m.base)) return rejected(m.seq, 'invalid');
  // Never known here (created and deleted before it was pushed), or already gone: nothing to do.
  if (!stored) return { seq: m.seq, status: 'applied', version: w.head() };
  if (stored.deleted) return { seq: m.seq, status: 'applied', version: stored.version };
  // An edit beats a concurrent delete: the device deletes only what it saw.
  if (!m.base || differs(def, stored.data, m.base)) return rejected(m.seq, 'edited_elsewhere', stored);
  const version = w.nextVersion();
  writeRecord(w, { ...stored, version, deleted: true, blobSha256: null, by: who(actor).userId, changed: [] });
  addHistory(w, version, stored, who(actor), [], {});
  return { seq: m.seq, status: 'applied', version };
}

function differs(def: EntityDef, a: WireRow, b: WireRow): boolean {
  return def.fields.some((f) => (a[f.name] ?? null) !== (b[f.name] ?? null));
}

interface Unmerged {
  field: string;
  base: string | null;
  store: string | null;
  device: string | null;
}

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

async function applyUpsert(w: WriteTx, actor: Actor, def: EntityDef, m: MutationInput, stored: StoredRecord | null): Promise<MutationResult> {
  const ctx = actor.kind === 'device' ? actor.ctx : null;
  const data = m.data;
  if (!data || !validRow(def, data, !stored) || entityId(def, data) !== m.id) return rejected(m.seq, 'invalid');
  if (m.base && !validBase(def, m.base)) return rejected(m.seq, 'invalid');
  if (ctx && !stored && def.name === CONFLICT_ENTITY) return rejected(m.seq, 'forbidden');

  const merged: WireRow = { ...(stored?.data ?? {}) };
  const changed: string[] = [];
  const lost: WireRow = {};
  const unmerged: Unmerged[] = [];
  const types = new Map(def.fields.map((f) => [f.name, f.type]));
  for (const [f, dev] of Object.entries(data)) {
    const base = m.base ? m.base[f] : undefined;
    const cur = stored?.data[f];
    if (stored && dev === base) continue; // the device did not touch it
    if (cur === dev) continue;
    if (!stored || cur === base) {
      merged[f] = dev;
      changed.push(f);
    } else if (types.get(f) === 'narrative') {
      const res = mergeText(text(base) ?? '', text(cur) ?? '', text(dev) ?? '');
      if (!res.clean) unmerged.push({ field: f, base: text(base), store: text(cur), device: text(dev) });
      else if (res.text !== cur) {
        merged[f] = res.text;
        changed.push(f);
      }
    } else {
      // Concurrent scalar: last arrival wins, the overwritten value is kept in history.
      lost[f] = cur ?? null;
      merged[f] = dev;
      changed.push(f);
    }
  }

  const fin = def.finalised;
  if (stored && fin && fin.values.includes(String(stored.data[fin.field]))) {
    const touched = [...changed, ...unmerged.map((u) => u.field)];
    if (touched.some((f) => !fin.mutable.includes(f))) return rejected(m.seq, 'finalised', stored);
  }
  const scope = await computeScope(w, def, merged);
  if (scope === 'invalid' || scope === 'parent_missing') return rejected(m.seq, scope);
  // A move needs both ends in scope: the old end was checked in applyMutation.
  if (ctx && !inScope(ctx, scope)) return rejected(m.seq, 'out_of_scope');
  const shaField = blobField(def);
  const sha = shaField ? text(merged[shaField]) : null;
  if (shaField && !(await blobComplete(w, sha))) return rejected(m.seq, 'blob_missing');
  if (stored && !stored.deleted && changed.length === 0 && unmerged.length === 0) {
    return { seq: m.seq, status: 'applied', version: stored.version };
  }

  const version = w.nextVersion();
  const record = { entity: def.name, id: m.id, data: merged, version, deleted: false, scope };
  writeRecord(w, { ...record, blobSha256: sha, by: who(actor).userId, changed });
  addHistory(w, version, record, who(actor), changed, lost);
  if (stored && scopeSourceMoved(stored, record)) {
    addEviction(w, stored, scope, version);
    await rescopeDependents(w, parentKey(def.name, m.id));
  }
  if (unmerged.length === 0) return { seq: m.seq, status: 'applied', version };
  const conflictIds: string[] = [];
  for (const u of unmerged) conflictIds.push(await createConflict(w, actor, def.name, m.id, u));
  return { seq: m.seq, status: 'conflict', version, conflictIds, current: stateOf(record) };
}

async function blobComplete(w: WriteTx, sha: string | null): Promise<boolean> {
  if (!sha) return false;
  const row = await w.q.get('SELECT 1 AS ok FROM blobs WHERE association_id = ? AND sha256 = ? AND complete = 1', [w.associationId, sha]);
  return row !== undefined;
}

/** The `school` scope rule reads the school record's werkgebied: a change there moves its dossiers. */
const SCHOOL_WERKGEBIED = { entity: 'school', field: 'werkgebied_id' } as const;

/** Whether records whose scope derives from this one must follow it. */
function scopeSourceMoved(before: StoredRecord, after: { data: WireRow; scope: Scope }): boolean {
  if (!sameScope(before.scope, after.scope)) return true;
  const f = SCHOOL_WERKGEBIED.field;
  return before.entity === SCHOOL_WERKGEBIED.entity && (before.data[f] ?? null) !== (after.data[f] ?? null);
}

/** Re-scopes, breadth-first, everything whose scope derives from `root` and has now changed. */
async function rescopeDependents(w: WriteTx, root: string): Promise<void> {
  const queue = [root];
  for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
    for (const dep of await dependents(w, key)) {
      const scope = await computeScope(w, entityDef(dep.entity), dep.data);
      if (typeof scope === 'string' || sameScope(scope, dep.scope)) continue;
      await rescopeRecord(w, dep, scope, w.nextVersion());
      queue.push(parentKey(dep.entity, dep.id));
    }
  }
}

async function createConflict(w: WriteTx, actor: Actor, entity: SyncEntity, entityIdValue: string, u: Unmerged): Promise<string> {
  const id = uuidv7();
  const data: WireRow = {
    id, entity, entity_id: entityIdValue, field: u.field, base_value: u.base, store_value: u.store, device_value: u.device,
    device_id: who(actor).deviceId ?? '', user_id: who(actor).userId ?? '', status: 'open', resolution: null,
    resolved_by: null, resolved_at: null, created_at: w.now,
  };
  const res = await applyMutation(w, { kind: 'system' }, { seq: 0, entity: CONFLICT_ENTITY, id, op: 'upsert', data, base: null });
  if (res.status !== 'applied') throw new Error(`conflict record not stored: ${res.status}`);
  return id;
}
