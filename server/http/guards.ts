// Per-request checks before any handler runs: protocol negotiation and the device token.
import type { IncomingMessage } from 'node:http';
import type { DeviceContext, StoreApi } from '../store-api.js';
import { MIN_PROTOCOL, PROTOCOL, PROTOCOL_HEADER, SCHEMA_HEADER } from '../../shared/sync/protocol.js';
import { SYNC_SCHEMA_VERSION } from '../../shared/sync/entities.js';
import { HttpError } from './http-util.js';

function intHeader(req: IncomingMessage, name: string): number {
  const raw = req.headers[name];
  if (typeof raw !== 'string' || !/^\d{1,6}$/.test(raw.trim())) {
    throw new HttpError('bad_request', `Missing or malformed ${name} header (an integer)`);
  }
  return Number(raw.trim());
}

/**
 * Every /v1 request except health names the wire protocol and the entity schema version it speaks.
 * Missing or malformed → 400; a protocol outside [MIN_PROTOCOL, PROTOCOL] or another schema
 * version → 426, so an old app knows to update (and a newer one that the store needs updating).
 */
export function checkProtocol(req: IncomingMessage): void {
  const protocol = intHeader(req, PROTOCOL_HEADER);
  const schema = intHeader(req, SCHEMA_HEADER);
  if (protocol < MIN_PROTOCOL || protocol > PROTOCOL) {
    throw new HttpError('upgrade_required', `Protocol ${protocol} not supported; this store speaks ${MIN_PROTOCOL}..${PROTOCOL}`);
  }
  if (schema !== SYNC_SCHEMA_VERSION) {
    throw new HttpError('upgrade_required', `Schema version ${schema} not supported; this store speaks ${SYNC_SCHEMA_VERSION}`);
  }
}

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{16,512})$/;
const BEARER_HINT = { 'WWW-Authenticate': 'Bearer' };

/** Resolves the device token to the caller. Missing, malformed or unknown → 401 unauthorized; revoked → 401 device_revoked. */
export async function authenticate(req: IncomingMessage, store: StoreApi): Promise<DeviceContext> {
  const header = req.headers.authorization;
  const m = typeof header === 'string' ? BEARER.exec(header.trim()) : null;
  if (!m) throw new HttpError('unauthorized', 'Missing or malformed Authorization: Bearer token', 401, BEARER_HINT);
  const result = await store.authenticate(m[1]!);
  if (result.ok) return result.ctx;
  if (result.code === 'device_revoked') throw new HttpError('device_revoked', 'This device has been revoked', 401, BEARER_HINT);
  throw new HttpError('unauthorized', 'Unknown device token', 401, BEARER_HINT);
}

/**
 * The client's address, the key for the enrolment rate limit. Behind a reverse proxy every client
 * would share the proxy's address, so with `trustProxy` the last X-Forwarded-For hop (the one the
 * proxy itself added) is used instead.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const direct = req.socket.remoteAddress ?? 'unknown';
  if (!trustProxy) return direct;
  const xff = req.headers['x-forwarded-for'];
  const value = Array.isArray(xff) ? xff.join(',') : xff;
  const last = value?.split(',').map((s) => s.trim()).filter(Boolean).pop();
  return last && last.length <= 64 ? last : direct;
}
