// Raw HTTP for the store tests: exact paths and headers, bodies whole or chunked.
import { request, type IncomingHttpHeaders } from 'node:http';
import { PROTOCOL, PROTOCOL_HEADER, SCHEMA_HEADER } from '../../../shared/sync/protocol.js';
import { SYNC_SCHEMA_VERSION } from '../../../shared/sync/entities.js';

export interface Res {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface Req {
  method?: string;
  path: string;
  headers?: Record<string, string | number>;
  /** A string/Buffer is sent whole; an array of chunks is sent chunked (no Content-Length). */
  body?: string | Buffer | Buffer[];
}

export function send(port: number, req: Req): Promise<Res> {
  return new Promise((resolve, reject) => {
    const r = request(
      { host: '127.0.0.1', port, method: req.method ?? 'GET', path: req.path, headers: req.headers ?? {}, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const text = body.toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text, json });
        });
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    if (Array.isArray(req.body)) {
      for (const chunk of req.body) r.write(chunk);
      r.end();
    } else r.end(req.body);
  });
}

export function v1Headers(token?: string): Record<string, string> {
  return {
    [PROTOCOL_HEADER]: String(PROTOCOL),
    [SCHEMA_HEADER]: String(SYNC_SCHEMA_VERSION),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
}

/** A JSON POST to a /v1 endpoint with the protocol headers and (optionally) a device token. */
export function post(port: number, path: string, body: unknown, token?: string, extra: Record<string, string> = {}): Promise<Res> {
  return send(port, {
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json', ...v1Headers(token), ...extra },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
