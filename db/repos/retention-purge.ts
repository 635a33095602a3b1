// The destruction itself (docs/retention.md): one transaction that removes a dossier and everything
// below it — or one TLV and what hangs on it — from every local table, including sync history, the
// outbox and sync log, conflicts, blob download buffers and the search index. secure_delete (db/open.ts)
// zeroes the freed pages, and the WAL is checkpointed and truncated afterwards (scrub.ts), so the
// content does not linger in free pages or in the -wal file.
import { withoutCapture, type LocalDb } from '../open.js';
import { entityDef, type SyncEntity } from '../../shared/sync/entities.js';
import type { RecordStore } from '../sync/records.js';
import { scrubFiles } from '../sync/scrub.js';

type Gone = { entity: SyncEntity; id: string };

export function retentionPurger(local: LocalDb, records: RecordStore) {
  const sqlite = local.sqlite;
  const ids = (sql: string, ...params: string[]): string[] => sqlite.prepare<string[], string>(sql).pluck().all(...params);
  const q = {
    history: sqlite.prepare('DELETE FROM sync_history WHERE entity = ? AND entity_id = ?'),
    outbox: sqlite.prepare('DELETE FROM outbox WHERE entity = ? AND entity_id = ?'),
    log: sqlite.prepare('DELETE FROM sync_log WHERE entity = ? AND entity_id = ?'),
    // Rows of other records whose payload still names a destroyed id (an outbox row of a commission item…).
    // Audit events keep the id (never content) and must still reach the store: dropping one would break the chain there.
    outboxMention: sqlite.prepare("DELETE FROM outbox WHERE entity <> 'audit_event' AND instr(data, ?) > 0"),
    logMention: sqlite.prepare("DELETE FROM sync_log WHERE instr(coalesce(data, ''), ?) > 0 OR instr(coalesce(base, ''), ?) > 0"),
    orphanDownloads: sqlite.prepare('DELETE FROM sync_blob_downloads WHERE sha256 NOT IN (SELECT sha256 FROM attachments)'),
    enqueue: sqlite.prepare(`INSERT INTO outbox (mutation_id, entity, entity_id, op, data, base_data, at)
      VALUES (veldwerk_uuid(), ?, ?, 'purge', 'null', NULL, ?)`),
  };

  /** Commission agenda items about the dossier or one of its TLVs/arrangements (association-wide records). */
  function commissionItems(dossierId: string | null, subjectIds: string[]): Gone[] {
    const out = new Set<string>();
    if (dossierId) for (const id of ids('SELECT id FROM commission_items WHERE dossier_id = ?', dossierId)) out.add(id);
    for (const s of subjectIds) for (const id of ids('SELECT id FROM commission_items WHERE subject_id = ?', s)) out.add(id);
    return [...out].flatMap((id) => records.remove(entityDef('commission_item'), id));
  }

  /** Removes the local sync traces of what is gone. */
  function scrubTraces(gone: Gone[]): void {
    for (const g of gone) {
      q.history.run(g.entity, g.id);
      q.outbox.run(g.entity, g.id);
      q.log.run(g.entity, g.id);
      q.outboxMention.run(g.id);
      q.logMention.run(g.id, g.id);
    }
    q.orphanDownloads.run();
  }

  function dossier(id: string): Gone[] {
    const tlvIds = ids('SELECT id FROM tlv_applications WHERE dossier_id = ?', id);
    const arrIds = ids('SELECT id FROM arrangements WHERE dossier_id = ?', id);
    // Arrangements are werkgebied-scoped records, not children of the dossier: named here.
    const gone = [...commissionItems(id, [...tlvIds, ...arrIds])];
    for (const a of arrIds) gone.push(...records.remove(entityDef('arrangement'), a));
    gone.push(...records.remove(entityDef('dossier'), id));
    return gone;
  }

  function tlv(id: string): Gone[] {
    const gone = [...commissionItems(null, [id]), ...records.remove(entityDef('tlv'), id)];
    // The dossier's timeline lines about this TLV (names of fields only, but they point at it).
    for (const e of ids('SELECT id FROM dossier_events WHERE ref_id = ?', id)) gone.push(...records.remove(entityDef('dossier_event'), e));
    return gone;
  }

  /**
   * Destroys the items in one transaction (capture off: the deletes are not edits to push) and runs
   * `record` inside it with capture on (the run record). A linked device also queues one `purge` mutation
   * per item, so the store destroys them too and tells every other device (docs/retention.md).
   */
  function purge(kind: 'dossier' | 'tlv', itemIds: readonly string[], linked: boolean, record: (count: number) => void): number {
    sqlite.transaction(() => {
      withoutCapture(local, () => scrubTraces(itemIds.flatMap((id) => (kind === 'dossier' ? dossier(id) : tlv(id)))));
      if (linked) for (const id of itemIds) q.enqueue.run(kind, id, local.sync.now().toISOString());
      // Captured: the run record travels to the store.
      record(itemIds.length);
    })();
    scrubFiles(sqlite);
    return itemIds.length;
  }

  return { purge };
}
