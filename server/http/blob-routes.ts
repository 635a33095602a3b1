// Attachment content: content-addressed by sha-256, uploaded in chunks (resumable: a device asks
// the status and continues at `received`), downloaded whole or from an offset (Range: bytes=N-).
import { LIMITS, blobStatusSchema } from '../../shared/sync/protocol.js';
import { HttpError, readBody, sendBytes, sendJson } from './http-util.js';
import type { Call } from './routes.js';

const SHA256 = /^[0-9a-f]{64}$/;

function shaParam(call: Call): string {
  const sha = call.params[0] ?? '';
  if (!SHA256.test(sha)) throw new HttpError('bad_request', 'The blob address must be a lowercase hex sha-256');
  return sha;
}

function nonNegativeHeader(call: Call, name: string): number {
  const raw = call.req.headers[name];
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) {
    throw new HttpError('bad_request', `Missing or malformed ${name} header (a non-negative integer)`);
  }
  return Number(raw);
}

export async function getBlobStatus(call: Call): Promise<void> {
  const status = await call.env.store.blobStatus(call.ctx, shaParam(call));
  if (!status) throw new HttpError('not_found', 'No such blob in your scope');
  sendJson(call.res, 200, blobStatusSchema.parse(status));
}

/** Only `bytes=<from>-` is supported: that is all a resuming download needs. */
function rangeStart(header: string | undefined): number | null {
  if (header === undefined) return null;
  const m = /^bytes=(\d{1,15})-$/.exec(header.trim());
  if (!m) throw new HttpError('bad_request', 'Only Range: bytes=<from>- is supported');
  return Number(m[1]);
}

export async function getBlob(call: Call): Promise<void> {
  const sha = shaParam(call);
  const from = rangeStart(call.req.headers.range);
  const result = await call.env.store.blobRead(call.ctx, sha, from ?? 0);
  if (result === 'not_found') throw new HttpError('not_found', 'No such blob in your scope');
  const headers = { ETag: `"${sha}"`, 'Accept-Ranges': 'bytes' };
  if (from === null) {
    sendBytes(call.res, 200, result.bytes, headers);
    return;
  }
  if (from >= result.size && !(from === 0 && result.size === 0)) {
    throw new HttpError('bad_request', `Range starts at or beyond the blob's ${result.size} bytes`, 416, {
      'Content-Range': `bytes */${result.size}`,
    });
  }
  sendBytes(call.res, 206, result.bytes, {
    ...headers,
    'Content-Range': `bytes ${from}-${from + result.bytes.length - 1}/${result.size}`,
  });
}

const CHUNK_TYPES = new Set(['application/octet-stream', 'application/offset+octet-stream']);

export async function patchBlob(call: Call): Promise<void> {
  const sha = shaParam(call);
  const type = (call.req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!CHUNK_TYPES.has(type)) throw new HttpError('bad_request', 'Content-Type must be application/octet-stream', 415);
  const offset = nonNegativeHeader(call, 'upload-offset');
  const size = nonNegativeHeader(call, 'upload-length');
  if (size > LIMITS.blobBytes) throw new HttpError('too_large', `An attachment may hold at most ${LIMITS.blobBytes} bytes`);
  const chunk = await readBody(call.req, LIMITS.chunkBytes);
  if (offset + chunk.length > size) throw new HttpError('bad_request', 'Chunk runs past upload-length');
  const result = await call.env.store.blobAppend(call.ctx, sha, size, offset, chunk);
  if (result === 'offset_mismatch') {
    throw new HttpError('offset_mismatch', 'upload-offset does not match the bytes received; ask the status and resume');
  }
  if (result === 'hash_mismatch') throw new HttpError('hash_mismatch', 'The uploaded bytes do not hash to the address; upload discarded');
  if (result === 'too_large') throw new HttpError('too_large', `An attachment may hold at most ${LIMITS.blobBytes} bytes`);
  sendJson(call.res, 200, blobStatusSchema.parse(result));
}
