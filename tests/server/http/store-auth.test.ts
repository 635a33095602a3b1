// Enrolment and device tokens over HTTP on the real store: first enrolment, brute force, revocation,
// a changed scope (epoch), and protocol negotiation in front of it all.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreServer } from '../../../server/http/server.js';
import type { StoreApi } from '../../../server/store-api.js';
import { enrollResponseSchema, LIMITS, pullResponseSchema } from '../../../shared/sync/protocol.js';
import { backends, serve, stopBackends } from './store-fixture.js';
import { post, send } from './http-client.js';

const BACKENDS = await backends();
afterAll(() => stopBackends());

describe.each(BACKENDS)('enrolment and tokens on $name', (backend) => {
  let store: StoreApi;
  let server: StoreServer;
  let associationId: string;
  let userId: string;

  beforeEach(async () => {
    ({ store, server } = await serve(backend));
    associationId = (await store.admin.createAssociation('SWV Enrol')).id;
    const wg = await store.admin.createWerkgebied(associationId, 'Noord');
    userId = (await store.admin.createUser(associationId, 'Anna', { role: 'consulent', werkgebiedIds: [wg.id], schoolId: null })).id;
  });
  afterEach(() => server.close());

  it('enrols with a one-time code; the token works; the code does not work twice', async () => {
    const { code } = await store.admin.issueEnrollmentCode(userId, 60);
    const res = await post(server.port, '/v1/enroll', { code, deviceName: 'Laptop' });
    expect(res.status).toBe(200);
    const enrolled = enrollResponseSchema.parse(res.json);
    expect(enrolled.user).toMatchObject({ id: userId, role: 'consulent' });
    const pulled = await post(server.port, '/v1/pull', { cursor: 0 }, enrolled.token);
    expect(pulled.status).toBe(200);
    expect(pullResponseSchema.parse(pulled.json).scope.role).toBe('consulent');
    const again = await post(server.port, '/v1/enroll', { code, deviceName: 'Tweede' });
    expect(again.status).toBe(403);
    expect(again.json.error.code).toBe('forbidden');
  });

  it(`brute force: after ${LIMITS.enrollAttempts} attempts from one address → 429, even with a good code`, async () => {
    for (let i = 0; i < LIMITS.enrollAttempts; i++) {
      const res = await post(server.port, '/v1/enroll', { code: `WRONG${String(i).padStart(4, '0')}`, deviceName: 'x' });
      expect(res.status, `attempt ${i + 1}`).toBe(403);
    }
    const { code } = await store.admin.issueEnrollmentCode(userId, 60);
    const limited = await post(server.port, '/v1/enroll', { code, deviceName: 'x' });
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('rate_limited');
    expect((await send(server.port, { path: '/v1/health' })).status).toBe(200);
  });

  it('a revoked device gets 401 device_revoked on every endpoint', async () => {
    const { code } = await store.admin.issueEnrollmentCode(userId, 60);
    const { token, deviceId } = enrollResponseSchema.parse((await post(server.port, '/v1/enroll', { code, deviceName: 'Laptop' })).json);
    await store.admin.revokeDevice(deviceId);
    for (const [path, body] of [['/v1/pull', { cursor: 0 }], ['/v1/push', { mutations: [] }]] as const) {
      const res = await post(server.port, path, body, token);
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe('device_revoked');
    }
    const wrong = await post(server.port, '/v1/pull', { cursor: 0 }, `${token}x`);
    expect(wrong.json.error.code).toBe('unauthorized');
  });

  it('a changed scope bumps the epoch the device sees in its next pull', async () => {
    const { code } = await store.admin.issueEnrollmentCode(userId, 60);
    const { token } = enrollResponseSchema.parse((await post(server.port, '/v1/enroll', { code, deviceName: 'Laptop' })).json);
    const before = pullResponseSchema.parse((await post(server.port, '/v1/pull', { cursor: 0 }, token)).json).scope;
    await store.admin.setUserScope(userId, { role: 'secretaris', werkgebiedIds: [], schoolId: null });
    const after = pullResponseSchema.parse((await post(server.port, '/v1/pull', { cursor: 0 }, token)).json).scope;
    expect(after.role).toBe('secretaris');
    expect(after.epoch).not.toBe(before.epoch);
  });

  it('health pings the real database', async () => {
    const res = await send(server.port, { path: '/v1/health' });
    expect(res.status).toBe(200);
    expect(res.json.ok).toBe(true);
  });
});
