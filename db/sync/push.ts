// Pushing the outbox: batches of LIMITS.pushBatch in seq order. Each result settles its row (removed
// from the outbox, outcome logged); conflicts and rejections carry the store's current state of the
// record, applied at once like a pulled change. A transport failure leaves the outbox untouched: the
// store is idempotent on (deviceId, seq), so sending the same batch again is safe.
import { LIMITS, type MutationResult } from '../../shared/sync/protocol.js';
import type { StoreTransport } from '../../shared/sync/transport.js';
import { toMutation, type OutboxRow, type OutboxStore } from './outbox.js';
import type { PullApplier } from './pull-apply.js';

export interface PushDeps {
  outbox: OutboxStore;
  applier: PullApplier;
  now: () => Date;
}

export function settleResults(deps: PushDeps, rows: OutboxRow[], results: MutationResult[]): number {
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  const at = deps.now().toISOString();
  let settled = 0;
  deps.applier.atomically(() => {
    for (const res of results) {
      const row = bySeq.get(res.seq);
      if (!row) continue; // not ours in this batch (never expected): leave it
      bySeq.delete(res.seq);
      settled++;
      if (res.status === 'applied') {
        deps.outbox.settle(row, 'applied', at, { version: res.version });
        continue;
      }
      deps.outbox.settle(row, res.status, at, res.status === 'rejected' ? { reason: res.reason } : { version: res.version });
      const current = res.current;
      if (!current) continue;
      // The store's state of the record; other pending rows for it are rebased on top (pull-apply.ts).
      deps.applier.apply({
        entity: row.entity, id: row.entity_id, version: current.version, op: current.deleted ? 'delete' : 'upsert', data: current.data,
        by: null, at, fields: [],
      }, false);
    }
  });
  return settled;
}

/** Pushes everything pending; returns how many rows were settled. */
export async function pushAll(
  deps: PushDeps, transport: StoreTransport, onProgress: (done: number, total: number) => void,
): Promise<number> {
  const total = deps.outbox.count();
  let done = 0;
  onProgress(0, total);
  for (;;) {
    const rows = deps.outbox.batch(LIMITS.pushBatch);
    if (rows.length === 0) return done;
    const { results } = await transport.push({ mutations: rows.map(toMutation) });
    const settled = settleResults(deps, rows, results);
    done += settled;
    onProgress(done, Math.max(total, done));
    // A store that answered none of the batch would make this loop forever: stop and retry next round.
    if (settled === 0) return done;
  }
}
