// Shared set-up for the store tests: a store per test on SQLite (temp file) or PostgreSQL (fresh
// database in one throw-away cluster per test file), and a small association to work in.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createStore, type CoreStore } from '../../../server/core/store.js';
import type { DeviceContext, UserScopeInput } from '../../../server/store-api.js';
import { entityDef, entityId, type SyncEntity } from '../../../shared/sync/entities.js';
import type { Mutation, WireRow } from '../../../shared/sync/protocol.js';
import { freshDatabase, startPostgres, type TestPostgres } from '../../helpers/postgres.js';

export type Dialect = 'sqlite' | 'postgres';
export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

export interface Harness {
  /** null: PostgreSQL is not installed here (the test then skips). */
  open(dialect: Dialect, opts?: { now?: () => Date; url?: string; file?: string }): Promise<CoreStore | null>;
  /** One store per dialect for the whole file (tests then work in an association of their own). */
  shared(dialect: Dialect): Promise<CoreStore | null>;
  /** A fresh SQLite file path in this file's temp dir. */
  sqliteFile(): string;
  /** A fresh database URL in this file's cluster, for tests that open several stores on it. */
  pgUrl(): Promise<string | null>;
  /** Two store instances on one fresh database (as two store processes would be); null without PostgreSQL. */
  twoStores(dialect: Dialect): Promise<[CoreStore, CoreStore] | null>;
}

export function useStores(): Harness {
  let pg: TestPostgres | null = null;
  let dir = '';
  const open: CoreStore[] = [];
  const shared = new Map<Dialect, Promise<CoreStore | null>>();
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'veldwerk-store-'));
    pg = await startPostgres();
  }, 60_000);
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await Promise.all([...shared.values()].map(async (s) => (await s)?.close()));
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const pgUrl = async () => (pg ? freshDatabase(pg.url) : null);
  const sqliteFile = () => join(dir, `${Math.random().toString(36).slice(2)}.db`);
  return {
    pgUrl,
    sqliteFile,
    shared(dialect) {
      if (!shared.has(dialect)) {
        shared.set(dialect, (async () => {
          const url = dialect === 'postgres' ? await pgUrl() : null;
          if (dialect === 'postgres' && !url) return null;
          return url ? createStore({ databaseUrl: url }) : createStore({ sqliteFile: sqliteFile() });
        })());
      }
      return shared.get(dialect)!;
    },
    async open(dialect, opts = {}) {
      let store: CoreStore;
      if (dialect === 'postgres') {
        const url = opts.url ?? (await pgUrl());
        if (!url) return null;
        store = await createStore({ databaseUrl: url, now: opts.now });
      } else {
        store = await createStore({ sqliteFile: opts.file ?? sqliteFile(), now: opts.now });
      }
      open.push(store);
      return store;
    },
    async twoStores(dialect) {
      const url = dialect === 'postgres' ? await pgUrl() : null;
      if (dialect === 'postgres' && !url) return null;
      const at = { url: url ?? undefined, file: sqliteFile() };
      return [(await this.open(dialect, at))!, (await this.open(dialect, at))!];
    },
  };
}

export interface World {
  store: CoreStore;
  associationId: string;
  w1: string;
  w2: string;
  /** s1, s2 in werkgebied 1; s3 in werkgebied 2. */
  schools: Record<'s1' | 's2' | 's3', string>;
  /** consulent of w1, consulent of w2, school user of s1, secretaris, beheerder. */
  ctx: Record<'c1' | 'c2' | 'school' | 'secretaris' | 'beheerder', DeviceContext>;
  /** A second device of consulent c1. */
  c1b: DeviceContext;
  /** A device for a user with this scope. */
  device(name: string, scope: UserScopeInput): Promise<DeviceContext>;
}

export async function enrollDevice(store: CoreStore, userId: string, name = 'laptop'): Promise<{ ctx: DeviceContext; token: string }> {
  const { code } = await store.admin.issueEnrollmentCode(userId, 60);
  const res = await store.enroll(code, name, `test-${Math.random()}`);
  if (typeof res === 'string') throw new Error(`enroll failed: ${res}`);
  const auth = await store.authenticate(res.token);
  if (!auth.ok) throw new Error('auth failed');
  return { ctx: auth.ctx, token: res.token };
}

export async function makeWorld(store: CoreStore, name = 'Samenwerkingsverband Noord'): Promise<World> {
  const { admin } = store;
  const { id: associationId } = await admin.createAssociation(name);
  const { id: w1 } = await admin.createWerkgebied(associationId, 'Noord');
  const { id: w2 } = await admin.createWerkgebied(associationId, 'Zuid');
  const csv = 'naam;brin;plaats;werkgebied\nDe Regenboog;01AB;Assen;Noord\nDe Klimop;02CD;Assen;noord\nHet Anker;03EF;Emmen;Zuid\n';
  const imported = await admin.importSchools(associationId, csv);
  if (imported.created !== 3) throw new Error(`import failed ${JSON.stringify(imported.errors)}`);
  const users = await store.pull((await bootstrapCtx(store, associationId)), 0, 1000);
  const byBrin = Object.fromEntries(users.changes.filter((c) => c.entity === 'school').map((c) => [c.data!.brin, c.id]));
  const schools = { s1: byBrin['01AB']!, s2: byBrin['02CD']!, s3: byBrin['03EF']! };
  const device = async (userName: string, scope: UserScopeInput) => {
    const { id } = await admin.createUser(associationId, userName, scope);
    return (await enrollDevice(store, id)).ctx;
  };
  const c1 = await device('Consulent Noord', { role: 'consulent', werkgebiedIds: [w1], schoolId: null });
  const ctx = {
    c1,
    c2: await device('Consulent Zuid', { role: 'consulent', werkgebiedIds: [w2], schoolId: null }),
    school: await device('Intern begeleider', { role: 'school', werkgebiedIds: [], schoolId: schools.s1 }),
    secretaris: await device('Secretaris', { role: 'secretaris', werkgebiedIds: [], schoolId: null }),
    beheerder: await device('Beheerder', { role: 'beheerder', werkgebiedIds: [], schoolId: null }),
  };
  const c1b = (await enrollDevice(store, c1.userId, 'tablet')).ctx;
  return { store, associationId, w1, w2, schools, ctx, c1b, device };
}

/** A beheerder's device, to read reference data while setting up. */
async function bootstrapCtx(store: CoreStore, associationId: string): Promise<DeviceContext> {
  const { id } = await store.admin.createUser(associationId, 'Setup', { role: 'beheerder', werkgebiedIds: [], schoolId: null });
  return (await enrollDevice(store, id)).ctx;
}

let seqCounter = 0;
/** An upsert (or delete) of `data` over `base`; seq defaults to a rising counter. */
export function mut(entity: SyncEntity, data: WireRow | null, base: WireRow | null, opts: { seq?: number; op?: 'upsert' | 'delete'; id?: string } = {}): Mutation {
  const row = data ?? base;
  const id = opts.id ?? entityId(entityDef(entity), row ?? {});
  const seq = opts.seq ?? ++seqCounter;
  return { seq, mutationId: `m-${seq}-${id}`, entity, id, op: opts.op ?? (data ? 'upsert' : 'delete'), data, base, at: '2026-01-01T00:00:00.000Z' };
}

let idCounter = 0;
export const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++idCounter}`;

export function dossier(schoolId: string, over: WireRow = {}): WireRow {
  return {
    id: newId('dossier'), voornaam: 'Sam', tussenvoegsel: '', achternaam: 'Jansen', geboortedatum: '2016-03-01', groep: '5',
    school_id: schoolId, consulent_id: null, niveau: 1, status: 'open', notes: 'Leest graag. Rekenen gaat moeizaam.',
    closed_at: null, created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z', ...over,
  };
}

export function parent(dossierId: string, over: WireRow = {}): WireRow {
  return { id: newId('parent'), dossier_id: dossierId, position: 0, name: 'Ouder', relation: 'moeder', gezag: 1, phone: '', email: '', ...over };
}

export function tlv(dossierId: string, over: WireRow = {}): WireRow {
  return {
    id: newId('tlv'), dossier_id: dossierId, status: 'concept', period_end: '2027-07-31', body: '{}', required_documents: '[]',
    complete_at: null, submitted_at: null, tlv_number: '', created_at: 'a', updated_at: 'a', ...over,
  };
}

export const sha256Of = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Uploads `bytes` in one chunk and returns the attachment row that refers to them. */
export async function uploadAttachment(store: CoreStore, ctx: DeviceContext, ownerType: string, ownerId: string, bytes: Buffer): Promise<WireRow> {
  const sha = sha256Of(bytes);
  const st = await store.blobAppend(ctx, sha, bytes.length, 0, bytes);
  if (typeof st === 'string' || !st.complete) throw new Error(`upload failed: ${JSON.stringify(st)}`);
  return {
    id: newId('att'), owner_type: ownerType, owner_id: ownerId, name: 'verslag.pdf', media_type: 'application/pdf',
    size_bytes: bytes.length, sha256: sha, created_at: 'a',
  };
}
