// Device enrolment and authentication. Codes and tokens are random and stored only as sha-256
// hashes; enrolment attempts are rate-limited in the database so the limit holds across processes.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { ROLES, type Role } from '../../shared/domain/dossier.js';
import { uuidv7 } from '../../shared/ids.js';
import { LIMITS, type EnrollResponse } from '../../shared/sync/protocol.js';
import type { Db } from '../db/adapter.js';
import type { AuthResult, DeviceContext } from '../store-api.js';

export const sha256Hex = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

/** No 0/O, 1/I/L: codes are read aloud and typed over. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;
const RATE_WINDOW_MS = 15 * 60 * 1000;
/** last_seen_at is written at most this often per device: authentication stays a read. */
const SEEN_RESOLUTION_MS = 60 * 1000;

export function newEnrollmentCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}
/** Users type codes with spaces, dashes or in lower case. */
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

export interface UserRow {
  id: string;
  association_id: string;
  name: string;
  role: string;
  werkgebied_ids: string;
  school_id: string | null;
  scope_epoch: number;
}

export function parseRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role)) throw new Error('Unknown role in users table');
  return role as Role;
}

export async function issueEnrollmentCode(db: Db, now: () => Date, userId: string, ttlMinutes: number) {
  const user = await db.get('SELECT id FROM users WHERE id = ?', [userId]);
  if (!user) throw new Error('Unknown user');
  const code = newEnrollmentCode();
  const expiresAt = new Date(now().getTime() + ttlMinutes * 60_000).toISOString();
  await db.run('INSERT INTO enrollment_codes (code_hash, user_id, expires_at, used_at) VALUES (?, ?, ?, NULL)', [
    sha256Hex(normaliseCode(code)), userId, expiresAt,
  ]);
  return { code, expiresAt };
}

/** Counts this attempt; true when the client is over the limit for the current window. */
async function overLimit(db: Db, now: Date, clientKey: string): Promise<boolean> {
  const windowStart = Math.floor(now.getTime() / RATE_WINDOW_MS) * RATE_WINDOW_MS;
  const bucket = `enroll:${clientKey}`;
  return db.tx(async (q) => {
    await q.run(
      `INSERT INTO rate_limits (bucket, window_start, hits) VALUES (?, ?, 1)
       ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1`,
      [bucket, windowStart],
    );
    await q.run('DELETE FROM rate_limits WHERE bucket = ? AND window_start < ?', [bucket, windowStart]);
    const row = await q.get<{ hits: number }>('SELECT hits FROM rate_limits WHERE bucket = ? AND window_start = ?', [bucket, windowStart]);
    return Number(row?.hits ?? 0) > LIMITS.enrollAttempts;
  });
}

export async function enroll(
  db: Db, now: () => Date, code: string, deviceName: string, clientKey: string,
): Promise<EnrollResponse | 'invalid' | 'rate_limited'> {
  const at = now();
  if (await overLimit(db, at, clientKey)) return 'rate_limited';
  const hash = sha256Hex(normaliseCode(code));
  return db.tx(async (q) => {
    // Marking the code used is the claim: of two racing enrolments only one changes the row.
    const claimed = await q.run('UPDATE enrollment_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?', [
      at.toISOString(), hash, at.toISOString(),
    ]);
    if (claimed.changes !== 1) return 'invalid';
    const row = await q.get<UserRow & { association_name: string }>(
      `SELECT u.*, a.name AS association_name FROM enrollment_codes c JOIN users u ON u.id = c.user_id
         JOIN associations a ON a.id = u.association_id WHERE c.code_hash = ?`,
      [hash],
    );
    if (!row) return 'invalid';
    const token = randomBytes(32).toString('base64url');
    const deviceId = uuidv7();
    await q.run(
      `INSERT INTO devices (id, association_id, user_id, name, token_hash, created_at, last_seen_at, revoked_at, last_seq)
       VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, 0)`,
      [deviceId, row.association_id, row.id, deviceName, sha256Hex(token), at.toISOString()],
    );
    return {
      deviceId, token, user: { id: row.id, name: row.name, role: parseRole(row.role) },
      association: { id: row.association_id, name: row.association_name },
    };
  });
}

export async function authenticate(db: Db, now: () => Date, token: string): Promise<AuthResult> {
  if (!token) return { ok: false, code: 'unauthorized' };
  const row = await db.get<UserRow & { device_id: string; revoked_at: string | null; last_seen_at: string | null }>(
    `SELECT d.id AS device_id, d.revoked_at, d.last_seen_at, u.* FROM devices d JOIN users u ON u.id = d.user_id
      WHERE d.token_hash = ?`,
    [sha256Hex(token)],
  );
  if (!row) return { ok: false, code: 'unauthorized' };
  if (row.revoked_at) return { ok: false, code: 'device_revoked' };
  const at = now();
  if (!row.last_seen_at || at.getTime() - Date.parse(row.last_seen_at) > SEEN_RESOLUTION_MS) {
    await db.run('UPDATE devices SET last_seen_at = ? WHERE id = ?', [at.toISOString(), row.device_id]);
  }
  return { ok: true, ctx: contextOf(row, row.device_id) };
}

export function contextOf(u: UserRow, deviceId: string): DeviceContext {
  return {
    associationId: u.association_id, userId: u.id, deviceId, role: parseRole(u.role),
    werkgebiedIds: JSON.parse(u.werkgebied_ids) as string[], schoolId: u.school_id, scopeEpoch: Number(u.scope_epoch),
  };
}
