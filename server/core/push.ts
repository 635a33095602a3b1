// A push: one transaction per batch under the association's lock, mutations in order, idempotent
// on (deviceId, seq): a seq seen before returns the result stored for it, unchanged.
import type { Mutation, MutationResult } from '../../shared/sync/protocol.js';
import type { DeviceContext } from '../store-api.js';
import type { Db } from '../db/adapter.js';
import { placeholders } from '../db/adapter.js';
import { entityDef, isSyncEntity, type SyncEntity } from '../../shared/sync/entities.js';
import { applyMutation } from './apply.js';
import { applyPurge, purgedAmong } from './purge.js';
import { inAssociation } from './records.js';
import { scopeSource } from './scope.js';
import type { BufferedTable } from './write-tx.js';

const SEEN: BufferedTable = { table: 'seen', columns: ['device_id', 'seq', 'result'] };

/** The records the batch names and the records their scopes derive from, as far as the pushed data names them. */
function* namedRecords(mutations: readonly Mutation[]): Generator<{ entity: SyncEntity; id: string }> {
  for (const m of mutations) {
    if (!isSyncEntity(m.entity) || typeof m.id !== 'string') continue;
    yield { entity: m.entity, id: m.id };
    const src = m.data ? scopeSource(entityDef(m.entity), m.data) : null;
    if (src !== null && typeof src === 'object') yield src;
  }
}

export async function push(db: Db, now: () => Date, ctx: DeviceContext, mutations: Mutation[]): Promise<MutationResult[]> {
  if (mutations.length === 0) return [];
  return inAssociation(db, ctx.associationId, now, async (w) => {
    const seqs = mutations.map((m) => m.seq);
    const seenRows = await w.q.all<{ seq: number; result: string }>(
      `SELECT seq, result FROM seen WHERE device_id = ? AND seq IN ${placeholders(seqs.length)}`,
      [ctx.deviceId, ...seqs],
    );
    const seen = new Map(seenRows.map((r) => [Number(r.seq), JSON.parse(r.result) as MutationResult]));
    const dev = await w.q.get<{ last_seq: number }>('SELECT last_seq FROM devices WHERE id = ?', [ctx.deviceId]);
    const startSeq = Number(dev?.last_seq ?? 0);
    let lastSeq = startSeq;
    // One query per entity and 500 keys instead of one or two per mutation; misses are loaded one by one.
    await w.prefetch(namedRecords(mutations.filter((m) => !seen.has(m.seq))));
    // Records destroyed under the retention rules stay destroyed: a late write to one is refused.
    const purged = await purgedAmong(w, mutations.filter((m) => !seen.has(m.seq) && isSyncEntity(m.entity)));
    const results: MutationResult[] = [];
    for (const m of mutations) {
      const earlier = seen.get(m.seq);
      if (earlier) {
        results.push(earlier);
        continue;
      }
      let result: MutationResult;
      if (m.seq < lastSeq) result = { seq: m.seq, status: 'rejected', reason: 'stale_sequence', current: null };
      else if (m.op === 'purge') {
        const outcome = await applyPurge(w, ctx, m);
        for (const k of outcome.gone) purged.add(k);
        result = outcome.result;
      } else if (purged.has(`${m.entity}:${m.id}`)) result = { seq: m.seq, status: 'rejected', reason: 'purged', current: null };
      else result = await applyMutation(w, { kind: 'device', ctx }, { ...m, op: m.op });
      w.defer(SEEN, [ctx.deviceId, m.seq, JSON.stringify(result)]);
      seen.set(m.seq, result);
      lastSeq = Math.max(lastSeq, m.seq);
      results.push(result);
    }
    if (lastSeq !== startSeq) await w.q.run('UPDATE devices SET last_seq = ? WHERE id = ?', [lastSeq, ctx.deviceId]);
    return results;
  });
}
