// The store's endpoints (protocol.ts ENDPOINTS): route templates, which checks each needs, and
// the JSON handlers. Blob handlers live in blob-routes.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { DeviceContext, StoreApi } from '../store-api.js';
import {
  ENDPOINTS, LIMITS, MIN_PROTOCOL, PROTOCOL, enrollRequestSchema, enrollResponseSchema, pullRequestSchema,
  pullResponseSchema, pushRequestSchema, pushResponseSchema, tlvNumbersRequestSchema, tlvNumbersResponseSchema,
  type HealthResponse,
} from '../../shared/sync/protocol.js';
import { SYNC_SCHEMA_VERSION } from '../../shared/sync/entities.js';
import { HttpError, readJson, sendJson } from './http-util.js';
import { clientAddress } from './guards.js';
import { getBlob, getBlobStatus, patchBlob } from './blob-routes.js';

export interface RouteEnv {
  store: StoreApi;
  allowInsecureHttp: boolean;
  trustProxy: boolean;
}

export interface Call {
  req: IncomingMessage;
  res: ServerResponse;
  params: string[];
  env: RouteEnv;
  /** The authenticated device; set for every route with `auth`. */
  ctx: DeviceContext;
}

export type Handler = (call: Call) => Promise<void>;

export interface Route {
  /** The template logged instead of the raw path (which may hold a sha-256). */
  template: string;
  pattern: RegExp;
  methods: Partial<Record<string, Handler>>;
  /** Needs the protocol headers. */
  protocol: boolean;
  /** Needs a device token. */
  auth: boolean;
  /** Largest accepted body; checked against Content-Length before authentication. */
  bodyLimit: number;
}

/** Parses with a protocol schema; the message names the failing paths, never the values. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const where = result.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  throw new HttpError('bad_request', `Invalid request body: ${where}`);
}

/** The store's own replies are checked too: a bug must not send (or leak) a malformed row. */
function reply<S extends z.ZodType>(res: ServerResponse, schema: S, body: unknown): void {
  sendJson(res, 200, schema.parse(body));
}

async function health(call: Call): Promise<void> {
  let ok = false;
  try {
    ok = await Promise.race([
      call.env.store.ping(),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3000).unref()),
    ]);
  } catch {
    ok = false;
  }
  const body: HealthResponse = {
    ok,
    protocol: { min: MIN_PROTOCOL, max: PROTOCOL },
    schema: SYNC_SCHEMA_VERSION,
    allowInsecureHttp: call.env.allowInsecureHttp,
  };
  // When the database is down the reply is both a health body (ok: false) and an error body.
  if (ok) sendJson(call.res, 200, body);
  else sendJson(call.res, 503, { ...body, error: { code: 'unavailable', message: 'Database unavailable' } });
}

async function enroll(call: Call): Promise<void> {
  const input = parseWith(enrollRequestSchema, await readJson(call.req, LIMITS.bodyBytes));
  const result = await call.env.store.enroll(input.code, input.deviceName, clientAddress(call.req, call.env.trustProxy));
  if (result === 'rate_limited') {
    throw new HttpError('rate_limited', 'Too many enrolment attempts; try again later', 429, { 'Retry-After': '900' });
  }
  // An unknown, used or expired code: 403 forbidden (the request is well-formed, the credential is not accepted).
  if (result === 'invalid') throw new HttpError('forbidden', 'Enrolment code unknown, already used or expired');
  reply(call.res, enrollResponseSchema, result);
}

async function push(call: Call): Promise<void> {
  const input = parseWith(pushRequestSchema, await readJson(call.req, LIMITS.bodyBytes));
  const results = await call.env.store.push(call.ctx, input.mutations);
  reply(call.res, pushResponseSchema, { results });
}

async function pull(call: Call): Promise<void> {
  const input = parseWith(pullRequestSchema, await readJson(call.req, LIMITS.bodyBytes));
  const page = await call.env.store.pull(call.ctx, input.cursor, input.limit ?? LIMITS.pullPage);
  reply(call.res, pullResponseSchema, page);
}

async function tlvNumbers(call: Call): Promise<void> {
  const input = parseWith(tlvNumbersRequestSchema, await readJson(call.req, TLV_BODY_BYTES));
  const block = await call.env.store.reserveTlvNumbers(call.ctx, input.requestId, input.series, input.count);
  if (block === 'forbidden') throw new HttpError('forbidden', 'Only the secretary reserves TLV numbers');
  if (block === 'invalid') throw new HttpError('bad_request', 'This requestId was used for another series or count');
  reply(call.res, tlvNumbersResponseSchema, block);
}

/** A TLV number request is a few dozen bytes. */
const TLV_BODY_BYTES = 4096;

const exact = (path: string): RegExp => new RegExp(`^${path.replace(/[/.]/g, '\\$&')}$`);

export const ROUTES: readonly Route[] = [
  { template: ENDPOINTS.health, pattern: exact(ENDPOINTS.health), methods: { GET: health }, protocol: false, auth: false, bodyLimit: 0 },
  { template: ENDPOINTS.enroll, pattern: exact(ENDPOINTS.enroll), methods: { POST: enroll }, protocol: true, auth: false, bodyLimit: LIMITS.bodyBytes },
  { template: ENDPOINTS.push, pattern: exact(ENDPOINTS.push), methods: { POST: push }, protocol: true, auth: true, bodyLimit: LIMITS.bodyBytes },
  { template: ENDPOINTS.pull, pattern: exact(ENDPOINTS.pull), methods: { POST: pull }, protocol: true, auth: true, bodyLimit: LIMITS.bodyBytes },
  {
    template: ENDPOINTS.tlvNumbers, pattern: exact(ENDPOINTS.tlvNumbers), methods: { POST: tlvNumbers }, protocol: true, auth: true,
    bodyLimit: TLV_BODY_BYTES,
  },
  {
    template: `${ENDPOINTS.blobs}:sha256/status`, pattern: /^\/v1\/blobs\/([^/]+)\/status$/,
    methods: { GET: getBlobStatus }, protocol: true, auth: true, bodyLimit: 0,
  },
  {
    template: `${ENDPOINTS.blobs}:sha256`, pattern: /^\/v1\/blobs\/([^/]+)$/,
    methods: { GET: getBlob, PATCH: patchBlob }, protocol: true, auth: true, bodyLimit: LIMITS.chunkBytes,
  },
];

export function matchRoute(path: string): { route: Route; params: string[] } | null {
  for (const route of ROUTES) {
    const m = route.pattern.exec(path);
    if (m) return { route, params: m.slice(1) };
  }
  return null;
}
