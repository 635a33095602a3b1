// The local audit log: appending an event to this device's hash chain (one prepared INSERT, the hash made
// in JS), searching it for the privacy officer, and reading the chains to verify them. The table is
// append-only (triggers in migration 0007); the capture trigger puts every new event in the outbox.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AuditAction, AuditRow } from '../../shared/contract/audit.js';
import { GENESIS_HASH, hashEvent, type AuditEvent } from '../../shared/domain/audit-chain.js';
import { uuidv7 } from '../../shared/ids.js';

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

export interface AuditEntry {
  action: AuditAction;
  method: string;
  entity: string;
  entityId: string | null;
  dossierId: string | null;
  detail: Record<string, unknown>;
}

export interface AuditQuery {
  userId?: string;
  action?: AuditAction;
  entityId?: string;
  /** UTC instants (inclusive from, exclusive to). */
  fromAt?: string;
  toAt?: string;
  offset: number;
  limit: number;
}

const INSTALLATION_KEY = 'audit.installationId';

export function auditRepo(sqlite: Database.Database, now: () => Date) {
  const q = {
    setting: sqlite.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck(),
    putSetting: sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING'),
    head: sqlite.prepare<[string], { seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_log WHERE device_id = ? ORDER BY seq DESC LIMIT 1'),
    insert: sqlite.prepare(`INSERT INTO audit_log (id, device_id, seq, at, user_id, action, method, entity, entity_id, dossier_id,
      detail, prev_hash, hash) VALUES (@id, @device_id, @seq, @at, @user_id, @action, @method, @entity, @entity_id, @dossier_id,
      @detail, @prev_hash, @hash)`),
    all: sqlite.prepare<[], AuditEvent>('SELECT * FROM audit_log ORDER BY device_id, seq'),
  };
  // The chain head per device id, read once: this core is the only writer of its own device's events.
  const heads = new Map<string, { seq: number; hash: string }>();
  let rawProfile: string | undefined;
  let userId: string | null = null;
  let rawDevice: string | undefined;
  let device: { id: string; name: string | null } | null = null;

  /** The profile's user, or null before setup/enrolment (nothing is recorded then). */
  function who(): string | null {
    const raw = q.setting.get('profile');
    if (raw !== rawProfile) {
      rawProfile = raw;
      userId = raw ? ((JSON.parse(raw) as { userId?: string }).userId ?? null) : null;
    }
    return userId;
  }

  /** The enrolled device id, else a stable id of this installation (made once). */
  function thisDevice(): { id: string; name: string | null } {
    const raw = q.setting.get('sync.device');
    if (raw !== rawDevice || !device) {
      rawDevice = raw;
      const linked = raw ? (JSON.parse(raw) as { deviceId: string; deviceName: string }) : null;
      if (linked) device = { id: linked.deviceId, name: linked.deviceName };
      else {
        let id = q.setting.get(INSTALLATION_KEY);
        if (!id) {
          q.putSetting.run(INSTALLATION_KEY, JSON.stringify(uuidv7()));
          id = q.setting.get(INSTALLATION_KEY)!;
        }
        device = { id: JSON.parse(id) as string, name: null };
      }
    }
    return device;
  }

  /** Appends one event to this device's chain; false when there is no user yet. */
  function append(e: AuditEntry): boolean {
    const user = who();
    if (!user) return false;
    const deviceId = thisDevice().id;
    let head = heads.get(deviceId);
    if (!head) {
      head = q.head.get(deviceId) ?? { seq: 0, hash: GENESIS_HASH };
      heads.set(deviceId, head);
    }
    const row = {
      id: uuidv7(), device_id: deviceId, seq: head.seq + 1, at: now().toISOString(), user_id: user, action: e.action,
      method: e.method, entity: e.entity, entity_id: e.entityId, dossier_id: e.dossierId, detail: JSON.stringify(e.detail),
      prev_hash: head.hash,
    };
    const hash = hashEvent(row, sha256Hex);
    q.insert.run({ ...row, hash });
    heads.set(deviceId, { seq: row.seq, hash });
    return true;
  }

  function search(f: AuditQuery): { total: number; rows: AuditRow[] } {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    const add = (clause: string, key: string, value: unknown) => {
      if (value === undefined || value === '') return;
      where.push(clause);
      params[key] = value;
    };
    add('a.user_id = @userId', 'userId', f.userId);
    add('a.action = @action', 'action', f.action);
    add('(a.entity_id = @entityId OR a.dossier_id = @entityId)', 'entityId', f.entityId);
    add('a.at >= @fromAt', 'fromAt', f.fromAt);
    add('a.at < @toAt', 'toAt', f.toAt);
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    // Built from fixed fragments only; every value is a bound parameter.
    const total = (sqlite.prepare(`SELECT count(*) FROM audit_log a ${w}`).pluck().get(params) as number) ?? 0;
    const rows = sqlite.prepare(`SELECT a.*, u.name AS user_name FROM audit_log a LEFT JOIN users u ON u.id = a.user_id ${w}
      ORDER BY a.at DESC, a.device_id, a.seq DESC LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: f.limit, offset: f.offset }) as (AuditEvent & { user_name: string | null })[];
    const me = thisDevice();
    return {
      total,
      rows: rows.map((r) => ({
        id: r.id, at: r.at, deviceId: r.device_id, deviceName: r.device_id === me.id ? me.name : null, seq: r.seq,
        userId: r.user_id, userName: r.user_name, action: r.action as AuditAction, method: r.method, entity: r.entity,
        entityId: r.entity_id, dossierId: r.dossier_id, detail: r.detail,
      })),
    };
  }

  return { append, search, all: () => q.all.all(), thisDevice };
}
export type AuditRepo = ReturnType<typeof auditRepo>;
