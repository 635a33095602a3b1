// Admin operations (CLI). Reference data (werkgebieden, schools, users) is written as synced
// records through the same apply path as a device's push, by the store itself.
import { readSchoolCsv } from '../../shared/domain/csv.js';
import { uuidv7 } from '../../shared/ids.js';
import { entityDef, entityId, type SyncEntity } from '../../shared/sync/entities.js';
import type { WireRow } from '../../shared/sync/protocol.js';
import type { Db } from '../db/adapter.js';
import type { AdminApi, UserScopeInput } from '../store-api.js';
import { applyMutation } from './apply.js';
import { issueEnrollmentCode, parseRole, type UserRow } from './auth.js';
import { inAssociation, type WriteTx } from './records.js';

/** Writes a record as the store: the stored row is the base, so every difference is simply applied. */
export async function systemWrite(w: WriteTx, entity: SyncEntity, data: WireRow): Promise<number> {
  const id = entityId(entityDef(entity), data);
  const stored = await w.load(entity, id);
  const res = await applyMutation(w, { kind: 'system' }, { seq: 0, entity, id, op: 'upsert', data, base: stored?.data ?? null });
  if (res.status !== 'applied') throw new Error(`store write of ${entity} refused: ${res.status === 'rejected' ? res.reason : res.status}`);
  return res.version;
}

async function liveData(q: Pick<Db, 'all'>, associationId: string, entity: SyncEntity): Promise<WireRow[]> {
  const rows = await q.all<{ data: string }>('SELECT data FROM records WHERE association_id = ? AND entity = ? AND deleted = 0', [
    associationId, entity,
  ]);
  return rows.map((r) => JSON.parse(r.data) as WireRow);
}
const liveRecords = (w: WriteTx, entity: SyncEntity): Promise<WireRow[]> => liveData(w.q, w.associationId, entity);

/** Keeps only what the role uses, and checks that the werkgebieden and the school exist here. */
async function normaliseScope(w: WriteTx, s: UserScopeInput): Promise<UserScopeInput> {
  const role = parseRole(s.role);
  const scope = {
    role,
    werkgebiedIds: role === 'consulent' ? [...new Set(s.werkgebiedIds)] : [],
    schoolId: role === 'school' ? s.schoolId : null,
  };
  if (role === 'school' && !scope.schoolId) throw new Error('A school user needs a school');
  const exists = async (entity: SyncEntity, id: string) => {
    const rec = await w.load(entity, id);
    return rec !== null && !rec.deleted;
  };
  for (const id of scope.werkgebiedIds) if (!(await exists('werkgebied', id))) throw new Error('Unknown werkgebied');
  if (scope.schoolId && !(await exists('school', scope.schoolId))) throw new Error('Unknown school');
  return scope;
}

const fold = (s: string) => s.trim().toLocaleLowerCase('nl-NL');

export function createAdmin(db: Db, now: () => Date): AdminApi {
  const inAssoc = <T>(associationId: string, fn: (w: WriteTx) => Promise<T>) => inAssociation(db, associationId, now, fn);
  const userRow = async (userId: string) => {
    const u = await db.get<UserRow & { created_at: string }>('SELECT * FROM users WHERE id = ?', [userId]);
    if (!u) throw new Error('Unknown user');
    return u;
  };
  return {
    async createAssociation(name) {
      const id = uuidv7();
      await db.run('INSERT INTO associations (id, name, head, created_at) VALUES (?, ?, 0, ?)', [id, name, now().toISOString()]);
      return { id };
    },
    async listAssociations() {
      const rows = await db.all<{ id: string; name: string; head: number }>('SELECT id, name, head FROM associations ORDER BY created_at, id');
      return rows.map((r) => ({ id: r.id, name: r.name, head: Number(r.head) }));
    },
    createWerkgebied: (associationId, name) => inAssoc(associationId, async (w) => {
      const id = uuidv7();
      await systemWrite(w, 'werkgebied', { id, name, created_at: w.now, updated_at: w.now });
      return { id };
    }),
    async importSchools(associationId, csv) {
      const { rows, issues } = readSchoolCsv(csv);
      if (issues.length > 0) return { created: 0, updated: 0, errors: issues.map((i) => ({ line: i.line, key: i.key })) };
      return inAssoc(associationId, async (w) => {
        const werkgebieden = new Map((await liveRecords(w, 'werkgebied')).map((r) => [fold(String(r.name)), String(r.id)]));
        const errors = rows.filter((r) => !werkgebieden.has(fold(r.werkgebied))).map((r) => ({ line: r.line, key: 'werkgebied_unknown' }));
        if (errors.length > 0) return { created: 0, updated: 0, errors };
        const byBrin = new Map((await liveRecords(w, 'school')).map((r) => [String(r.brin), r]));
        let created = 0;
        let updated = 0;
        for (const r of rows) {
          const fields = { name: r.name, brin: r.brin, place: r.place, werkgebied_id: werkgebieden.get(fold(r.werkgebied))! };
          const old = byBrin.get(r.brin);
          if (!old) {
            await systemWrite(w, 'school', { id: uuidv7(), ...fields, created_at: w.now, updated_at: w.now });
            created++;
          } else if (Object.entries(fields).some(([k, v]) => old[k] !== v)) {
            await systemWrite(w, 'school', { ...old, ...fields, updated_at: w.now });
            updated++;
          }
        }
        return { created, updated, errors: [] };
      });
    },
    createUser: (associationId, name, input) => inAssoc(associationId, async (w) => {
      const scope = await normaliseScope(w, input);
      const id = uuidv7();
      await w.q.run(
        `INSERT INTO users (id, association_id, name, role, werkgebied_ids, school_id, scope_epoch, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 1, ?)`,
        [id, associationId, name, scope.role, JSON.stringify(scope.werkgebiedIds), scope.schoolId, w.now],
      );
      await systemWrite(w, 'user', { id, name, role: scope.role, created_at: w.now, updated_at: w.now });
      return { id };
    }),
    async setUserScope(userId, input) {
      const u = await userRow(userId);
      await inAssoc(u.association_id, async (w) => {
        const scope = await normaliseScope(w, input);
        await w.q.run('UPDATE users SET role = ?, werkgebied_ids = ?, school_id = ?, scope_epoch = scope_epoch + 1 WHERE id = ?', [
          scope.role, JSON.stringify(scope.werkgebiedIds), scope.schoolId, userId,
        ]);
        await systemWrite(w, 'user', { id: userId, name: u.name, role: scope.role, created_at: u.created_at, updated_at: w.now });
      });
    },
    async listWerkgebieden(associationId) {
      const rows = await liveData(db, associationId, 'werkgebied');
      return rows.map((r) => ({ id: String(r.id), name: String(r.name) })).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    },
    async listSchools(associationId) {
      const rows = await liveData(db, associationId, 'school');
      return rows
        .map((r) => ({ id: String(r.id), name: String(r.name), brin: String(r.brin), werkgebiedId: String(r.werkgebied_id) }))
        .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    },
    async listUsers(associationId) {
      const rows = await db.all<UserRow>('SELECT * FROM users WHERE association_id = ? ORDER BY name, id', [associationId]);
      return rows.map((u) => ({
        id: u.id, name: u.name, role: parseRole(u.role), werkgebiedIds: JSON.parse(u.werkgebied_ids) as string[], schoolId: u.school_id,
      }));
    },
    issueEnrollmentCode: (userId, ttlMinutes) => issueEnrollmentCode(db, now, userId, ttlMinutes),
    /** Every audit event of the association (for `audit verify`); chains are ordered by the caller. */
    auditEvents: (associationId) => liveData(db, associationId, 'audit_event'),
    async listDevices(associationId) {
      const rows = await db.all<{ id: string; user_id: string; name: string; created_at: string; last_seen_at: string | null; revoked_at: string | null }>(
        'SELECT id, user_id, name, created_at, last_seen_at, revoked_at FROM devices WHERE association_id = ? ORDER BY created_at, id',
        [associationId],
      );
      return rows.map((d) => ({
        id: d.id, userId: d.user_id, name: d.name, createdAt: d.created_at, lastSeenAt: d.last_seen_at, revokedAt: d.revoked_at,
      }));
    },
    async revokeDevice(deviceId) {
      const res = await db.run('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [now().toISOString(), deviceId]);
      if (res.changes === 0 && !(await db.get('SELECT 1 AS ok FROM devices WHERE id = ?', [deviceId]))) throw new Error('Unknown device');
    },
  };
}
