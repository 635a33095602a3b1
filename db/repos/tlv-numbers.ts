// The TLV numbers this device may hand out. A device linked to a store only hands out numbers from
// blocks the store reserved for it (each block is given out once, so two secretaries working offline
// can never issue the same number); a device on its own counts in one open-ended local block.
import type Database from 'better-sqlite3';
import { uuidv7 } from '../../shared/ids.js';
import { DocError } from './arrangement-rows.js';

/** Size of the open-ended block of a device that is not linked to a store. */
const LOCAL_BLOCK = 1_000_000_000;

export function tlvNumberPool(sqlite: Database.Database, now: () => Date) {
  const q = {
    open: sqlite.prepare<[string], { id: string; next: number }>(
      'SELECT id, next FROM tlv_number_blocks WHERE series = ? AND next <= last ORDER BY first LIMIT 1'),
    left: sqlite.prepare<[string], number>('SELECT coalesce(sum(last - next + 1), 0) FROM tlv_number_blocks WHERE series = ? AND next <= last').pluck(),
    highest: sqlite.prepare<[string], number>('SELECT coalesce(max(last), 0) FROM tlv_number_blocks WHERE series = ?').pluck(),
    bump: sqlite.prepare('UPDATE tlv_number_blocks SET next = next + 1 WHERE id = ?'),
    insert: sqlite.prepare(`INSERT INTO tlv_number_blocks (id, series, first, last, next, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    has: sqlite.prepare<[string, number], number>('SELECT 1 FROM tlv_number_blocks WHERE series = ? AND first = ?').pluck(),
  };
  return {
    /** Numbers still available in `series`. */
    available: (series: string): number => q.left.get(series) ?? 0,
    /**
     * The next number of `series`; call inside the transaction that records it. `linked`: this device
     * syncs with a store, so only store blocks count (`conflict` errors.tlv_numbers_exhausted when empty).
     */
    take(series: string, linked: boolean): number {
      let block = q.open.get(series);
      if (!block && !linked) {
        const first = (q.highest.get(series) ?? 0) + 1;
        const id = uuidv7();
        q.insert.run(id, series, first, first + LOCAL_BLOCK - 1, first, 'local', now().toISOString());
        block = { id, next: first };
      }
      if (!block) throw new DocError('conflict', [], 'errors.tlv_numbers_exhausted');
      q.bump.run(block.id);
      return block.next;
    },
    /** A block the store reserved for this device; adding the same block twice (a replayed reply) is a no-op. */
    addBlock(series: string, first: number, last: number): void {
      if (q.has.get(series, first)) return;
      q.insert.run(uuidv7(), series, first, last, first, 'store', now().toISOString());
    },
  };
}
export type TlvNumberPool = ReturnType<typeof tlvNumberPool>;
