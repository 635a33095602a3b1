// Blocks of TLV numbers for the commission's secretaries. A device hands out numbers only from blocks
// the store reserved for it, so two secretaries deciding offline never issue the same number. Each
// block is computed and inserted while holding the association row (the lock every push takes), so
// concurrent reservations, also through several store processes on one PostgreSQL, never overlap.
import { LIMITS, TLV_SERIES, type TlvNumbersResponse } from '../../shared/sync/protocol.js';
import type { Db } from '../db/adapter.js';
import type { DeviceContext } from '../store-api.js';
import { inAssociation } from './records.js';

interface BlockRow {
  series: string;
  first: number;
  last: number;
}

export async function reserveTlvNumbers(
  db: Db, now: () => Date, ctx: DeviceContext, requestId: string, series: string, count: number,
): Promise<TlvNumbersResponse | 'forbidden' | 'invalid'> {
  if (ctx.role !== 'secretaris') return 'forbidden';
  const validRequest = requestId.length > 0 && requestId.length <= 64 && TLV_SERIES.test(series)
    && Number.isInteger(count) && count >= 1 && count <= LIMITS.tlvNumbersBlock;
  if (!validRequest) return 'invalid';
  return inAssociation(db, ctx.associationId, now, async (w) => {
    // Under the lock: a replay racing its original waits for it and then finds its block.
    const earlier = await w.q.get<BlockRow>(
      'SELECT series, first, last FROM tlv_number_blocks WHERE device_id = ? AND request_id = ?', [ctx.deviceId, requestId],
    );
    if (earlier) {
      const same = earlier.series === series && Number(earlier.last) - Number(earlier.first) + 1 === count;
      return same ? { series, first: Number(earlier.first), last: Number(earlier.last) } : 'invalid';
    }
    const top = await w.q.get<{ top: number | null }>(
      'SELECT max(last) AS top FROM tlv_number_blocks WHERE association_id = ? AND series = ?', [ctx.associationId, series],
    );
    const first = Number(top?.top ?? 0) + 1;
    const last = first + count - 1;
    await w.q.run(
      'INSERT INTO tlv_number_blocks (association_id, series, first, last, device_id, request_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [ctx.associationId, series, first, last, ctx.deviceId, requestId, w.now],
    );
    return { series, first, last };
  });
}
