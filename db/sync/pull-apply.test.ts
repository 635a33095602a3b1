import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change, PullResponse, PushRequest, WireRow } from '../../shared/sync/protocol.js';
import { TransportError, type StoreTransport } from '../../shared/sync/transport.js';
import { withoutCapture } from '../open.js';
import { createSyncEngine, type SyncEngine } from './engine.js';
import { WG, dossierRow, enrolledEngine, insertDossier, stubTransport, testDb } from './test-db.js';

const D = '0190d6a0-0000-7000-8000-00000000d001';
const P = '0190d6a0-0000-7000-8000-00000000e001';
const A = '0190d6a0-0000-7000-8000-00000000f001';
let db: ReturnType<typeof testDb>;
let pages: (PullResponse | Error)[];
let pushed: PushRequest[];
let engine: SyncEngine;

const scope = (epoch = 1) => ({ epoch, role: 'consulent' as const, werkgebiedIds: [WG], schoolId: null });
const page = (changes: Change[], cursor: number, more = false, epoch = 1): PullResponse => ({ changes, cursor, more, head: cursor, scope: scope(epoch) });
const change = (entity: Change['entity'], id: string, version: number, data: WireRow | null, op: Change['op'] = 'upsert'): Change =>
  ({ entity, id, version, op, data, by: 'u-other', at: '2026-11-02T11:00:00Z', fields: data ? Object.keys(data) : [] });
const { sort_name: _s, version: _v, ...syncedDossier } = dossierRow(D);
const wireDossier = (over: WireRow = {}): WireRow => ({ ...(syncedDossier as WireRow), ...over });

const transport = stubTransport({
  push: async (req) => {
    pushed.push(req);
    return { results: req.mutations.map((m) => ({ seq: m.seq, status: 'applied' as const, version: 100 + m.seq })) };
  },
  pull: async () => {
    const next = pages.shift() ?? page([], 0);
    if (next instanceof Error) throw next;
    return next;
  },
});

beforeEach(() => {
  db = testDb();
  pages = [];
  pushed = [];
  engine = enrolledEngine(db, transport);
});
afterEach(() => db.remove());

const one = <T>(sql: string, ...p: unknown[]) => db.sqlite.prepare(sql).get(...p) as T;

describe('pull apply', () => {
  it('applies a page with children before their parent (foreign keys off), recomputes derived columns, logs history', async () => {
    pages = [page([
      change('dossier_parent', P, 2, { id: P, dossier_id: D, position: 0, name: 'Ma', relation: 'moeder', gezag: 1, phone: '', email: '' }),
      change('dossier', D, 1, wireDossier({ achternaam: 'Bakker', voornaam: 'Sem' })),
    ], 2)];
    expect(await engine.syncOnce()).toEqual({ pushed: 0, pulled: 2 });
    expect(one('SELECT sort_name, version FROM dossiers WHERE id = ?', D)).toEqual({ sort_name: 'bakker sem', version: 1 });
    expect(one('SELECT name FROM dossier_parents WHERE id = ?', P)).toEqual({ name: 'Ma' });
    expect(db.outbox()).toEqual([]);
    expect(engine.internals.state.cursor()).toBe(2);
    expect(engine.history('dossier', D)).toMatchObject([{ version: 1, fields: expect.arrayContaining(['achternaam']), pending: false }]);
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('bumps the local counter on a pulled change, and not for a change equal to the local row', async () => {
    pages = [page([change('dossier', D, 1, wireDossier())], 1), page([change('dossier', D, 2, wireDossier({ groep: 'g6' }))], 2),
      page([change('dossier', D, 3, wireDossier({ groep: 'g6' }))], 3)];
    await engine.syncOnce();
    await engine.syncOnce();
    expect(one('SELECT groep, version FROM dossiers WHERE id = ?', D)).toEqual({ groep: 'g6', version: 2 });
    await engine.syncOnce();
    expect(one('SELECT version FROM dossiers WHERE id = ?', D)).toEqual({ version: 2 });
  });

  it('rebases: fields changed by pending local rows keep their local values; the pending row keeps its base', async () => {
    // Known from the store (not captured), then edited here.
    withoutCapture(db, () => insertDossier(db, dossierRow(D, { notes: 'oud' })));
    db.sqlite.prepare(`UPDATE dossiers SET notes = 'lokaal', version = version + 1 WHERE id = ?`).run(D);
    const pending = db.outbox();
    // Pull before push: exercise the applier directly.
    engine.internals.applier.applyPage(page([change('dossier', D, 5, wireDossier({ notes: 'van de store', groep: 'g7' }))], 5));
    expect(one('SELECT notes, groep FROM dossiers WHERE id = ?', D)).toEqual({ notes: 'lokaal', groep: 'g7' });
    expect(pending).toHaveLength(1);
    expect(db.outbox()).toEqual(pending);
    expect(JSON.parse(pending[0]!.base_data as string)).toMatchObject({ notes: 'oud', groep: 'g5' });
  });

  it('keeps a pending local delete deleted, and a record with pending edits when the store deletes it', () => {
    insertDossier(db, dossierRow(D));
    db.sqlite.prepare(`INSERT INTO dossier_parents (id, dossier_id, position, name, relation, gezag, phone, email) VALUES (?, ?, 0, 'Ma', 'moeder', 1, '', '')`).run(P, D);
    db.sqlite.prepare('DELETE FROM dossier_parents WHERE id = ?').run(P);
    const parent = { id: P, dossier_id: D, position: 0, name: 'Ma2', relation: 'moeder', gezag: 1, phone: '', email: '' };
    engine.internals.applier.applyPage(page([change('dossier_parent', P, 3, parent)], 3));
    expect(one('SELECT count(*) AS n FROM dossier_parents')).toEqual({ n: 0 });
    db.sqlite.prepare(`UPDATE dossiers SET notes = 'bewerkt' WHERE id = ?`).run(D);
    engine.internals.applier.applyPage(page([change('dossier', D, 4, null, 'delete')], 4));
    expect(one('SELECT notes FROM dossiers WHERE id = ?', D)).toEqual({ notes: 'bewerkt' });
  });

  it('evicts a record with its children; pending rows for them end as rejected out_of_scope', async () => {
    insertDossier(db, dossierRow(D));
    db.sqlite.prepare(`INSERT INTO dossier_parents (id, dossier_id, position, name, relation, gezag, phone, email) VALUES (?, ?, 0, 'Ma', 'moeder', 1, '', '')`).run(P, D);
    const seqs = db.outbox().map((r) => r.seq);
    engine.internals.applier.applyPage(page([change('dossier', D, 9, null, 'evict')], 9));
    expect(one('SELECT count(*) AS n FROM dossiers')).toEqual({ n: 0 });
    expect(one('SELECT count(*) AS n FROM dossier_parents')).toEqual({ n: 0 });
    expect(db.outbox()).toEqual([]);
    expect(engine.outcomes()).toEqual(seqs.map((seq) => ({ seq, status: 'rejected', reason: 'out_of_scope' })));
    expect(engine.rejections().map((r) => r.entity).sort()).toEqual(['dossier', 'dossier_parent']);
  });

  it('purges everything outside the association data when the scope epoch changes, and pulls again from 0', async () => {
    pages = [page([change('dossier', D, 1, wireDossier())], 1)];
    await engine.syncOnce();
    const cursors: number[] = [];
    const pull = transport.pull;
    const spy: StoreTransport = { ...transport, pull: async (r) => (cursors.push(r.cursor), pull(r)) };
    const e2 = createSyncEngine({ local: db, now: () => new Date(), transport: () => spy });
    pages = [page([change('dossier', D, 7, wireDossier())], 7, false, 2), page([], 6, false, 2)];
    await e2.syncOnce();
    expect(cursors).toEqual([1, 0]);
    expect(one('SELECT count(*) AS n FROM dossiers')).toEqual({ n: 0 });
    expect(one('SELECT count(*) AS n FROM schools')).toEqual({ n: 1 });
    expect(e2.internals.state.epoch()).toBe(2);
    expect(e2.internals.state.cursor()).toBe(6);
  });

  it('keeps the checkpoint of applied pages when a later page fails', async () => {
    pages = [page([change('dossier', D, 1, wireDossier())], 1, true), new TransportError('offline')];
    await expect(engine.syncOnce()).rejects.toMatchObject({ code: 'offline' });
    expect(engine.internals.state.cursor()).toBe(1);
    expect(one('SELECT count(*) AS n FROM dossiers')).toEqual({ n: 1 });
    expect(engine.status()).toMatchObject({ state: 'offline', errorKey: 'errors.sync_offline' });
  });

  it('queues attachment content and refuses to show it until downloaded', () => {
    const data = { id: A, owner_type: 'tlv', owner_id: 'x', name: 'a.pdf', media_type: 'application/pdf', size_bytes: 3, sha256: 'f'.repeat(64), created_at: 't' };
    engine.internals.applier.applyPage(page([change('attachment', A, 1, data)], 1));
    expect(one('SELECT size, length(bytes) AS have FROM sync_blob_downloads')).toEqual({ size: 3, have: 0 });
    expect(one('SELECT length(bytes) AS n FROM attachments WHERE id = ?', A)).toEqual({ n: 0 });
  });
});
