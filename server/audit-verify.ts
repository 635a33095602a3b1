// Verifying the audit chains the store holds (`npm run store:admin -- audit verify <assocId>`): the same
// pure check as on a device (shared/domain/audit-chain.ts), over the association's audit_event records.
import { createHash } from 'node:crypto';
import type { AuditBreak } from '../shared/contract/audit.js';
import { verifyAuditChains, type AuditEvent } from '../shared/domain/audit-chain.js';
import type { WireRow } from '../shared/sync/protocol.js';

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

export function verifyStoredAudit(rows: readonly WireRow[], hash: (t: string) => string): {
  ok: boolean; devices: number; events: number; breaks: AuditBreak[];
} {
  const events = (rows as unknown as AuditEvent[]).slice().sort((a, b) =>
    a.device_id === b.device_id ? a.seq - b.seq : a.device_id < b.device_id ? -1 : 1);
  const breaks = verifyAuditChains(events, hash);
  return { ok: breaks.length === 0, devices: new Set(events.map((e) => e.device_id)).size, events: events.length, breaks };
}
