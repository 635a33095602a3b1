// A StoreTransport that calls a StoreApi in-process, the way the HTTP layer would: authenticate the
// token, parse requests and replies with the protocol schemas, and throw TransportError for what an
// HTTP reply would say. Fault hooks let tests drop a reply after the store committed (the device sees
// `offline`), deliver a push twice, or cut an upload/download short.
import {
  LIMITS, blobStatusSchema, enrollRequestSchema, enrollResponseSchema, pullRequestSchema, pullResponseSchema, pushRequestSchema,
  pushResponseSchema, tlvNumbersRequestSchema, tlvNumbersResponseSchema, type StoreErrorCode,
} from '../../shared/sync/protocol.js';
import { SYNC_SCHEMA_VERSION } from '../../shared/sync/entities.js';
import { TransportError, type StoreTransport } from '../../shared/sync/transport.js';
import type { DeviceContext, StoreApi } from '../../server/store-api.js';

export interface Faults {
  /** The store runs the call, then the reply is lost (counts down per call; names as in StoreTransport). */
  dropReply?: Partial<Record<keyof StoreTransport, number>>;
  /** Push: deliver the same request twice (the second reply is returned). */
  duplicatePush?: boolean;
  /** Uploads: after this many bytes of a chunk the connection breaks (the store keeps what it got). */
  cutUploadAfter?: number;
  /** Downloads: only this many bytes arrive, then the connection breaks. */
  cutDownloadAfter?: number;
  /** Every call fails as if the network were down. */
  offline?: boolean;
}

export interface InProcessTransport extends StoreTransport {
  faults: Faults;
  calls: Partial<Record<keyof StoreTransport, number>>;
}

export function inProcessTransport(store: StoreApi, token: string | null, opts: { clientKey?: string; faults?: Faults } = {}): InProcessTransport {
  const faults: Faults = opts.faults ?? {};
  const calls: InProcessTransport['calls'] = {};
  const enter = (name: keyof StoreTransport) => {
    calls[name] = (calls[name] ?? 0) + 1;
    if (faults.offline) throw new TransportError('offline');
  };
  const leave = <T>(name: keyof StoreTransport, value: T): T => {
    const n = faults.dropReply?.[name] ?? 0;
    if (n > 0) {
      faults.dropReply![name] = n - 1;
      throw new TransportError('offline');
    }
    return value;
  };
  const ctx = async (): Promise<DeviceContext> => {
    if (!token) throw new TransportError('unauthorized');
    const auth = await store.authenticate(token);
    if (!auth.ok) throw new TransportError(auth.code);
    return auth.ctx;
  };
  const fail = (code: StoreErrorCode): never => {
    throw new TransportError(code);
  };
  // Requests and replies go through JSON like on the wire.
  const wire = <T>(v: T): unknown => JSON.parse(JSON.stringify(v));

  const t: InProcessTransport = {
    faults,
    calls,
    async health() {
      enter('health');
      return leave('health', { ok: await store.ping(), protocol: { min: 1, max: 1 }, schema: SYNC_SCHEMA_VERSION, allowInsecureHttp: false });
    },
    async enroll(req) {
      enter('enroll');
      const parsed = enrollRequestSchema.parse(wire(req));
      const res = await store.enroll(parsed.code, parsed.deviceName, opts.clientKey ?? 'test-client');
      if (res === 'invalid') fail('bad_request');
      if (res === 'rate_limited') fail('rate_limited');
      return leave('enroll', enrollResponseSchema.parse(wire(res)));
    },
    async push(req) {
      enter('push');
      const c = await ctx();
      const parsed = pushRequestSchema.parse(wire(req));
      let results = await store.push(c, parsed.mutations);
      if (faults.duplicatePush) results = await store.push(c, pushRequestSchema.parse(wire(req)).mutations);
      return leave('push', pushResponseSchema.parse(wire({ results })));
    },
    async pull(req) {
      enter('pull');
      const c = await ctx();
      const parsed = pullRequestSchema.parse(wire(req));
      return leave('pull', pullResponseSchema.parse(wire(await store.pull(c, parsed.cursor, parsed.limit ?? LIMITS.pullPage))));
    },
    async blobStatus(sha256) {
      enter('blobStatus');
      const res = await store.blobStatus(await ctx(), sha256);
      return leave('blobStatus', res === null ? null : blobStatusSchema.parse(wire(res)));
    },
    async blobAppend(sha256, size, offset, chunk) {
      enter('blobAppend');
      const c = await ctx();
      const cut = faults.cutUploadAfter;
      const sent = cut !== undefined && cut < chunk.length ? chunk.subarray(0, cut) : chunk;
      if (cut !== undefined) faults.cutUploadAfter = undefined;
      const res = await store.blobAppend(c, sha256, size, offset, Buffer.from(sent));
      if (typeof res === 'string') fail(res);
      if (sent.length < chunk.length) throw new TransportError('offline');
      return leave('blobAppend', blobStatusSchema.parse(wire(res)));
    },
    async blobGet(sha256, from) {
      enter('blobGet');
      const res = await store.blobRead(await ctx(), sha256, from);
      if (res === 'not_found') return fail('not_found');
      const cut = faults.cutDownloadAfter;
      if (cut !== undefined) {
        faults.cutDownloadAfter = undefined;
        // What arrived before the break is all the device gets from this call.
        return new Uint8Array(res.bytes.subarray(0, cut));
      }
      return leave('blobGet', new Uint8Array(res.bytes));
    },
    async reserveTlvNumbers(req) {
      enter('reserveTlvNumbers');
      const c = await ctx();
      const parsed = tlvNumbersRequestSchema.safeParse(wire(req));
      if (!parsed.success) return fail('bad_request');
      const res = await store.reserveTlvNumbers(c, parsed.data.requestId, parsed.data.series, parsed.data.count);
      if (res === 'forbidden') return fail('forbidden');
      if (res === 'invalid') return fail('bad_request');
      return leave('reserveTlvNumbers', tlvNumbersResponseSchema.parse(wire(res)));
    },
  };
  return t;
}
