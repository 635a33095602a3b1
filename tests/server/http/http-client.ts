// Raw HTTP for the store tests: exact paths and headers, bodies whole or chunked.
import type { IncomingHttpHeaders } from 'node:http';
import { rawRequest, type RawRequest } from '../../../core/web-host/test-http.js';
import { PROTOCOL, PROTOCOL_HEADER, SCHEMA_HEADER } from '../../../shared/sync/protocol.js';
import { SYNC_SCHEMA_VERSION } from '../../../shared/sync/entities.js';

export interface Res {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export type Req = RawRequest;

/** Raw HTTP (the web host's test helper), with the reply's JSON parsed when it is JSON. */
export async function send(port: number, req: Req): Promise<Res> {
  const r = await rawRequest(port, req);
  let json: unknown;
  try {
    json = r.json();
  } catch {
    json = undefined;
  }
  return { status: r.status, headers: r.headers, body: r.body, text: r.text, json };
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
