// The HTTP face of the store over a fake StoreApi: routing, negotiation, auth, limits, errors.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStoreServer, type StoreServer } from '../../../server/http/server.js';
import {
  LIMITS, MIN_PROTOCOL, PROTOCOL, errorResponseSchema, healthResponseSchema, pullResponseSchema, pushResponseSchema,
} from '../../../shared/sync/protocol.js';
import { SYNC_SCHEMA_VERSION } from '../../../shared/sync/entities.js';
import { fakeStore, REVOKED_TOKEN, VALID_CODE, type FakeStore } from './fake-store.js';
import { post, send, v1Headers } from './http-client.js';

const TOKEN = 'token-school-a-0000000000000000';
let store: FakeStore;
let server: StoreServer;

beforeEach(async () => {
  store = fakeStore();
  server = await startStoreServer({ store, port: 0 });
});
afterEach(() => server.close());

const mutation = (seq: number, school = 's1') => ({
  seq, mutationId: `m${seq}`, entity: 'dossier', id: `d${seq}`, op: 'upsert', data: { id: `d${seq}`, school_id: school }, base: null,
  at: '2026-01-01T00:00:00Z',
});

function expectError(res: { status: number; json: unknown }, status: number, code: string): void {
  expect(res.status).toBe(status);
  const parsed = errorResponseSchema.parse(res.json);
  expect(parsed.error.code).toBe(code);
  expect(parsed.error.message.length).toBeGreaterThan(0);
}

describe('store HTTP basics', () => {
  it('listens on 127.0.0.1 with a random port', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('health needs no headers and reports versions and the http setting', async () => {
    const res = await send(server.port, { path: '/v1/health' });
    expect(res.status).toBe(200);
    expect(healthResponseSchema.parse(res.json)).toEqual({
      ok: true, protocol: { min: MIN_PROTOCOL, max: PROTOCOL }, schema: SYNC_SCHEMA_VERSION, allowInsecureHttp: false,
    });
  });

  it('health is 503 unavailable (and still a health body) when the database is down', async () => {
    store.pingOk = false;
    const res = await send(server.port, { path: '/v1/health' });
    expectError(res, 503, 'unavailable');
    expect(healthResponseSchema.parse(res.json).ok).toBe(false);
  });

  it('unknown route → 404 not_found, wrong method → 405 bad_request with Allow', async () => {
    expectError(await send(server.port, { path: '/v1/nope' }), 404, 'not_found');
    expectError(await send(server.port, { path: '/' }), 404, 'not_found');
    const res = await send(server.port, { path: '/v1/push', headers: v1Headers(TOKEN) });
    expectError(res, 405, 'bad_request');
    expect(res.headers.allow).toBe('POST');
  });

  it('negotiates the protocol: missing/malformed → 400, unsupported → 426', async () => {
    const body = JSON.stringify({ cursor: 0 });
    const base = { method: 'POST', path: '/v1/pull', body };
    const h = (extra: Record<string, string>) => ({ 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...extra });
    expectError(await send(server.port, { ...base, headers: h({}) }), 400, 'bad_request');
    expectError(await send(server.port, { ...base, headers: h({ 'x-veldwerk-protocol': 'one', 'x-veldwerk-schema': '1' }) }), 400, 'bad_request');
    expectError(await send(server.port, { ...base, headers: h({ 'x-veldwerk-protocol': String(PROTOCOL + 1), 'x-veldwerk-schema': String(SYNC_SCHEMA_VERSION) }) }), 426, 'upgrade_required');
    expectError(await send(server.port, { ...base, headers: h({ 'x-veldwerk-protocol': String(MIN_PROTOCOL - 1), 'x-veldwerk-schema': String(SYNC_SCHEMA_VERSION) }) }), 426, 'upgrade_required');
    expectError(await send(server.port, { ...base, headers: h({ 'x-veldwerk-protocol': String(PROTOCOL), 'x-veldwerk-schema': String(SYNC_SCHEMA_VERSION + 1) }) }), 426, 'upgrade_required');
    expect((await post(server.port, '/v1/pull', { cursor: 0 }, TOKEN)).status).toBe(200);
  });

  it('authenticates: missing/malformed/unknown → 401 unauthorized, revoked → 401 device_revoked', async () => {
    expectError(await post(server.port, '/v1/pull', { cursor: 0 }), 401, 'unauthorized');
    expectError(await post(server.port, '/v1/pull', { cursor: 0 }, undefined, { authorization: 'Basic abc' }), 401, 'unauthorized');
    expectError(await post(server.port, '/v1/pull', { cursor: 0 }, 'unknown-token-00000000000000'), 401, 'unauthorized');
    expectError(await post(server.port, '/v1/pull', { cursor: 0 }, REVOKED_TOKEN), 401, 'device_revoked');
    expect(store.calls).toEqual([]);
  });

  it('push and pull round-trip, parsed with the protocol schemas', async () => {
    const pushed = await post(server.port, '/v1/push', { mutations: [mutation(1), mutation(2, 'other')] }, TOKEN);
    expect(pushed.status).toBe(200);
    expect(pushResponseSchema.parse(pushed.json).results.map((r) => r.status)).toEqual(['applied', 'rejected']);
    const pulled = await post(server.port, '/v1/pull', { cursor: 0, limit: 10 }, TOKEN);
    expect(pullResponseSchema.parse(pulled.json).changes.map((c) => c.id)).toEqual(['d1']);
  });

  it('a declared body over the limit → 413 too_large at once, and the server keeps serving', async () => {
    const res = await send(server.port, {
      method: 'POST', path: '/v1/push',
      headers: { 'content-type': 'application/json', ...v1Headers(TOKEN), 'content-length': String(LIMITS.bodyBytes + 1) },
      body: Buffer.from('{'),
    });
    expectError(res, 413, 'too_large');
    expect(res.json.error.message).toMatch(/exceeds the limit of 8388608 bytes/);
    expect(store.calls).toEqual([]);
    expect((await send(server.port, { path: '/v1/health' })).status).toBe(200);
  });

  it('a chunked body that streams past the limit is cut off with 413', async () => {
    const piece = Buffer.alloc(1024 * 1024, 0x20);
    const chunks = Array.from({ length: 10 }, () => piece);
    const res = await send(server.port, {
      method: 'POST', path: '/v1/push', headers: { 'content-type': 'application/json', ...v1Headers(TOKEN) }, body: chunks,
    });
    expectError(res, 413, 'too_large');
    expect(store.calls).toEqual([]);
    expect((await send(server.port, { path: '/v1/health' })).status).toBe(200);
  });

  it('malformed JSON, wrong types and wrong content type → 4xx, the store is never called', async () => {
    expectError(await post(server.port, '/v1/push', '{"mutations": [', TOKEN), 400, 'bad_request');
    expectError(await post(server.port, '/v1/push', { mutations: [{ ...mutation(1), seq: 'one' }] }, TOKEN), 400, 'bad_request');
    expectError(await post(server.port, '/v1/push', { mutations: [{ ...mutation(1), entity: 'nope' }] }, TOKEN), 400, 'bad_request');
    expectError(await post(server.port, '/v1/pull', { cursor: -1 }, TOKEN), 400, 'bad_request');
    expectError(await post(server.port, '/v1/pull', { cursor: 0, limit: LIMITS.pullPage + 1 }, TOKEN), 400, 'bad_request');
    expectError(await post(server.port, '/v1/push', { mutations: Array.from({ length: LIMITS.pushBatch + 1 }, (_, i) => mutation(i + 1)) }, TOKEN), 400, 'bad_request');
    expectError(await post(server.port, '/v1/pull', { cursor: 0 }, TOKEN, { 'content-type': 'text/plain' }), 415, 'bad_request');
    expect(store.calls).toEqual([]);
    expect(store.records.size).toBe(0);
  });

  it('a store error → 500 internal without a stack or details, and the server keeps serving', async () => {
    store.failNextPush = true;
    const res = await post(server.port, '/v1/push', { mutations: [mutation(1)] }, TOKEN);
    expectError(res, 500, 'internal');
    expect(res.text).not.toMatch(/secret|exploded|at .*\.ts/);
    expect((await post(server.port, '/v1/push', { mutations: [mutation(1)] }, TOKEN)).status).toBe(200);
  });

  it('enrol: a bad code → 403 forbidden, too many attempts → 429 rate_limited', async () => {
    const ok = await post(server.port, '/v1/enroll', { code: VALID_CODE, deviceName: 'Laptop' });
    expect(ok.status).toBe(200);
    expect(ok.json.deviceId).toBe('dev-new');
    for (let i = 0; i < 9; i++) expectError(await post(server.port, '/v1/enroll', { code: 'WRONG-CODE', deviceName: 'x' }), 403, 'forbidden');
    const limited = await post(server.port, '/v1/enroll', { code: VALID_CODE, deviceName: 'x' });
    expectError(limited, 429, 'rate_limited');
    expect(limited.headers['retry-after']).toBe('900');
    expect([...store.enrollAttempts.keys()]).toEqual(['127.0.0.1']);
  });

  it('behind a trusted proxy, the enrolment rate limit keys on the last X-Forwarded-For hop', async () => {
    const proxied = await startStoreServer({ store, port: 0, trustProxy: true });
    try {
      await post(proxied.port, '/v1/enroll', { code: 'WRONG-CODE', deviceName: 'x' }, undefined, { 'x-forwarded-for': '1.2.3.4, 10.0.0.7' });
      await post(server.port, '/v1/enroll', { code: 'WRONG-CODE', deviceName: 'x' }, undefined, { 'x-forwarded-for': '1.2.3.4' });
      expect([...store.enrollAttempts.keys()]).toEqual(['10.0.0.7', '127.0.0.1']);
    } finally {
      await proxied.close();
    }
  });

  it('a request Node cannot parse still gets a JSON error', async () => {
    const { connect } = await import('node:net');
    const text = await new Promise<string>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () => socket.write('GARBAGE / HTTP/1.1\r\n\r\n'));
      let got = '';
      socket.on('data', (b: Buffer) => (got += b.toString('utf8')));
      socket.on('close', () => resolve(got));
    });
    expect(text).toMatch(/^HTTP\/1.1 400/);
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)).error.code).toBe('bad_request');
  });

  it('shutdown lets an in-flight request finish, refuses new ones, then closes the store', async () => {
    store.pushDelayMs = 300;
    const inFlight = post(server.port, '/v1/push', { mutations: [mutation(1)] }, TOKEN);
    await new Promise((r) => setTimeout(r, 100));
    const closed = server.close();
    expect(store.closed).toBe(false);
    const res = await inFlight;
    expect(res.status).toBe(200);
    await closed;
    expect(store.closed).toBe(true);
    await expect(send(server.port, { path: '/v1/health' })).rejects.toThrow();
  });
});
