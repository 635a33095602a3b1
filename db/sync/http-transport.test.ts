import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_HEADER, SCHEMA_HEADER } from '../../shared/sync/protocol.js';
import { SYNC_SCHEMA_VERSION } from '../../shared/sync/entities.js';
import { httpTransport } from './http-transport.js';

type Handler = (req: IncomingMessage, body: Buffer, res: ServerResponse) => void;
let handler: Handler = (_q, _b, res) => res.end();
let server: Server;
let url = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, Buffer.concat(chunks), res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const pullReply = { changes: [], cursor: 3, more: false, head: 3, scope: { epoch: 1, role: 'consulent', werkgebiedIds: [], schoolId: null } };

describe('http transport', () => {
  it('sends the protocol headers and the token, and parses replies', async () => {
    let seen: IncomingMessage | null = null;
    let sent = '';
    handler = (req, body, res) => {
      seen = req;
      sent = body.toString();
      json(res, 200, pullReply);
    };
    const t = httpTransport(`${url}/`, 'tok'.repeat(12));
    expect(await t.pull({ cursor: 2 })).toEqual(pullReply);
    expect(seen!.url).toBe('/v1/pull');
    expect(seen!.headers.authorization).toBe(`Bearer ${'tok'.repeat(12)}`);
    expect(seen!.headers[PROTOCOL_HEADER]).toBe('1');
    expect(seen!.headers[SCHEMA_HEADER]).toBe(String(SYNC_SCHEMA_VERSION));
    expect(JSON.parse(sent)).toEqual({ cursor: 2 });
  });

  it.each([
    [401, 'device_revoked'], [426, 'upgrade_required'], [429, 'rate_limited'], [409, 'offset_mismatch'],
  ] as const)('maps an error body (%i) to its code', async (status, code) => {
    handler = (_q, _b, res) => json(res, status, { error: { code, message: 'x' } });
    await expect(httpTransport(url, 't').pull({ cursor: 0 })).rejects.toMatchObject({ name: 'TransportError', code });
  });

  it('sends again once when the connection is closed under the request (a stale keep-alive socket)', async () => {
    let requests = 0;
    handler = (req, _b, res) => {
      requests++;
      if (requests === 1) req.socket.destroy();
      else json(res, 200, { results: [] });
    };
    expect(await httpTransport(url, 't').push({ mutations: [] })).toEqual({ results: [] });
    expect(requests).toBe(2);
  });

  it('reserves TLV numbers by POST, sending again once on a stale socket (idempotent on requestId)', async () => {
    const bodies: string[] = [];
    handler = (req, body, res) => {
      bodies.push(`${req.method} ${req.url} ${body.toString()}`);
      if (bodies.length === 1) req.socket.destroy();
      else json(res, 200, { series: '2026', first: 51, last: 100 });
    };
    const req = { requestId: '01a2027d-3c10-7000-9a4e-6d2f8b1c0e77', series: '2026', count: 50 };
    expect(await httpTransport(url, 't').reserveTlvNumbers(req)).toEqual({ series: '2026', first: 51, last: 100 });
    expect(bodies).toEqual([0, 1].map(() => `POST /v1/tlv-numbers ${JSON.stringify(req)}`));
    handler = (_q, _b, res) => json(res, 403, { error: { code: 'forbidden', message: 'x' } });
    await expect(httpTransport(url, 't').reserveTlvNumbers(req)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('never sends an enrolment twice: its code is used up by the first', async () => {
    let requests = 0;
    handler = (req) => {
      requests++;
      req.socket.destroy();
    };
    await expect(httpTransport(url, null).enroll({ code: 'ABCDEFGHJK', deviceName: 'Laptop' })).rejects.toMatchObject({ code: 'offline' });
    expect(requests).toBe(1);
  });

  it('maps an error reply without a body by its status', async () => {
    handler = (_q, _b, res) => {
      res.writeHead(503);
      res.end('down');
    };
    await expect(httpTransport(url, 't').push({ mutations: [] })).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('is offline when the store cannot be reached, times out or cuts the reply', async () => {
    await expect(httpTransport('http://127.0.0.1:1', 't').pull({ cursor: 0 })).rejects.toMatchObject({ code: 'offline' });
    handler = () => {}; // never answers
    await expect(httpTransport(url, 't', { timeoutMs: 200 }).pull({ cursor: 0 })).rejects.toMatchObject({ code: 'offline' });
    handler = (_q, _b, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
      res.write('{"changes":[');
      setTimeout(() => res.destroy(), 20);
    };
    await expect(httpTransport(url, 't').pull({ cursor: 0 })).rejects.toMatchObject({ code: 'offline' });
  });

  it('refuses a reply that does not match the protocol', async () => {
    handler = (_q, _b, res) => json(res, 200, { changes: 'nope' });
    await expect(httpTransport(url, 't').pull({ cursor: 0 })).rejects.toMatchObject({ code: 'internal' });
  });

  it('uploads chunks with offset headers and downloads from an offset; unknown blob status is null', async () => {
    const sha = 'a'.repeat(64);
    let headers: IncomingMessage['headers'] = {};
    let got: Buffer = Buffer.alloc(0);
    handler = (req, body, res) => {
      headers = req.headers;
      if (req.method === 'PATCH') {
        got = body;
        return json(res, 200, { sha256: sha, size: 10, received: 7, complete: false });
      }
      if (req.url?.endsWith('/status')) return json(res, 404, { error: { code: 'not_found', message: 'x' } });
      res.writeHead(206);
      res.end(Buffer.from('6789'));
    };
    const t = httpTransport(url, 't');
    expect(await t.blobAppend(sha, 10, 4, new Uint8Array([1, 2, 3]))).toMatchObject({ received: 7 });
    expect(headers['upload-offset']).toBe('4');
    expect(headers['upload-length']).toBe('10');
    expect([...got]).toEqual([1, 2, 3]);
    expect(await t.blobStatus(sha)).toBeNull();
    expect(Buffer.from(await t.blobGet(sha, 6)).toString()).toBe('6789');
    expect(headers.range).toBe('bytes=6-');
  });
});
