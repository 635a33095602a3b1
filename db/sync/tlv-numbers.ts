// Keeps a secretary's pool of TLV numbers filled while online, so decisions taken offline (on a train)
// still get numbers no other device hands out: the store gives each block out once. Runs in every sync
// round after the pull (the association's numbering pattern may just have changed), for the series of
// today and the next one (decisions around New Year or 1 August).
//
// A reservation's requestId is stored before it is sent and dropped in the transaction that adds its
// block: a reply lost after the store committed is replayed with the same requestId next round and
// yields the same block, so nothing is wasted and nothing is counted twice.
import type Database from 'better-sqlite3';
import type { Role } from '../../shared/domain/dossier.js';
import { DEFAULT_TLV_NUMBER_PATTERN, nextSeries, numberPatternError, numberSeries } from '../../shared/domain/commission.js';
import { todayInAmsterdam } from '../../shared/domain/validation.js';
import { uuidv7 } from '../../shared/ids.js';
import { TransportError, type StoreTransport } from '../../shared/sync/transport.js';
import { tlvNumberPool } from '../repos/tlv-numbers.js';
import type { SyncStateStore, TlvRequest } from './state.js';

/** Top up a series when fewer numbers than this are left… */
export const TLV_TOP_UP_BELOW = 10;
/** …with a block of this many. */
export const TLV_BLOCK_SIZE = 50;

/** Errors after which a stored request is dropped: the store never committed it (or it can never succeed as sent). */
const NOT_COMMITTED = new Set(['forbidden', 'bad_request']);
/** Errors that end the sync round (as they would anywhere else in it). */
const ROUND_ENDING = new Set(['offline', 'unavailable', 'unauthorized', 'device_revoked', 'upgrade_required']);

export interface TlvTopUpDeps {
  sqlite: Database.Database;
  state: SyncStateStore;
  now: () => Date;
  log: (line: string) => void;
}

export function tlvNumberTopUp({ sqlite, state, now, log }: TlvTopUpDeps) {
  const pool = tlvNumberPool(sqlite, now);
  const setting = sqlite.prepare<[], string>(`SELECT value FROM association_settings WHERE key = 'commission'`).pluck();

  /** The association's numbering pattern (synced settings), the default when unset or unusable. */
  function pattern(): string {
    try {
      const raw = setting.get();
      const p = raw ? (JSON.parse(raw) as { tlvNumberPattern?: unknown }).tlvNumberPattern : undefined;
      return typeof p === 'string' && numberPatternError(p) === null ? p : DEFAULT_TLV_NUMBER_PATTERN;
    } catch {
      return DEFAULT_TLV_NUMBER_PATTERN;
    }
  }

  const without = (requestId: string) => state.tlvRequests().filter((r) => r.requestId !== requestId);

  /** Sends one stored request; true when its block is in the pool. Round-ending errors are thrown. */
  async function send(t: StoreTransport, req: TlvRequest): Promise<boolean> {
    try {
      const block = await t.reserveTlvNumbers(req);
      sqlite.transaction(() => {
        pool.addBlock(block.series, block.first, block.last);
        state.setTlvRequests(without(req.requestId));
      })();
      return true;
    } catch (err) {
      if (!(err instanceof TransportError)) throw err;
      if (ROUND_ENDING.has(err.code)) throw err;
      if (NOT_COMMITTED.has(err.code)) state.setTlvRequests(without(req.requestId));
      // A code only: never the series' data or anything personal.
      log(`[sync] tlv numbers not reserved: ${err.code}`);
      return false;
    }
  }

  /**
   * Replays reservations whose reply never arrived, then tops up today's and the next series when fewer
   * than TLV_TOP_UP_BELOW numbers are left. Only the secretary (the store refuses everyone else).
   * Returns how many blocks reached the pool.
   */
  async function topUp(t: StoreTransport, role: Role): Promise<number> {
    if (role !== 'secretaris') return 0;
    let added = 0;
    for (const req of state.tlvRequests()) if (await send(t, req)) added++;
    const current = numberSeries(pattern(), todayInAmsterdam(now()));
    const wanted = [current, nextSeries(current)].filter((s): s is string => s !== null);
    for (const series of wanted) {
      if (pool.available(series) >= TLV_TOP_UP_BELOW) continue;
      if (state.tlvRequests().some((r) => r.series === series)) continue; // still pending after a failure above
      const req: TlvRequest = { requestId: uuidv7(), series, count: TLV_BLOCK_SIZE };
      state.setTlvRequests([...state.tlvRequests(), req]);
      if (await send(t, req)) added++;
    }
    return added;
  }

  return { topUp, pattern };
}
export type TlvNumberTopUp = ReturnType<typeof tlvNumberTopUp>;
