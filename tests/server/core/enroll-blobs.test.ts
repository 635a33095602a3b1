import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/sync/protocol.js';
import { DIALECTS, dossier, makeWorld, mut, sha256Of, tlv, useStores } from './harness.js';

const h = useStores();

describe.each(DIALECTS)('store enrolment and blobs on %s', (dialect) => {
  it('enrols once per code, not after expiry, and refuses a revoked device', async (t) => {
    let clock = new Date('2026-03-02T09:00:00.000Z');
    const store = await h.open(dialect, { now: () => clock });
    if (!store) return t.skip();
    const { admin } = store;
    const { id: assoc } = await admin.createAssociation('SWV');
    const { id: userId } = await admin.createUser(assoc, 'Consulent', { role: 'consulent', werkgebiedIds: [], schoolId: null });
    const { code, expiresAt } = await admin.issueEnrollmentCode(userId, 10);
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{10,}$/);
    expect(expiresAt).toBe('2026-03-02T09:10:00.000Z');
    const res = await store.enroll(code.toLowerCase().replace(/(.{4})/g, '$1-'), 'Laptop', 'ip-1');
    if (typeof res === 'string') throw new Error(res);
    expect(res).toMatchObject({ user: { id: userId, name: 'Consulent', role: 'consulent' }, association: { id: assoc, name: 'SWV' } });
    expect(Buffer.from(res.token, 'base64url')).toHaveLength(32);
    expect(await store.enroll(code, 'Tweede', 'ip-1')).toBe('invalid');
    const auth = await store.authenticate(res.token);
    expect(auth).toMatchObject({ ok: true, ctx: { userId, deviceId: res.deviceId, role: 'consulent', associationId: assoc } });
    expect(await store.authenticate('not-a-token')).toEqual({ ok: false, code: 'unauthorized' });
    const late = await admin.issueEnrollmentCode(userId, 10);
    clock = new Date('2026-03-02T09:11:00.000Z');
    expect(await store.enroll(late.code, 'Laptop', 'ip-2')).toBe('invalid');
    const devices = await admin.listDevices(assoc);
    expect(devices).toMatchObject([{ id: res.deviceId, userId, name: 'Laptop', revokedAt: null }]);
    expect(devices[0]!.lastSeenAt).not.toBeNull();
    await admin.revokeDevice(res.deviceId);
    expect(await store.authenticate(res.token)).toEqual({ ok: false, code: 'device_revoked' });
  });

  it('rate-limits enrolment attempts per client across store instances', async (t) => {
    const url = dialect === 'postgres' ? await h.pgUrl() : null;
    if (dialect === 'postgres' && !url) return t.skip();
    const first = (await h.open(dialect, url ? { url } : {}))!;
    const { id: assoc } = await first.admin.createAssociation('SWV');
    const { id: userId } = await first.admin.createUser(assoc, 'X', { role: 'secretaris', werkgebiedIds: [], schoolId: null });
    for (let i = 0; i < LIMITS.enrollAttempts; i++) expect(await first.enroll('WRONGCODE1', 'x', 'ip-9')).toBe('invalid');
    const { code } = await first.admin.issueEnrollmentCode(userId, 10);
    expect(await first.enroll(code, 'x', 'ip-9')).toBe('rate_limited');
    if (url) {
      const second = (await h.open(dialect, { url }))!;
      expect(await second.enroll(code, 'x', 'ip-9')).toBe('rate_limited');
      expect(typeof (await second.enroll(code, 'x', 'ip-10'))).toBe('object');
    } else {
      expect(typeof (await first.enroll(code, 'x', 'ip-10'))).toBe('object');
    }
  });

  it('uploads a blob in chunks, resumes at the offset, and discards it on a hash mismatch', async (t) => {
    const store = await h.open(dialect);
    if (!store) return t.skip();
    const world = await makeWorld(store);
    const { ctx } = world;
    const bytes = randomBytes(3000);
    const sha = sha256Of(bytes);
    expect(await store.blobStatus(ctx.c1, sha)).toBeNull();
    expect(await store.blobAppend(ctx.c1, sha, 3000, 0, bytes.subarray(0, 1000))).toEqual({ sha256: sha, size: 3000, received: 1000, complete: false });
    // A retried chunk after a cut connection: the store says where it is.
    expect(await store.blobAppend(ctx.c1, sha, 3000, 0, bytes.subarray(0, 1000))).toBe('offset_mismatch');
    expect(await store.blobStatus(ctx.c1, sha)).toMatchObject({ received: 1000 });
    expect(await store.blobAppend(ctx.c1, sha, 3000, 1000, bytes.subarray(1000, 2000))).toMatchObject({ received: 2000 });
    expect(await store.blobAppend(ctx.c1, sha, 3000, 2000, bytes.subarray(2000))).toMatchObject({ received: 3000, complete: true });
    expect(await store.blobRead(ctx.c1, sha, 2500)).toEqual({ size: 3000, bytes: bytes.subarray(2500) });
    // Not referenced by anything the other users see yet.
    expect(await store.blobStatus(ctx.c2, sha)).toBeNull();
    expect(await store.blobRead(world.c1b, sha, 0)).toBe('not_found');

    const d = dossier(world.schools.s1);
    const tl = tlv(String(d.id));
    const att = { id: 'att-1', owner_type: 'tlv', owner_id: tl.id!, name: 'a.pdf', media_type: 'application/pdf', size_bytes: 3000, sha256: sha, created_at: 'a' };
    const missing = { ...att, id: 'att-2', sha256: 'b'.repeat(64) };
    const res = await store.push(ctx.c1, [mut('dossier', d, null), mut('tlv', tl, null), mut('attachment', missing, null), mut('attachment', att, null)]);
    expect(res.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual(['applied', 'applied', 'blob_missing', 'applied']);
    expect(await store.blobRead(world.c1b, sha, 0)).toMatchObject({ size: 3000 });
    expect(await store.blobRead(ctx.secretaris, sha, 0)).toMatchObject({ size: 3000 });
    expect(await store.blobStatus(ctx.c2, sha)).toBeNull();
    expect(await store.blobRead(ctx.c2, sha, 0)).toBe('not_found');

    const bad = randomBytes(100);
    const wrongSha = sha256Of(Buffer.from('iets anders'));
    expect(await store.blobAppend(ctx.c1, wrongSha, 100, 0, bad.subarray(0, 60))).toMatchObject({ received: 60 });
    expect(await store.blobAppend(ctx.c1, wrongSha, 100, 60, bad.subarray(60))).toBe('hash_mismatch');
    expect(await store.blobStatus(ctx.c1, wrongSha)).toBeNull();
    expect(await store.blobAppend(ctx.c1, sha, LIMITS.blobBytes + 1, 0, Buffer.alloc(1))).toBe('too_large');
    expect(await store.blobAppend(ctx.c1, wrongSha, 10, 5, Buffer.alloc(6))).toBe('too_large');
  });
});
