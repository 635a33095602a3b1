// A small in-memory StoreApi for HTTP-layer tests: tokens, a record map with versions, a naive
// scope rule (records carry `school_id`), blobs, and hooks to make calls slow or fail.
import { createHash } from 'node:crypto';
import type { DeviceContext, StoreApi } from '../../../server/store-api.js';
import type { BlobStatus, Change, Mutation, MutationResult } from '../../../shared/sync/protocol.js';

export interface FakeStore extends StoreApi {
  records: Map<string, { version: number; data: Record<string, string | number | null> }>;
  calls: string[];
  closed: boolean;
  pingOk: boolean;
  enrollAttempts: Map<string, number>;
  /** Delay every push by this many ms (shutdown tests). */
  pushDelayMs: number;
  /** Make the next push throw. */
  failNextPush: boolean;
}

export const TOKENS: Record<string, DeviceContext> = {
  'token-school-a-0000000000000000': {
    associationId: 'A', userId: 'u1', deviceId: 'dev-1', role: 'school', werkgebiedIds: [], schoolId: 's1', scopeEpoch: 1,
  },
};
export const REVOKED_TOKEN = 'token-revoked-00000000000000000';
export const VALID_CODE = 'GOOD-CODE-123';

export function fakeStore(): FakeStore {
  let head = 0;
  const blobs = new Map<string, { size: number; bytes: Buffer; complete: boolean }>();
  const applied = new Map<string, MutationResult>();
  const s: FakeStore = {
    dialect: 'sqlite',
    records: new Map(),
    calls: [],
    closed: false,
    pingOk: true,
    enrollAttempts: new Map(),
    pushDelayMs: 0,
    failNextPush: false,
    async authenticate(token) {
      if (token === REVOKED_TOKEN) return { ok: false, code: 'device_revoked' };
      const ctx = TOKENS[token];
      return ctx ? { ok: true, ctx } : { ok: false, code: 'unauthorized' };
    },
    async enroll(code, deviceName, clientKey) {
      s.calls.push('enroll');
      const n = (s.enrollAttempts.get(clientKey) ?? 0) + 1;
      s.enrollAttempts.set(clientKey, n);
      if (n > 10) return 'rate_limited';
      if (code !== VALID_CODE) return 'invalid';
      return {
        deviceId: 'dev-new', token: 'x'.repeat(43), user: { id: 'u1', name: deviceName, role: 'school' }, association: { id: 'A', name: 'SWV' },
      };
    },
    async push(ctx, mutations: Mutation[]) {
      s.calls.push('push');
      if (s.pushDelayMs) await new Promise((r) => setTimeout(r, s.pushDelayMs));
      if (s.failNextPush) {
        s.failNextPush = false;
        throw new Error('database exploded at /secret/path');
      }
      return mutations.map((m): MutationResult => {
        const key = `${ctx.deviceId}:${m.seq}`;
        const seen = applied.get(key);
        if (seen) return seen;
        let result: MutationResult;
        if (m.data && m.data.school_id !== ctx.schoolId) result = { seq: m.seq, status: 'rejected', reason: 'out_of_scope', current: null };
        else {
          head++;
          s.records.set(`${m.entity}:${m.id}`, { version: head, data: m.data ?? {} });
          result = { seq: m.seq, status: 'applied', version: head };
        }
        applied.set(key, result);
        return result;
      });
    },
    async pull(ctx, cursor, limit) {
      s.calls.push('pull');
      const changes: Change[] = [...s.records.entries()]
        .filter(([, r]) => r.version > cursor && r.data.school_id === ctx.schoolId)
        .slice(0, limit)
        .map(([key, r]) => {
          const [entity, id] = key.split(':') as [Change['entity'], string];
          return { entity, id, version: r.version, op: 'upsert', data: r.data, by: 'u1', at: new Date(0).toISOString(), fields: [] };
        });
      return {
        changes, cursor: changes.at(-1)?.version ?? cursor, more: false, head,
        scope: { epoch: ctx.scopeEpoch, role: ctx.role, werkgebiedIds: ctx.werkgebiedIds, schoolId: ctx.schoolId },
      };
    },
    async blobStatus(_ctx, sha) {
      const b = blobs.get(sha);
      return b ? { sha256: sha, size: b.size, received: b.bytes.length, complete: b.complete } : null;
    },
    async blobAppend(_ctx, sha, size, offset, chunk): Promise<BlobStatus | 'offset_mismatch' | 'hash_mismatch' | 'too_large'> {
      const b = blobs.get(sha) ?? { size, bytes: Buffer.alloc(0), complete: false };
      if (offset !== b.bytes.length) return 'offset_mismatch';
      b.bytes = Buffer.concat([b.bytes, chunk]);
      if (b.bytes.length === size) {
        if (createHash('sha256').update(b.bytes).digest('hex') !== sha) {
          blobs.delete(sha);
          return 'hash_mismatch';
        }
        b.complete = true;
      }
      blobs.set(sha, b);
      return { sha256: sha, size, received: b.bytes.length, complete: b.complete };
    },
    async blobRead(_ctx, sha, from) {
      const b = blobs.get(sha);
      if (!b?.complete) return 'not_found';
      return { size: b.size, bytes: b.bytes.subarray(from) };
    },
    async reserveTlvNumbers(ctx, _requestId, series, count) {
      s.calls.push('reserveTlvNumbers');
      return ctx.role === 'secretaris' ? { series, first: 1, last: count } : 'forbidden';
    },
    admin: {} as StoreApi['admin'],
    async ping() {
      return s.pingOk;
    },
    async close() {
      s.closed = true;
    },
  };
  return s;
}
