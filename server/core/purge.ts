// A retention purge at the store (docs/retention.md): a device asks to destroy a dossier (with
// everything below it) or a TLV. The store checks role, scope and — by the association's rules and its
// own clock — that the term has passed; then deletes the records, their history, the blobs no other
// record uses, scrubs the `seen` results that quoted them, and leaves a purge eviction per record so
// every device that holds them removes them on its next pull. The eviction keeps the id (no content),
// also so a late write from an offline device cannot bring the record back.
import { addDays } from '../../shared/domain/calendar.js';
import {
  RETENTION_PURGE_ROLES, dossierVerdict, dueTlvs, retentionSettingsOf, tlvFactsOfRow, type DossierFacts,
} from '../../shared/domain/retention.js';
import { todayInAmsterdam } from '../../shared/domain/validation.js';
import { entityDef, type SyncEntity } from '../../shared/sync/entities.js';
import type { Mutation, MutationResult } from '../../shared/sync/protocol.js';
import type { DeviceContext } from '../store-api.js';
import { placeholders } from '../db/adapter.js';
import { addEviction, dependents, type StoredRecord, type WriteTx } from './records.js';
import { inScope, parentKey } from './scope.js';

/** The "new scope" of a purge eviction: no one sees it any more, whatever their scope (pull.ts). */
export const PURGED_SCOPE = '!purged';
const CHUNK = 200;

type Key = { entity: SyncEntity; id: string };
const keyOf = (k: Key) => `${k.entity}:${k.id}`;

/** Keys (`entity:id`) among `keys` that were purged before: writes to them are refused. */
export async function purgedAmong(w: WriteTx, keys: Key[]): Promise<Set<string>> {
  const out = new Set<string>();
  const ids = [...new Set(keys.map((k) => k.id))];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const rows = await w.q.all<{ entity: string; id: string }>(
      `SELECT entity, id FROM evictions WHERE association_id = ? AND new_school = ? AND id IN ${placeholders(part.length)}`,
      [w.associationId, PURGED_SCOPE, ...part],
    );
    for (const r of rows) out.add(`${r.entity}:${r.id}`);
  }
  return out;
}

const rejected = (seq: number, reason: 'forbidden' | 'out_of_scope' | 'invalid' | 'not_due'): MutationResult =>
  ({ seq, status: 'rejected', reason, current: null });

/** Whether the record is due today by the association's rules (a day of tolerance for a device clock ahead). */
async function isDue(w: WriteTx, root: StoredRecord): Promise<boolean> {
  const dossierId = root.entity === 'dossier' ? root.id : String(root.data.dossier_id);
  const dossier = await w.load('dossier', dossierId);
  if (!dossier) return false;
  const tlvs = (await dependents(w, parentKey('dossier', dossierId))).filter((r) => r.entity === 'tlv' && !r.deleted);
  const setting = await w.load('association_setting', 'retention');
  const settings = retentionSettingsOf(setting && !setting.deleted ? String(setting.data.value) : null);
  const facts: DossierFacts = {
    id: dossierId, status: String(dossier.data.status), closedAt: (dossier.data.closed_at as string | null) ?? null,
    tlvs: tlvs.map((t) => tlvFactsOfRow({ id: t.id, status: t.data.status, period_end: t.data.period_end, decision: t.data.decision })),
  };
  const today = addDays(todayInAmsterdam(new Date(w.now)), 1);
  if (root.entity === 'dossier') return dossierVerdict(facts, settings, today).due;
  return dueTlvs(facts, settings, today).some((t) => t.id === root.id);
}

/** Records whose JSON data names `value` under `field` (data is written with JSON.stringify: no spaces). */
async function naming(w: WriteTx, entity: SyncEntity, field: string, value: string): Promise<Key[]> {
  const rows = await w.q.all<{ id: string }>(
    'SELECT id FROM records WHERE association_id = ? AND entity = ? AND data LIKE ?',
    [w.associationId, entity, `%${JSON.stringify(field)}:${JSON.stringify(value)}%`],
  );
  return rows.map((r) => ({ entity, id: r.id }));
}

/** The root and everything whose scope derives from it, breadth-first (deleted records too: they keep data). */
async function subtree(w: WriteTx, roots: Key[]): Promise<StoredRecord[]> {
  const out = new Map<string, StoredRecord>();
  let frontier: StoredRecord[] = [];
  for (const k of roots) {
    const r = await w.load(k.entity, k.id);
    if (r && !out.has(keyOf(r))) {
      out.set(keyOf(r), r);
      frontier.push(r);
    }
  }
  while (frontier.length > 0) {
    const next: StoredRecord[] = [];
    for (const r of frontier) {
      for (const c of await dependents(w, parentKey(r.entity, r.id))) {
        if (out.has(keyOf(c))) continue;
        out.set(keyOf(c), c);
        next.push(c);
      }
    }
    frontier = next;
  }
  return [...out.values()];
}

async function collect(w: WriteTx, root: StoredRecord): Promise<StoredRecord[]> {
  if (root.entity === 'dossier') {
    // Arrangements are werkgebied-scoped, not below the dossier; commission items are association-wide.
    const arrangements = await naming(w, 'arrangement', 'dossier_id', root.id);
    const tree = await subtree(w, [root, ...arrangements]);
    const subjects = tree.filter((r) => r.entity === 'tlv' || r.entity === 'arrangement').map((r) => r.id);
    const items = [
      ...(await naming(w, 'commission_item', 'dossier_id', root.id)),
      ...(await Promise.all(subjects.map((s) => naming(w, 'commission_item', 'subject_id', s)))).flat(),
    ];
    return [...tree, ...(await subtree(w, items)).filter((r) => !tree.some((t) => keyOf(t) === keyOf(r)))];
  }
  const items = await naming(w, 'commission_item', 'subject_id', root.id);
  const events = await naming(w, 'dossier_event', 'ref_id', root.id);
  return subtree(w, [root, ...items, ...events]);
}

async function deleteRows(w: WriteTx, gone: StoredRecord[]): Promise<void> {
  const byEntity = new Map<SyncEntity, string[]>();
  for (const r of gone) byEntity.set(r.entity, [...(byEntity.get(r.entity) ?? []), r.id]);
  for (const [entity, ids] of byEntity) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const part = ids.slice(i, i + CHUNK);
      for (const table of ['records', 'history', 'evictions']) {
        await w.q.run(`DELETE FROM ${table} WHERE association_id = ? AND entity = ? AND id IN ${placeholders(part.length)}`,
          [w.associationId, entity, ...part]);
      }
    }
  }
  // Blobs no remaining record of the association points at.
  const shas = [...new Set(gone.filter((r) => r.entity === 'attachment').map((r) => r.data.sha256).filter((s): s is string => typeof s === 'string'))];
  for (const sha of shas) {
    const used = await w.q.get('SELECT 1 AS used FROM records WHERE association_id = ? AND blob_sha256 = ? LIMIT 1', [w.associationId, sha]);
    if (used) continue;
    await w.q.run('DELETE FROM blob_chunks WHERE association_id = ? AND sha256 = ?', [w.associationId, sha]);
    await w.q.run('DELETE FROM blobs WHERE association_id = ? AND sha256 = ?', [w.associationId, sha]);
  }
}

/** Push results remembered for idempotency quote the record's state: keep the outcome, drop the content. */
async function scrubSeen(w: WriteTx, gone: StoredRecord[]): Promise<void> {
  const ids = gone.map((r) => r.id);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const rows = await w.q.all<{ device_id: string; seq: number; result: string }>(
      `SELECT s.device_id, s.seq, s.result FROM seen s JOIN devices d ON d.id = s.device_id
        WHERE d.association_id = ? AND (${part.map(() => 's.result LIKE ?').join(' OR ')})`,
      [w.associationId, ...part.map((id) => `%${id}%`)],
    );
    for (const r of rows) {
      const res = JSON.parse(r.result) as MutationResult;
      const scrubbed: MutationResult = res.status === 'conflict'
        ? { ...res, current: { version: res.current.version, deleted: true, data: {} } }
        : res.status === 'rejected' ? { ...res, current: null } : res;
      await w.q.run('UPDATE seen SET result = ? WHERE device_id = ? AND seq = ?', [JSON.stringify(scrubbed), r.device_id, r.seq]);
    }
  }
}

export interface PurgeOutcome {
  result: MutationResult;
  /** `entity:id` of every record destroyed. */
  gone: string[];
}

export async function applyPurge(w: WriteTx, ctx: DeviceContext, m: Mutation): Promise<PurgeOutcome> {
  const none = (result: MutationResult): PurgeOutcome => ({ result, gone: [] });
  if (m.entity !== 'dossier' && m.entity !== 'tlv') return none(rejected(m.seq, 'invalid'));
  if (!RETENTION_PURGE_ROLES.includes(ctx.role)) return none(rejected(m.seq, 'forbidden'));
  const root = await w.load(m.entity, m.id);
  // Already destroyed (a replay after a lost reply, or another device was first), or never here.
  if (!root) return none({ seq: m.seq, status: 'applied', version: w.head() });
  if (!(entityDef(m.entity).read.includes(ctx.role) && inScope(ctx, root.scope))) return none(rejected(m.seq, 'out_of_scope'));
  if (!(await isDue(w, root))) return none(rejected(m.seq, 'not_due'));
  const gone = await collect(w, root);
  await deleteRows(w, gone);
  await scrubSeen(w, gone);
  let version = w.head();
  for (const r of gone) {
    version = w.nextVersion();
    addEviction(w, r, { werkgebied: PURGED_SCOPE, school: PURGED_SCOPE, parent: null }, version);
    // The transaction's cache must not hand the destroyed record to a later mutation of this batch.
    w.remember({ ...r, deleted: true, data: {} });
  }
  return { result: { seq: m.seq, status: 'applied', version }, gone: gone.map(keyOf) };
}
