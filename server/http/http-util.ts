// Small HTTP helpers of the store: JSON replies, the error envelope, and body reading with a hard
// byte limit (a declared Content-Length over the limit is refused before a byte is read; a body
// that streams past the limit is cut off at the limit, never buffered whole).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StoreErrorCode } from '../../shared/sync/protocol.js';

/** HTTP status per store error code (protocol.ts ENDPOINTS). */
export const STATUS_OF: Record<StoreErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  device_revoked: 401,
  forbidden: 403,
  not_found: 404,
  offset_mismatch: 409,
  too_large: 413,
  hash_mismatch: 422,
  upgrade_required: 426,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

/** An error reply: thrown anywhere in a handler, answered as `{ error: { code, message } }`. */
export class HttpError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly status: number = STATUS_OF[code],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const NO_STORE = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...NO_STORE,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, e: HttpError): void {
  sendJson(res, e.status, { error: { code: e.code, message: e.message } }, e.headers);
}

export function sendBytes(res: ServerResponse, status: number, bytes: Buffer, headers: Record<string, string>): void {
  res.writeHead(status, {
    ...NO_STORE,
    'Content-Type': 'application/octet-stream',
    'Content-Length': String(bytes.length),
    ...headers,
  });
  res.end(bytes);
}

export function tooLarge(limit: number): HttpError {
  // Connection: close — the rest of the body is not read; the socket goes once the reply is out.
  return new HttpError('too_large', `Request body exceeds the limit of ${limit} bytes`, 413, { Connection: 'close' });
}

/** The declared Content-Length, or null for a chunked body. A malformed value is a bad request. */
function declaredLength(req: IncomingMessage): number | null {
  const raw = req.headers['content-length'];
  if (raw === undefined) return null;
  if (!/^\d{1,15}$/.test(raw)) throw new HttpError('bad_request', 'Malformed Content-Length');
  return Number(raw);
}

/** Refuses a declared Content-Length over `limit` without reading anything. */
export function checkDeclaredLength(req: IncomingMessage, limit: number): void {
  const declared = declaredLength(req);
  if (declared !== null && declared > limit) throw tooLarge(limit);
}

/** Reads the whole body, at most `limit` bytes; past that, stops reading and throws 413. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  checkDeclaredLength(req, limit);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        chunks.length = 0;
        req.pause();
        reject(tooLarge(limit));
      } else chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/** Reads and JSON-parses a body; requires `Content-Type: application/json`. */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError('bad_request', 'Content-Type must be application/json', 415);
  }
  const body = await readBody(req, limit);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError('bad_request', 'Body is not valid JSON');
  }
}
