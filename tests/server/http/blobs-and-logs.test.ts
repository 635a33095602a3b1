// Blob endpoints (chunked, resumable, verified, ranged) and what the request log may contain.
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStoreServer, type StoreServer } from '../../../server/http/server.js';
import { blobStatusSchema, LIMITS } from '../../../shared/sync/protocol.js';
import { fakeStore, type FakeStore } from './fake-store.js';
import { post, send, v1Headers } from './http-client.js';

const TOKEN = 'token-school-a-0000000000000000';
let store: FakeStore;
let server: StoreServer;
let logLines: string[];

beforeEach(async () => {
  store = fakeStore();
  logLines = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  server = await startStoreServer({ store, port: 0, logger: pino({ level: 'info' }, sink) });
});
afterEach(() => server.close());

const bytes = Buffer.from('Verslag van het MDO — bijlage. '.repeat(1000));
const sha = createHash('sha256').update(bytes).digest('hex');

function patch(offset: number, chunk: Buffer, size = bytes.length, address = sha) {
  return send(server.port, {
    method: 'PATCH', path: `/v1/blobs/${address}`,
    headers: {
      ...v1Headers(TOKEN), 'content-type': 'application/octet-stream', 'upload-offset': offset, 'upload-length': size,
    },
    body: chunk,
  });
}

describe('blob endpoints', () => {
  it('uploads in chunks, resumes from the status, verifies, and serves whole and ranged', async () => {
    expect((await send(server.port, { path: `/v1/blobs/${sha}/status`, headers: v1Headers(TOKEN) })).status).toBe(404);
    const first = await patch(0, bytes.subarray(0, 10_000));
    expect(blobStatusSchema.parse(first.json)).toEqual({ sha256: sha, size: bytes.length, received: 10_000, complete: false });
    const mismatch = await patch(5, bytes.subarray(5, 100));
    expect(mismatch.status).toBe(409);
    expect(mismatch.json.error.code).toBe('offset_mismatch');
    const status = await send(server.port, { path: `/v1/blobs/${sha}/status`, headers: v1Headers(TOKEN) });
    expect(status.json.received).toBe(10_000);
    const done = await patch(10_000, bytes.subarray(10_000));
    expect(done.json.complete).toBe(true);

    const whole = await send(server.port, { path: `/v1/blobs/${sha}`, headers: v1Headers(TOKEN) });
    expect(whole.status).toBe(200);
    expect(whole.body.equals(bytes)).toBe(true);
    const ranged = await send(server.port, { path: `/v1/blobs/${sha}`, headers: { ...v1Headers(TOKEN), range: 'bytes=20000-' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers['content-range']).toBe(`bytes 20000-${bytes.length - 1}/${bytes.length}`);
    expect(ranged.body.equals(bytes.subarray(20_000))).toBe(true);
    const beyond = await send(server.port, { path: `/v1/blobs/${sha}`, headers: { ...v1Headers(TOKEN), range: `bytes=${bytes.length}-` } });
    expect(beyond.status).toBe(416);
    const badRange = await send(server.port, { path: `/v1/blobs/${sha}`, headers: { ...v1Headers(TOKEN), range: 'bytes=0-10' } });
    expect(badRange.status).toBe(400);
  });

  it('a wrong hash → 422 hash_mismatch and the upload is discarded', async () => {
    const wrong = 'a'.repeat(64);
    const res = await patch(0, bytes, bytes.length, wrong);
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('hash_mismatch');
    expect((await send(server.port, { path: `/v1/blobs/${wrong}/status`, headers: v1Headers(TOKEN) })).status).toBe(404);
  });

  it('refuses bad addresses, headers, oversize chunks and oversize blobs', async () => {
    expect((await send(server.port, { path: '/v1/blobs/XYZ', headers: v1Headers(TOKEN) })).status).toBe(400);
    const noHeaders = await send(server.port, {
      method: 'PATCH', path: `/v1/blobs/${sha}`, headers: { ...v1Headers(TOKEN), 'content-type': 'application/octet-stream' }, body: bytes,
    });
    expect(noHeaders.status).toBe(400);
    const big = await patch(0, Buffer.alloc(LIMITS.chunkBytes + 1), LIMITS.chunkBytes + 1);
    expect(big.status).toBe(413);
    expect(big.json.error.code).toBe('too_large');
    const huge = await patch(0, Buffer.alloc(10), LIMITS.blobBytes + 1);
    expect(huge.status).toBe(413);
    const past = await patch(0, Buffer.alloc(10), 5);
    expect(past.status).toBe(400);
    expect((await send(server.port, { path: '/v1/health' })).status).toBe(200);
  });
});

describe('request log', () => {
  it('has method, route template, status and duration; never tokens, bodies, codes or the sha', async () => {
    await patch(0, bytes.subarray(0, 100));
    await post(server.port, '/v1/push', {
      mutations: [{ seq: 1, mutationId: 'm1', entity: 'dossier', id: 'd1', op: 'upsert', data: { voornaam: 'Noor', school_id: 's1' }, base: null, at: 'x' }],
    }, TOKEN);
    await post(server.port, '/v1/enroll', { code: 'SECRET-CODE-9', deviceName: 'Laptop van Noor' });
    await server.close();
    const all = logLines.join('');
    for (const secret of [TOKEN, 'Noor', 'SECRET-CODE-9', sha, 'd1']) expect(all).not.toContain(secret);
    const entries = logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => e.msg === 'request');
    expect(entries.map((e) => e.route)).toEqual(['/v1/blobs/:sha256', '/v1/push', '/v1/enroll']);
    expect(entries[1]).toMatchObject({ method: 'POST', status: 200, ip: '127.0.0.1' });
    expect(entries[1]!.device).toMatch(/^[0-9a-f]{8}$/);
    expect(typeof entries[1]!.ms).toBe('number');
  });
});
