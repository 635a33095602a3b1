// StoreTransport over HTTP (fetch) per ENDPOINTS. Replies are parsed with the protocol schemas; a
// store that cannot be reached, a timeout or a reply cut short is `offline` (retry later), an error
// reply carries its code.
import { z } from 'zod';
import {
  ENDPOINTS, PROTOCOL, PROTOCOL_HEADER, SCHEMA_HEADER, blobStatusSchema, enrollResponseSchema, errorResponseSchema,
  healthResponseSchema, pullResponseSchema, pushResponseSchema, tlvNumbersResponseSchema, type StoreErrorCode,
} from '../../shared/sync/protocol.js';
import { SYNC_SCHEMA_VERSION } from '../../shared/sync/entities.js';
import { TransportError, type StoreTransport } from '../../shared/sync/transport.js';

export interface HttpTransportOptions {
  /** Per request; uploads and downloads of one chunk included. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const STATUS_CODES: Record<number, StoreErrorCode> = {
  400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'offset_mismatch', 413: 'too_large',
  422: 'hash_mismatch', 426: 'upgrade_required', 429: 'rate_limited', 503: 'unavailable',
};

export function httpTransport(storeUrl: string, token: string | null, opts: HttpTransportOptions = {}): StoreTransport {
  const base = storeUrl.replace(/\/+$/, '');
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 60_000;

  async function send(
    path: string, init: { method: string; body?: BodyInit; headers?: Record<string, string>; once?: boolean },
  ): Promise<Response> {
    const headers: Record<string, string> = {
      [PROTOCOL_HEADER]: String(PROTOCOL), [SCHEMA_HEADER]: String(SYNC_SCHEMA_VERSION), ...(init.headers ?? {}),
    };
    if (token) headers.authorization = `Bearer ${token}`;
    const attempt = () =>
      doFetch(`${base}${path}`, { method: init.method, headers, body: init.body ?? null, signal: AbortSignal.timeout(timeoutMs) });
    let res: Response;
    try {
      res = await attempt();
    } catch (err) {
      // A kept-alive connection the store already closed (its idle timeout passed while this process was
      // busy) fails at once: send again on a fresh one. Safe: push is idempotent on (deviceId, seq), a TLV
      // number reservation on (deviceId, requestId), pull and blob reads only read, a blob append names its
      // offset. Enrolment is sent once (its code is used up).
      if (init.once || !staleConnection(err)) throw new TransportError('offline');
      try {
        res = await attempt();
      } catch {
        throw new TransportError('offline');
      }
    }
    if (res.ok) return res;
    let code: StoreErrorCode | undefined;
    try {
      const parsed = errorResponseSchema.safeParse(await res.json());
      if (parsed.success) code = parsed.data.error.code;
    } catch {
      // An error reply without a readable body: decided by its status below.
    }
    throw new TransportError(code ?? STATUS_CODES[res.status] ?? (res.status >= 500 ? 'internal' : 'bad_request'));
  }

  async function json<T>(res: Response, schema: z.ZodType<T>): Promise<T> {
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new TransportError('offline'); // the connection broke mid-reply
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new TransportError('internal');
    return parsed.data;
  }

  const post = (path: string, body: unknown, once = false) =>
    send(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' }, once });

  return {
    health: async () => json(await send(ENDPOINTS.health, { method: 'GET' }), healthResponseSchema),
    enroll: async (req) => json(await post(ENDPOINTS.enroll, req, true), enrollResponseSchema),
    push: async (req) => json(await post(ENDPOINTS.push, req), pushResponseSchema),
    pull: async (req) => json(await post(ENDPOINTS.pull, req), pullResponseSchema),
    reserveTlvNumbers: async (req) => json(await post(ENDPOINTS.tlvNumbers, req), tlvNumbersResponseSchema),
    async blobStatus(sha256) {
      try {
        return await json(await send(`${ENDPOINTS.blobs}${sha256}/status`, { method: 'GET' }), blobStatusSchema);
      } catch (err) {
        if (err instanceof TransportError && err.code === 'not_found') return null;
        throw err;
      }
    },
    async blobAppend(sha256, size, offset, chunk) {
      const res = await send(`${ENDPOINTS.blobs}${sha256}`, {
        method: 'PATCH', body: chunk as Uint8Array<ArrayBuffer>,
        headers: { 'content-type': 'application/octet-stream', 'upload-offset': String(offset), 'upload-length': String(size) },
      });
      return json(res, blobStatusSchema);
    },
    async blobGet(sha256, from) {
      const res = await send(`${ENDPOINTS.blobs}${sha256}`, { method: 'GET', headers: from > 0 ? { range: `bytes=${from}-` } : {} });
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await res.arrayBuffer());
      } catch {
        throw new TransportError('offline');
      }
      // A server that ignored the range sent everything: keep only what was asked for.
      return res.status === 200 && from > 0 ? bytes.subarray(from) : bytes;
    },
  };
}

/** The socket was closed under a request (not a timeout, not a refused connection). */
function staleConnection(err: unknown): boolean {
  const cause = err instanceof Error ? (err.cause as { code?: string } | undefined) : undefined;
  return ['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE'].includes(cause?.code ?? '');
}
