// Applying the store's changes to the local database: each pull page in ONE transaction together with
// its cursor (a checkpoint), capture off (these are not this device's changes), foreign keys off (a
// page may hold a child before its parent). Pending local edits are rebased on top: the fields they
// changed keep their local values, a pending local delete stays deleted; the outbox rows keep their
// original base, the store merges them when they arrive.
import type { LocalDb } from '../open.js';
import { withoutCapture } from '../open.js';
import { ENTITY_DEFS, entityDef, type SyncEntity } from '../../shared/sync/entities.js';
import type { PullResponse, WireRow } from '../../shared/sync/protocol.js';
import { changedFields, type OutboxStore } from './outbox.js';
import type { RecordStore } from './records.js';
import type { SyncStateStore } from './state.js';
import type { LocalRow } from './local-columns.js';
import { scrubFiles } from './scrub.js';

export interface IncomingChange {
  entity: SyncEntity;
  id: string;
  version: number;
  op: 'upsert' | 'delete' | 'evict' | 'purge';
  data: WireRow | null;
  by: string | null;
  at: string;
  fields: string[];
}

export interface ApplierDeps {
  local: LocalDb;
  records: RecordStore;
  outbox: OutboxStore;
  state: SyncStateStore;
  now: () => Date;
  log?: (line: string) => void;
}

export function pullApplier({ local, records, outbox, state, now, log = () => {} }: ApplierDeps) {
  const sqlite = local.sqlite;
  const q = {
    history: sqlite.prepare('INSERT INTO sync_history (entity, entity_id, version, by, at, fields) VALUES (?, ?, ?, ?, ?, ?)'),
    dropHistory: sqlite.prepare('DELETE FROM sync_history WHERE entity = ? AND entity_id = ?'),
    dropLogContent: sqlite.prepare('UPDATE sync_log SET data = NULL, base = NULL WHERE entity = ? AND entity_id = ?'),
    orphanDownloads: sqlite.prepare('DELETE FROM sync_blob_downloads WHERE sha256 NOT IN (SELECT sha256 FROM attachments)'),
    attachmentState: sqlite.prepare<[string], { sha256: string; size: number; have: number }>(
      'SELECT sha256, size_bytes AS size, length(bytes) AS have FROM attachments WHERE id = ?'),
    copyBytes: sqlite.prepare(`UPDATE attachments SET bytes = (SELECT a.bytes FROM attachments a WHERE a.sha256 = @sha AND length(a.bytes) > 0 LIMIT 1)
      WHERE id = @id AND EXISTS (SELECT 1 FROM attachments a WHERE a.sha256 = @sha AND length(a.bytes) > 0)`),
    queueDownload: sqlite.prepare(`INSERT INTO sync_blob_downloads (sha256, size, bytes, updated_at) VALUES (?, ?, x'', ?)
      ON CONFLICT(sha256) DO NOTHING`),
  };

  /** Runs `fn` as one transaction with capture and foreign keys off (the pragma only works outside a transaction). */
  function atomically<T>(fn: () => T): T {
    sqlite.pragma('foreign_keys = OFF');
    try {
      return withoutCapture(local, () => sqlite.transaction(fn)());
    } finally {
      sqlite.pragma('foreign_keys = ON');
    }
  }

  /** Set by a `purge` change in the page being applied: the files are scrubbed after its commit. */
  let purgedInPage = false;

  /** Attachment rows arrive without content: reuse identical local bytes, else queue a download. */
  function afterAttachment(id: string): void {
    const a = q.attachmentState.get(id);
    if (!a || a.have > 0 || a.size === 0) return;
    if (q.copyBytes.run({ sha: a.sha256, id }).changes > 0) return;
    q.queueDownload.run(a.sha256, a.size, now().toISOString());
  }

  /** Applies one change; call inside `atomically`. `history` is false for the state sent with a push result. */
  function apply(c: IncomingChange, history = true): void {
    const def = entityDef(c.entity);
    const pending = outbox.pendingFor(c.entity, c.id);
    if (c.op === 'evict' || c.op === 'purge') {
      const reason = c.op === 'purge' ? 'purged' : 'out_of_scope';
      for (const gone of records.remove(def, c.id)) {
        // What this device still wanted to send about it can no longer go: it ends as rejected, visible to the user.
        for (const row of outbox.pendingFor(gone.entity, gone.id)) outbox.settle(row, 'rejected', now().toISOString(), { reason });
        q.dropHistory.run(gone.entity, gone.id);
        // Destroyed under the retention rules: the log keeps the outcome, not the content (docs/retention.md).
        if (c.op === 'purge') q.dropLogContent.run(gone.entity, gone.id);
      }
      if (c.op === 'purge') purgedInPage = true;
      return;
    }
    const old = records.read(def, c.id);
    if (c.op === 'upsert' && c.data) {
      if (pending.at(-1)?.op === 'delete' && !old) return; // deleted here, not yet pushed: stays deleted
      const values: LocalRow = Object.fromEntries(def.fields.filter((f) => f.name in c.data!).map((f) => [f.name, c.data![f.name]]));
      if (old) for (const f of new Set(pending.flatMap(changedFields))) values[f] = old[f];
      try {
        records.write(def, values, old);
      } catch (err) {
        // A local unique index the store does not have (a werkgebied name, a BRIN made twice offline): skip this
        // one record rather than block every later page; it lands once the duplicate is resolved on the store.
        if (!(err instanceof Error && 'code' in err && err.code === 'SQLITE_CONSTRAINT_UNIQUE')) throw err;
        log(`[sync] skipped a ${c.entity} change: unique constraint`);
        return;
      }
      if (def.name === 'attachment') afterAttachment(c.id);
    } else if (c.op === 'delete') {
      // An edit beats a concurrent delete: a record with pending local edits stays until the store answers.
      if (!(old && pending.some((p) => p.op === 'upsert'))) records.remove(def, c.id);
    }
    if (history) q.history.run(c.entity, c.id, c.version, c.by, c.at, JSON.stringify(c.fields));
  }

  /** Every record outside the association-wide reference data, except what still has pending local changes. */
  function purge(): void {
    for (const def of ENTITY_DEFS) {
      if (def.scope.kind === 'association') continue;
      const wire = def.key.map((k) => `t."${k}"`).join(` || ':' || `);
      sqlite.prepare(`DELETE FROM "${def.table}" AS t WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entity = ? AND o.entity_id = ${wire})`).run(def.name);
      sqlite.prepare(`DELETE FROM sync_history WHERE entity = ?`).run(def.name);
    }
    sqlite.exec(`DELETE FROM arrangement_budget_years WHERE arrangement_id NOT IN (SELECT id FROM arrangements);
      DELETE FROM sync_blob_downloads WHERE sha256 NOT IN (SELECT sha256 FROM attachments)`);
  }

  /**
   * One pull page with its cursor as a checkpoint. 'restart' when the user's scope changed (a new epoch):
   * everything outside the association's reference data is purged and the next pull starts at 0.
   */
  function applyPage(page: PullResponse): 'applied' | 'restart' {
    purgedInPage = false;
    const out = atomically<'applied' | 'restart'>(() => {
      const epoch = state.epoch();
      state.setScope(page.scope);
      if (epoch !== null && epoch !== page.scope.epoch) {
        purge();
        state.setEpoch(page.scope.epoch);
        state.setCursor(0);
        return 'restart';
      }
      if (epoch === null) state.setEpoch(page.scope.epoch);
      for (const c of page.changes) apply(c);
      if (purgedInPage) q.orphanDownloads.run();
      state.setCursor(page.cursor);
      return 'applied';
    });
    if (purgedInPage) scrubFiles(sqlite);
    return out;
  }

  return { apply, atomically, applyPage, purge };
}
export type PullApplier = ReturnType<typeof pullApplier>;
