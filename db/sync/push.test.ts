import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MutationResult, PushRequest } from '../../shared/sync/protocol.js';
import { TransportError } from '../../shared/sync/transport.js';
import { withoutCapture } from '../open.js';
import type { SyncEngine } from './engine.js';
import { WG, dossierRow, enrolledEngine, insertDossier, stubTransport, testDb } from './test-db.js';

const D = '0190d6a0-0000-7000-8000-00000000d001';
let db: ReturnType<typeof testDb>;
let engine: SyncEngine;
let answer: (req: PushRequest) => MutationResult[] | Error;
const requests: PushRequest[] = [];

const transport = stubTransport({
  push: async (req) => {
    requests.push(req);
    const r = answer(req);
    if (r instanceof Error) throw r;
    return { results: r };
  },
  pull: async () => ({ changes: [], cursor: 0, more: false, head: 0, scope: { epoch: 1, role: 'consulent', werkgebiedIds: [WG], schoolId: null } }),
});

beforeEach(() => {
  db = testDb();
  requests.length = 0;
  engine = enrolledEngine(db, transport);
});
afterEach(() => db.remove());

describe('push', () => {
  it('leaves the outbox untouched when the transport fails, and sends the same mutations again', async () => {
    insertDossier(db, dossierRow(D));
    answer = () => new TransportError('offline');
    await expect(engine.syncOnce()).rejects.toMatchObject({ code: 'offline' });
    expect(db.outbox()).toHaveLength(1);
    answer = (req) => req.mutations.map((m) => ({ seq: m.seq, status: 'applied', version: 5 }));
    expect(await engine.syncOnce()).toEqual({ pushed: 1, pulled: 0 });
    expect(requests[1]!.mutations).toEqual(requests[0]!.mutations);
    expect(requests[0]!.mutations[0]).toMatchObject({ seq: 1, entity: 'dossier', id: D, op: 'upsert', base: null, data: { id: D, notes: '' } });
    expect(engine.outcomes()).toEqual([{ seq: 1, status: 'applied', reason: null }]);
    expect(engine.status()).toMatchObject({ state: 'idle', pending: 0, errorKey: null, lastSyncAt: '2026-11-02T12:00:00.000Z' });
  });

  it('logs a rejection with the values not accepted and applies the store state it came with', async () => {
    withoutCapture(db, () => insertDossier(db, dossierRow(D, { notes: 'store' })));
    db.sqlite.prepare(`UPDATE dossiers SET notes = 'mijn tekst', groep = 'g8' WHERE id = ?`).run(D);
    const current = { ...(JSON.parse(db.outbox()[0]!.base_data as string) as Record<string, string>), notes: 'store', groep: 'g5' };
    answer = (req) => req.mutations.map((m) => ({ seq: m.seq, status: 'rejected', reason: 'finalised', current: { version: 9, deleted: false, data: current } }));
    await engine.syncOnce();
    expect(db.sqlite.prepare('SELECT notes, groep, version FROM dossiers').get()).toEqual({ notes: 'store', groep: 'g5', version: 2 });
    const [rej] = engine.rejections();
    expect(rej).toMatchObject({ seq: 1, entity: 'dossier', entityId: D, op: 'upsert', reason: 'finalised', title: 'Eefje Öztürk' });
    expect(rej!.changed).toEqual([{ field: 'groep', value: 'g8' }, { field: 'notes', value: 'mijn tekst' }]);
    expect(engine.status()).toMatchObject({ rejected: 1 });
    engine.dismissRejections([1]);
    expect(engine.rejections()).toEqual([]);
    expect(engine.outcomes()).toEqual([{ seq: 1, status: 'rejected', reason: 'finalised' }]);
  });

  it('maps revocation and outdated protocol to states that stop sync', async () => {
    insertDossier(db, dossierRow(D));
    answer = () => new TransportError('upgrade_required');
    await expect(engine.syncOnce()).rejects.toMatchObject({ code: 'upgrade_required' });
    expect(engine.status()).toMatchObject({ state: 'upgrade_required', errorKey: 'errors.sync_upgrade_required', pending: 1 });
    await expect(engine.syncOnce()).rejects.toMatchObject({ key: 'sync_upgrade_required' });
    expect(requests).toHaveLength(1);
  });
});
