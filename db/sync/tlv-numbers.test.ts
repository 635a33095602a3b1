import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/dossier.js';
import type { TlvNumbersRequest, TlvNumbersResponse } from '../../shared/sync/protocol.js';
import { TransportError, type StoreTransport } from '../../shared/sync/transport.js';
import { withoutCapture } from '../open.js';
import type { SyncEngine } from './engine.js';
import { enrolledEngine, stubTransport, testDb } from './test-db.js';

let db: ReturnType<typeof testDb>;
let engine: SyncEngine;
let role: Role;
let answer: (req: TlvNumbersRequest) => TlvNumbersResponse | Error;
const requests: TlvNumbersRequest[] = [];

const transport: StoreTransport = {
  ...stubTransport({
    push: async () => ({ results: [] }),
    pull: async () => ({ changes: [], cursor: 0, more: false, head: 0, scope: { epoch: 1, role, werkgebiedIds: [], schoolId: null } }),
  }),
  reserveTlvNumbers: async (req) => {
    requests.push(req);
    const r = answer(req);
    if (r instanceof Error) throw r;
    return r;
  },
};

let next = 1;
const grant = (req: TlvNumbersRequest): TlvNumbersResponse => {
  const first = next;
  next += req.count;
  return { series: req.series, first, last: first + req.count - 1 };
};
const blocks = () => db.sqlite.prepare('SELECT series, first, last FROM tlv_number_blocks ORDER BY series, first').all();
const pending = () => engine.internals.state.tlvRequests();

beforeEach(() => {
  db = testDb();
  requests.length = 0;
  next = 1;
  role = 'secretaris';
  answer = grant;
  engine = enrolledEngine(db, transport);
});
afterEach(() => db.remove());

describe('TLV number top-up in a sync round', () => {
  it('reserves 50 for this year and the next when the pool runs low, and nothing while enough is left', async () => {
    await engine.syncOnce();
    expect(requests.map((r) => [r.series, r.count])).toEqual([['2026', 50], ['2027', 50]]);
    expect(blocks()).toEqual([{ series: '2026', first: 1, last: 50 }, { series: '2027', first: 51, last: 100 }]);
    expect(pending()).toEqual([]);
    await engine.syncOnce();
    expect(requests).toHaveLength(2);
  });

  it('uses the synced numbering pattern: school years', async () => {
    withoutCapture(db, () => db.sqlite.prepare(`INSERT INTO association_settings (key, value, updated_at) VALUES ('commission', ?, 't')`)
      .run(JSON.stringify({ tlvNumberPattern: '{nummer}/{schooljaar}' })));
    await engine.syncOnce();
    expect(requests.map((r) => r.series)).toEqual(['2026-2027', '2027-2028']);
  });

  it('a store error does not fail the round; the request is kept and replayed with the same requestId', async () => {
    answer = () => new TransportError('internal');
    await engine.syncOnce();
    expect(engine.status()).toMatchObject({ state: 'idle', errorKey: null });
    expect(pending().map((p) => p.series)).toEqual(['2026', '2027']);
    const first = requests.map((r) => r.requestId);
    answer = grant;
    await engine.syncOnce();
    expect(requests.slice(2).map((r) => r.requestId)).toEqual(first);
    expect(pending()).toEqual([]);
    expect(blocks()).toHaveLength(2);
  });

  it('offline ends the round as offline; the stored requestId is sent again next round', async () => {
    answer = () => new TransportError('offline');
    await expect(engine.syncOnce()).rejects.toMatchObject({ code: 'offline' });
    expect(engine.status()).toMatchObject({ state: 'offline' });
    expect(pending()).toHaveLength(1);
    const id = requests[0]!.requestId;
    answer = grant;
    await engine.syncOnce();
    expect(requests[1]!.requestId).toBe(id);
    expect(blocks()).toHaveLength(2);
  });

  it('forbidden (the role changed on the store) drops the request; other roles never ask', async () => {
    answer = () => new TransportError('forbidden');
    await engine.syncOnce();
    expect(pending()).toEqual([]);
    expect(engine.status()).toMatchObject({ state: 'idle' });
    requests.length = 0;
    for (const r of ['consulent', 'school', 'beheerder'] as const) {
      role = r;
      await engine.syncOnce();
    }
    expect(requests).toEqual([]);
  });
});
