// Checks a pushed row against its EntityDef: known fields only, wire types, nullability.
import type { EntityDef } from '../../shared/sync/entities.js';
import type { WireRow } from '../../shared/sync/protocol.js';
import { AUDIT_ACTIONS } from '../../shared/contract/audit.js';

function validValue(type: string, nullable: boolean, v: unknown): boolean {
  if (v === null) return nullable;
  if (type === 'int') return typeof v === 'number' && Number.isSafeInteger(v);
  if (typeof v !== 'string') return false;
  if (type !== 'json') return true;
  try {
    JSON.parse(v);
    return true;
  } catch {
    return false;
  }
}

/** `complete`: a new record must carry every non-nullable field. Key columns are always required. */
export function validRow(def: EntityDef, row: WireRow, complete: boolean): boolean {
  const fields = new Map(def.fields.map((f) => [f.name, f]));
  for (const [k, v] of Object.entries(row)) {
    const fd = fields.get(k);
    if (!fd || !validValue(fd.type, fd.nullable, v)) return false;
  }
  if (def.key.some((k) => row[k] === undefined || row[k] === null)) return false;
  return !complete || def.fields.every((f) => f.nullable || row[f.name] !== undefined);
}

/** A base row only has to name known fields: it is the device's memory, compared, never stored. */
export function validBase(def: EntityDef, row: WireRow): boolean {
  const names = new Set(def.fields.map((f) => f.name));
  return Object.keys(row).every((k) => names.has(k));
}

/** The field that names a content-addressed blob (attachments): by convention called `sha256`. */
export function blobField(def: EntityDef): string | null {
  return def.fields.some((f) => f.name === 'sha256') ? 'sha256' : null;
}

/**
 * Audit events are pushed only for the caller's own user, with a known action, and by the device that
 * recorded them — or by the same user's re-linked installation, whose earlier device id is one of that
 * user's devices here (`userDevice`). Anything else is refused. Other entities pass.
 */
export async function ownAuditEvent(
  def: EntityDef, row: WireRow | null, ctx: { deviceId: string; userId: string }, userDevice: (id: string) => Promise<boolean>,
): Promise<boolean> {
  if (def.name !== 'audit_event') return true;
  if (!row || row.user_id !== ctx.userId || !(AUDIT_ACTIONS as readonly unknown[]).includes(row.action)) return false;
  return row.device_id === ctx.deviceId || (typeof row.device_id === 'string' && (await userDevice(row.device_id)));
}
