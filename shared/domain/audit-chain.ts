// The audit log's hash chain, pure: every device chains its own events (seq 1, 2, 3…), each event's
// hash covers all its fields and the previous event's hash. The hash function is passed in so this
// runs anywhere (node:crypto in the core, the store and the CLIs).
import type { AuditBreak } from '../contract/audit.js';

export const GENESIS_HASH = '0'.repeat(64);

/** An audit event as stored (local audit_log, and the store's audit_event records). */
export interface AuditEvent {
  id: string;
  device_id: string;
  seq: number;
  at: string;
  user_id: string | null;
  action: string;
  method: string;
  entity: string;
  entity_id: string | null;
  dossier_id: string | null;
  /** A JSON object of non-content facts (field names, counts, variants). */
  detail: string;
  prev_hash: string;
  hash: string;
}

/** The fields the hash covers, in a fixed order: a JSON array, so no value can shift into another. */
export const HASHED_FIELDS = [
  'id', 'device_id', 'seq', 'at', 'user_id', 'action', 'method', 'entity', 'entity_id', 'dossier_id', 'detail', 'prev_hash',
] as const;

export function canonicalEvent(e: Omit<AuditEvent, 'hash'>): string {
  return JSON.stringify(HASHED_FIELDS.map((f) => e[f] ?? null));
}

export type Sha256Hex = (text: string) => string;

export function hashEvent(e: Omit<AuditEvent, 'hash'>, sha256Hex: Sha256Hex): string {
  return sha256Hex(canonicalEvent(e));
}

/**
 * Checks every device's chain; returns the first break per device (a device with a break says no more
 * about its later events). A deleted event shows as a seq gap or a prev_hash mismatch; a changed field
 * as a hash mismatch; a removed tail is only visible against the count the store or a copy holds.
 */
export function verifyAuditChains(rows: readonly AuditEvent[], sha256Hex: Sha256Hex): AuditBreak[] {
  const byDevice = new Map<string, AuditEvent[]>();
  for (const r of rows) {
    const list = byDevice.get(r.device_id);
    if (list) list.push(r);
    else byDevice.set(r.device_id, [r]);
  }
  const breaks: AuditBreak[] = [];
  for (const [deviceId, list] of byDevice) {
    const b = firstBreak(deviceId, list, sha256Hex);
    if (b) breaks.push(b);
  }
  return breaks.sort((a, b) => (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0));
}

function firstBreak(deviceId: string, list: readonly AuditEvent[], sha256Hex: Sha256Hex): AuditBreak | null {
  // Rows come in seq order from the databases; an out-of-order list is itself reported, not sorted away.
  let prev = GENESIS_HASH;
  let expected = 1;
  for (const e of list) {
    if (e.seq < expected) return { deviceId, seq: e.seq, reason: 'seq_order' };
    if (e.seq > expected) return { deviceId, seq: expected, reason: 'seq_gap' };
    if (e.prev_hash !== prev) return { deviceId, seq: e.seq, reason: 'prev_hash' };
    if (hashEvent(e, sha256Hex) !== e.hash) return { deviceId, seq: e.seq, reason: 'hash' };
    prev = e.hash;
    expected += 1;
  }
  return null;
}
