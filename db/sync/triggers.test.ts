import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withoutCapture } from '../open.js';
import { installSyncTriggers } from './triggers.js';
import { SCHOOL, WG, dossierRow, insertDossier, testDb } from './test-db.js';

const ID = '0190d6a0-0000-7000-8000-00000000d001';
let db: ReturnType<typeof testDb>;
beforeEach(() => {
  db = testDb();
});
afterEach(() => db.remove());

interface Parsed { entity: string; entity_id: string; op: string; mutation_id: string; at: string; data: Record<string, unknown> | null; base: Record<string, unknown> | null }
const parse = (r: Record<string, unknown>): Parsed => ({
  ...(r as Omit<Parsed, 'data' | 'base'>),
  data: JSON.parse(r.data as string) as Record<string, unknown> | null,
  base: r.base_data === null ? null : (JSON.parse(r.base_data as string) as Record<string, unknown>),
});

describe('capture triggers', () => {
  it('writes one outbox row per change: the full new row as data, the full old row as base', () => {
    insertDossier(db, dossierRow(ID));
    db.sqlite.prepare(`UPDATE dossiers SET notes = 'Nieuw', version = version + 1 WHERE id = ?`).run(ID);
    const rows = db.outbox().map(parse);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ entity: 'dossier', entity_id: ID, op: 'upsert', base: null, at: 't1' });
    expect(rows[0]!.data).toEqual({
      id: ID, voornaam: 'Eefje', tussenvoegsel: '', achternaam: 'Öztürk', geboortedatum: '2016-05-04', groep: 'g5', school_id: SCHOOL,
      consulent_id: null, niveau: 2, status: 'lopend', notes: '', closed_at: null, created_at: 't1', updated_at: 't1',
    });
    expect(rows[1]!.base).toEqual(rows[0]!.data);
    expect(rows[1]!.data).toEqual({ ...rows[0]!.data, notes: 'Nieuw' });
    expect(typeof rows[1]!.mutation_id).toBe('string');
    expect(rows[1]!.mutation_id).not.toBe(rows[0]!.mutation_id);
  });

  it('writes nothing for an unchanged update or a change of local-only columns', () => {
    insertDossier(db, dossierRow(ID));
    db.sqlite.prepare(`UPDATE dossiers SET notes = notes WHERE id = ?`).run(ID);
    db.sqlite.prepare(`UPDATE dossiers SET version = 7, sort_name = 'x' WHERE id = ?`).run(ID);
    expect(db.outbox()).toHaveLength(1);
  });

  it('captures nothing while capture is off', () => {
    withoutCapture(db, () => {
      insertDossier(db, dossierRow(ID));
      db.sqlite.prepare(`UPDATE dossiers SET notes = 'x' WHERE id = ?`).run(ID);
    });
    expect(db.outbox()).toEqual([]);
    expect(db.sync.capture).toBe(true);
    db.sqlite.prepare(`UPDATE dossiers SET notes = 'y' WHERE id = ?`).run(ID);
    expect(db.outbox()).toHaveLength(1);
  });

  it('captures deletes with the old row as base, joins composite keys, and skips store-only entities', () => {
    insertDossier(db, dossierRow(ID));
    db.sqlite.prepare(`INSERT INTO dossier_parents (id, dossier_id, position, name, relation, gezag, phone, email) VALUES ('p1', ?, 0, 'Ma', 'moeder', 1, '', '')`).run(ID);
    db.sqlite.prepare(`DELETE FROM dossier_parents WHERE id = 'p1'`).run();
    db.sqlite.prepare(`INSERT INTO budget_allocations (werkgebied_id, year_key, allocated_cents, updated_at) VALUES (?, '2026-2027', 100, 't')`).run(WG);
    db.sqlite.prepare(`INSERT INTO users (id, name, role, created_at, updated_at) VALUES ('u1', 'U', 'consulent', 't', 't')`).run();
    const rows = db.outbox().map(parse);
    expect(rows.map((r) => [r.entity, r.op])).toEqual([['dossier', 'upsert'], ['dossier_parent', 'upsert'], ['dossier_parent', 'delete'], ['budget_allocation', 'upsert']]);
    expect(rows[2]).toMatchObject({ entity_id: 'p1', data: null, base: { id: 'p1', dossier_id: ID, name: 'Ma', gezag: 1 } });
    expect(rows[3]!.entity_id).toBe(`${WG}:2026-2027`);
  });

  it('is installed idempotently (one set of triggers after reinstalling)', () => {
    installSyncTriggers(db.sqlite);
    installSyncTriggers(db.sqlite);
    insertDossier(db, dossierRow(ID));
    expect(db.outbox()).toHaveLength(1);
  });

  it('leaves the schema alone when the triggers are current, and rebuilds them when one is missing', () => {
    const schemaVersion = () => db.sqlite.pragma('schema_version', { simple: true });
    const before = schemaVersion();
    installSyncTriggers(db.sqlite);
    expect(schemaVersion()).toBe(before);
    db.sqlite.exec('DROP TRIGGER sync_capture_dossiers_ai');
    installSyncTriggers(db.sqlite);
    insertDossier(db, dossierRow(ID));
    expect(db.outbox()).toHaveLength(1);
  });
});
