// Test support: a fresh encrypted local database with a werkgebied and a school (written without capture).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TransportError, type StoreTransport } from '../../shared/sync/transport.js';
import { openDatabase, withoutCapture, type LocalDb } from '../open.js';
import { createSyncEngine, type SyncEngine } from './engine.js';

export const TEST_MIGRATIONS = join(import.meta.dirname, '../migrations');
export const WG = '0190d6a0-0000-7000-8000-00000000a001';
export const SCHOOL = '0190d6a0-0000-7000-8000-00000000b001';

export function testDb(): LocalDb & { remove(): void; outbox(): Array<Record<string, unknown>> } {
  const dir = mkdtempSync(join(tmpdir(), 'veldwerk-sync-unit-'));
  const local = openDatabase({ file: join(dir, 't.db'), key: randomBytes(32), migrationsFolder: TEST_MIGRATIONS, now: () => new Date('2026-11-02T10:00:00Z') });
  withoutCapture(local, () => {
    local.sqlite.prepare(`INSERT INTO werkgebieden (id, name, created_at, updated_at) VALUES (?, 'Noord', 't', 't')`).run(WG);
    local.sqlite.prepare(`INSERT INTO schools (id, name, brin, place, werkgebied_id, created_at, updated_at) VALUES (?, 'De Vlinder', '01AB', 'Alkmaar', ?, 't', 't')`).run(SCHOOL, WG);
  });
  return {
    ...local,
    remove() {
      local.close();
      rmSync(dir, { recursive: true, force: true });
    },
    outbox: () => local.sqlite.prepare('SELECT * FROM outbox ORDER BY seq').all() as Array<Record<string, unknown>>,
  };
}

/** A dossier row with every column, for direct inserts. */
export function dossierRow(id: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id, voornaam: 'Eefje', tussenvoegsel: '', achternaam: 'Öztürk', sort_name: 'ozturk eefje', geboortedatum: '2016-05-04', groep: 'g5',
    school_id: SCHOOL, consulent_id: null, niveau: 2, status: 'lopend', notes: '', closed_at: null, version: 1, created_at: 't1', updated_at: 't1',
    ...over,
  };
}

export function insertDossier(local: LocalDb, row: Record<string, unknown>): void {
  const cols = Object.keys(row);
  local.sqlite.prepare(`INSERT INTO dossiers (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
}

/** A transport for unit tests: give push and pull; health answers, enrolment and blobs fail. */
export function stubTransport(parts: Pick<StoreTransport, 'push' | 'pull'> & Partial<StoreTransport>): StoreTransport {
  return {
    health: async () => ({ ok: true, protocol: { min: 1, max: 1 }, schema: 1, allowInsecureHttp: false }),
    enroll: async () => {
      throw new TransportError('bad_request');
    },
    blobStatus: async () => null,
    blobAppend: async () => {
      throw new TransportError('offline');
    },
    blobGet: async () => new Uint8Array(),
    reserveTlvNumbers: async () => {
      throw new TransportError('forbidden');
    },
    ...parts,
  };
}

/** A sync engine over `local`, already linked to a (fake) store as device `dev` of user `u1`. */
export function enrolledEngine(local: LocalDb, transport: StoreTransport): SyncEngine {
  const engine = createSyncEngine({ local, now: () => new Date('2026-11-02T12:00:00Z'), transport: () => transport });
  engine.internals.state.setDevice({
    storeUrl: 'https://s', token: 't'.repeat(40), deviceId: 'dev', deviceName: 'L', userId: 'u1', associationId: 'a', associationName: 'S', insecure: false,
  });
  return engine;
}
