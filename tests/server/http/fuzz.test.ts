// Fuzzing the request bodies: whatever arrives, the reply is a 4xx JSON error (or a 200 for a body
// that happens to be valid), the server stays up, and no record changes.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStoreServer, type StoreServer } from '../../../server/http/server.js';
import { errorResponseSchema, pullRequestSchema, pushRequestSchema } from '../../../shared/sync/protocol.js';
import { SYNC_ENTITIES } from '../../../shared/sync/entities.js';
import { fakeStore } from './fake-store.js';
import { post, send } from './http-client.js';
import { backends, seedAssociation, serve, stopBackends } from './store-fixture.js';

interface Target {
  name: string;
  start(): Promise<{ server: StoreServer; token: string }>;
}
const TARGETS: Target[] = [
  { name: 'fake store', start: async () => ({ server: await startStoreServer({ store: fakeStore(), port: 0 }), token: 'token-school-a-0000000000000000' }) },
  ...(await backends()).map((b) => ({
    name: `${b.name} store`,
    start: async () => {
      const { store, server } = await serve(b);
      const seeded = await seedAssociation(store, server.port, 'Fuzz');
      return { server, token: seeded.writer.token };
    },
  })),
];
afterAll(() => stopBackends());

const valid = {
  seq: 1, mutationId: 'm1', entity: 'dossier', id: 'd1', op: 'upsert', data: { id: 'd1', school_id: 'elders' }, base: null, at: 'x',
};
const FIELDS = Object.keys(valid) as Array<keyof typeof valid>;
const weird = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(-1, 0, 1.5, 2 ** 60, '', 'x'.repeat(300), 'upsert', 'nope', [], {}, { nested: { deep: [1] } }, null, true),
  fc.constantFrom(...SYNC_ENTITIES).map((e) => `${e}!`),
);

/** One mutation with one field made wrong (or removed), or extra junk mutations. */
const badPush = fc.oneof(
  fc.record({ field: fc.constantFrom(...FIELDS), value: weird, drop: fc.boolean() }).map(({ field, value, drop }) => {
    const m: Record<string, unknown> = { ...valid };
    if (drop) delete m[field];
    else m[field] = value;
    return { mutations: [m] };
  }),
  fc.jsonValue().map((mutations) => ({ mutations })),
  fc.jsonValue(),
  fc.dictionary(fc.string(), weird),
);
const badPull = fc.oneof(
  fc.record({ cursor: weird, limit: fc.option(weird, { nil: undefined }) }),
  fc.jsonValue(),
);

describe.each(TARGETS)('fuzzed request bodies on the $name', (target) => {
  let server: StoreServer;
  let TOKEN = '';
  beforeAll(async () => {
    ({ server, token: TOKEN } = await target.start());
  }, 60_000);
  afterAll(() => server?.close());

  async function head(): Promise<number> {
    const res = await post(server.port, '/v1/pull', { cursor: 0 }, TOKEN);
    expect(res.status).toBe(200);
    return res.json.head as number;
  }

  function expectClientError(res: { status: number; json: unknown }): void {
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(errorResponseSchema.safeParse(res.json).success).toBe(true);
  }

  it('push: malformed or wrong-typed bodies → 4xx JSON error, nothing applied', async () => {
    const before = await head();
    await fc.assert(
      fc.asyncProperty(badPush, async (body) => {
        fc.pre(!pushRequestSchema.safeParse(body).success);
        expectClientError(await post(server.port, '/v1/push', body, TOKEN));
      }),
      { numRuns: 200 },
    );
    expect(await head()).toBe(before);
  });

  it('pull: malformed bodies → 4xx JSON error', async () => {
    await fc.assert(
      fc.asyncProperty(badPull, async (body) => {
        fc.pre(!pullRequestSchema.safeParse(body).success);
        expectClientError(await post(server.port, '/v1/pull', body, TOKEN));
      }),
      { numRuns: 150 },
    );
  });

  it('raw bytes that are not JSON → 400, and the server is alive afterwards', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        let isJson = true;
        try {
          JSON.parse(text);
        } catch {
          isJson = false;
        }
        fc.pre(!isJson);
        const res = await post(server.port, '/v1/push', text, TOKEN);
        expect(res.status).toBe(400);
        expectClientError(res);
      }),
      { numRuns: 100 },
    );
    expect((await send(server.port, { path: '/v1/health' })).status).toBe(200);
  });
});
