// Attachment content travels apart from the records, content-addressed by sha-256 and resumable in
// both directions: uploads continue from what the store reports received, downloads from the bytes
// kept so far in sync_blob_downloads (in the encrypted database). Content is verified before it is stored.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { LIMITS } from '../../shared/sync/protocol.js';
import { TransportError, type StoreTransport } from '../../shared/sync/transport.js';

type Progress = (done: number, total: number) => void;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export function blobSync(sqlite: Database.Database, now: () => Date) {
  const q = {
    needed: sqlite.prepare<[], { sha256: string }>(`SELECT DISTINCT json_extract(data, '$.sha256') AS sha256 FROM outbox
      WHERE entity = 'attachment' AND op = 'upsert' AND json_extract(data, '$.sha256') IS NOT NULL`),
    bytesOf: sqlite.prepare<[string], Buffer>('SELECT bytes FROM attachments WHERE sha256 = ? AND length(bytes) > 0 LIMIT 1').pluck(),
    downloads: sqlite.prepare<[], { sha256: string; size: number; have: number }>(
      'SELECT sha256, size, length(bytes) AS have FROM sync_blob_downloads ORDER BY sha256'),
    partial: sqlite.prepare<[string], Buffer>('SELECT bytes FROM sync_blob_downloads WHERE sha256 = ?').pluck(),
    // Not `bytes || ?`: SQL concatenation turns a blob into text.
    setPartial: sqlite.prepare('UPDATE sync_blob_downloads SET bytes = ?, updated_at = ? WHERE sha256 = ?'),
    reset: sqlite.prepare(`UPDATE sync_blob_downloads SET bytes = x'', updated_at = ? WHERE sha256 = ?`),
    done: sqlite.prepare('DELETE FROM sync_blob_downloads WHERE sha256 = ?'),
    store: sqlite.prepare('UPDATE attachments SET bytes = ? WHERE sha256 = ? AND length(bytes) = 0'),
    pendingCount: sqlite.prepare<[], number>('SELECT count(*) FROM sync_blob_downloads').pluck(),
  };

  async function uploadOne(t: StoreTransport, hash: string, bytes: Buffer): Promise<void> {
    let status = await t.blobStatus(hash);
    let offset = status?.complete ? bytes.length : (status?.received ?? 0);
    for (let retries = 0; offset < bytes.length; ) {
      const chunk = bytes.subarray(offset, offset + LIMITS.chunkBytes);
      try {
        status = await t.blobAppend(hash, bytes.length, offset, chunk);
        if (status.complete) return;
        offset = status.received;
      } catch (err) {
        // The store holds another offset (an earlier cut upload) or discarded a damaged one: ask where to go on.
        if (!(err instanceof TransportError) || !['offset_mismatch', 'hash_mismatch'].includes(err.code) || ++retries > 3) throw err;
        status = await t.blobStatus(hash);
        offset = status?.complete ? bytes.length : (status?.received ?? 0);
      }
    }
  }

  return {
    /** Uploads the content of attachments that pending outbox rows refer to. */
    async upload(t: StoreTransport, onProgress: Progress): Promise<number> {
      const needed = q.needed.all();
      let done = 0;
      onProgress(0, needed.length);
      for (const { sha256 } of needed) {
        const bytes = q.bytesOf.get(sha256);
        // Removed since (its delete is pending too) or not here: nothing to send.
        if (bytes) await uploadOne(t, sha256, bytes);
        onProgress(++done, needed.length);
      }
      return done;
    },
    /** Fetches missing attachment content; each piece received is kept at once, so a cut download resumes. */
    async download(t: StoreTransport, onProgress: Progress): Promise<number> {
      const list = q.downloads.all();
      let done = 0;
      onProgress(0, list.length);
      for (const d of list) {
        let have = d.have;
        while (have < d.size) {
          let got: Uint8Array;
          try {
            got = await t.blobGet(d.sha256, have);
          } catch (err) {
            if (err instanceof TransportError && err.code === 'not_found') break; // gone from the store or from scope
            throw err;
          }
          if (got.length === 0) break;
          const piece = Buffer.from(got.subarray(0, d.size - have));
          q.setPartial.run(Buffer.concat([q.partial.get(d.sha256) ?? Buffer.alloc(0), piece]), now().toISOString(), d.sha256);
          have += Math.min(got.length, d.size - have);
        }
        if (have >= d.size) {
          const bytes = q.partial.get(d.sha256)!;
          if (sha(bytes) === d.sha256) {
            sqlite.transaction(() => {
              q.store.run(bytes, d.sha256);
              q.done.run(d.sha256);
            })();
          } else q.reset.run(now().toISOString(), d.sha256); // damaged: fetch again next round
        }
        onProgress(++done, list.length);
      }
      return done;
    },
    pendingDownloads: () => q.pendingCount.get() ?? 0,
  };
}
