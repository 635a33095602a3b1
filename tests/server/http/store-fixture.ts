// Real-store fixtures for the HTTP tests: a store on SQLite (and PostgreSQL when available), served
// on 127.0.0.1, and an association seeded through the admin API and real devices.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore } from '../../../server/core/store.js';
import { startStoreServer, type StoreServer } from '../../../server/http/server.js';
import type { StoreApi } from '../../../server/store-api.js';
import { entityDef, type SyncEntity } from '../../../shared/sync/entities.js';
import { pullResponseSchema, pushResponseSchema, type Change, type MutationResult, type WireRow } from '../../../shared/sync/protocol.js';
import type { Role } from '../../../shared/domain/dossier.js';
import { freshDatabase, startPostgres, type TestPostgres } from '../../helpers/postgres.js';
import { post, send, v1Headers } from './http-client.js';

export interface Backend {
  name: 'sqlite' | 'postgres';
  open(): Promise<StoreApi>;
}

let pg: TestPostgres | null | undefined;
const dirs: string[] = [];

/** SQLite always; PostgreSQL when the binaries are there. Call `stopBackends` in afterAll. */
export async function backends(): Promise<Backend[]> {
  const list: Backend[] = [{
    name: 'sqlite',
    open: () => {
      const dir = mkdtempSync(join(tmpdir(), 'veldwerk-store-http-'));
      dirs.push(dir);
      return createStore({ sqliteFile: join(dir, 'store.sqlite') });
    },
  }];
  pg ??= await startPostgres();
  const cluster = pg;
  if (cluster) list.push({ name: 'postgres', open: async () => createStore({ databaseUrl: await freshDatabase(cluster.url) }) });
  return list;
}

export async function stopBackends(): Promise<void> {
  await pg?.stop();
  pg = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export async function serve(backend: Backend): Promise<{ store: StoreApi; server: StoreServer }> {
  const store = await backend.open();
  return { store, server: await startStoreServer({ store, port: 0 }) };
}

/** A device speaking the protocol over HTTP, with its own outbox sequence. */
export class Device {
  private seq = 0;
  /** `port` may change between calls: a device behind a load balancer reaches another store process. */
  constructor(public port: number, readonly token: string, readonly deviceId: string) {}

  async push(items: Array<{ entity: SyncEntity; id: string; op?: 'upsert' | 'delete'; data: WireRow | null; base?: WireRow | null }>): Promise<MutationResult[]> {
    const mutations = items.map((m) => {
      this.seq++;
      return { seq: this.seq, mutationId: `m-${this.deviceId}-${this.seq}`, entity: m.entity, id: m.id, op: m.op ?? 'upsert', data: m.data, base: m.base ?? null, at: new Date().toISOString() };
    });
    const res = await post(this.port, '/v1/push', { mutations }, this.token);
    if (res.status !== 200) throw new Error(`push ${res.status}: ${res.text}`);
    return pushResponseSchema.parse(res.json).results;
  }

  /** Everything visible, following `more` from cursor 0. */
  async pullAll(): Promise<Change[]> {
    const all: Change[] = [];
    let cursor = 0;
    for (;;) {
      const res = await post(this.port, '/v1/pull', { cursor, limit: 1000 }, this.token);
      if (res.status !== 200) throw new Error(`pull ${res.status}: ${res.text}`);
      const page = pullResponseSchema.parse(res.json);
      all.push(...page.changes);
      cursor = page.cursor;
      if (!page.more) return all;
    }
  }

  async upload(bytes: Buffer): Promise<string> {
    const sha = createHash('sha256').update(bytes).digest('hex');
    const res = await send(this.port, {
      method: 'PATCH', path: `/v1/blobs/${sha}`,
      headers: { ...v1Headers(this.token), 'content-type': 'application/octet-stream', 'upload-offset': 0, 'upload-length': bytes.length },
      body: bytes,
    });
    if (res.status !== 200 || res.json.complete !== true) throw new Error(`upload ${res.status}: ${res.text}`);
    return sha;
  }
}

let enrolKey = 0;
export async function enrolDevice(store: StoreApi, port: number, userId: string): Promise<Device> {
  const { code } = await store.admin.issueEnrollmentCode(userId, 10);
  // Seeding goes around the HTTP rate limit (keyed by client address) on purpose.
  const r = await store.enroll(code, 'Testapparaat', `seed-${++enrolKey}`);
  if (typeof r === 'string') throw new Error(`enrol: ${r}`);
  return new Device(port, r.token, r.deviceId);
}

/** A complete row of `entity` with harmless values, plus overrides. */
export function row(entity: SyncEntity, overrides: WireRow): WireRow {
  const out: WireRow = {};
  for (const f of entityDef(entity).fields) {
    out[f.name] = f.nullable ? null : f.type === 'int' ? 0 : f.type === 'json' ? '[]' : f.type === 'narrative' ? 'Tekst' : 'x';
  }
  if ('status' in out) out.status = 'concept';
  return { ...out, ...overrides };
}

export type Tag = 'wide' | 'A' | 'B';
export const MATRIX_ROLES: readonly Role[] = ['consulent', 'school', 'secretaris', 'beheerder'];
/** Casework entities, in the order they can be created (parents first). */
export const CASEWORK: readonly SyncEntity[] = [
  'dossier', 'dossier_parent', 'dossier_involved', 'dossier_event', 'mdo', 'dossier_action', 'kindgesprek', 'arrangement', 'tlv', 'attachment',
];

export interface Seeded {
  associationId: string;
  werkgebied: Record<'A' | 'B', string>;
  school: Record<'A' | 'B', string>;
  /** The seeded casework record of each entity in side A (werkgebied/school A) and side B. */
  ids: Record<'A' | 'B', Partial<Record<SyncEntity, string>>>;
  blob: Record<'A' | 'B', string>;
  /** Every record seeded, with its side. */
  records: Array<{ entity: SyncEntity; id: string; tag: Tag }>;
  devices: Record<Role, Device>;
  writer: Device;
}

let unique = 0;
/** Casework row of `entity` on side `tag`, pointing at the seeded parents of that side. */
export function caseRow(s: Pick<Seeded, 'werkgebied' | 'school' | 'ids' | 'blob'>, entity: SyncEntity, tag: 'A' | 'B', id: string): WireRow {
  const ids = s.ids[tag];
  switch (entity) {
    case 'dossier': return row(entity, { id, school_id: s.school[tag], voornaam: 'Sam' });
    case 'arrangement': return row(entity, { id, werkgebied_id: s.werkgebied[tag], school_id: s.school[tag] });
    case 'attachment': return row(entity, { id, owner_type: 'tlv', owner_id: ids.tlv!, sha256: s.blob[tag], size_bytes: 12 });
    default: return row(entity, { id, dossier_id: ids.dossier! });
  }
}

export const newId = (label: string): string => `${label}-${Date.now().toString(36)}-${++unique}`;

export async function seedAssociation(store: StoreApi, port: number, label: string): Promise<Seeded> {
  const a = store.admin;
  const { id: associationId } = await a.createAssociation(`SWV ${label}`);
  const werkgebied = { A: (await a.createWerkgebied(associationId, 'Noord')).id, B: (await a.createWerkgebied(associationId, 'Zuid')).id };
  const imported = await a.importSchools(associationId, 'naam;brin;plaats;werkgebied\nDe Linde;12AB;Zwolle;Noord\nHet Anker;34CD;Kampen;Zuid\n');
  if (imported.errors.length) throw new Error(`school import: ${JSON.stringify(imported.errors)}`);
  const records: Seeded['records'] = [
    { entity: 'werkgebied', id: werkgebied.A, tag: 'wide' }, { entity: 'werkgebied', id: werkgebied.B, tag: 'wide' },
  ];
  const writerUser = await a.createUser(associationId, 'Schrijver', { role: 'consulent', werkgebiedIds: [werkgebied.A, werkgebied.B], schoolId: null });
  const writer = await enrolDevice(store, port, writerUser.id);
  const schools = (await writer.pullAll()).filter((c) => c.entity === 'school');
  const schoolId = (brin: string) => String(schools.find((c) => c.data?.brin === brin)!.id);
  const school = { A: schoolId('12AB'), B: schoolId('34CD') };
  records.push({ entity: 'school', id: school.A, tag: 'wide' }, { entity: 'school', id: school.B, tag: 'wide' });
  const scopes: Record<Role, Parameters<typeof a.createUser>[2]> = {
    consulent: { role: 'consulent', werkgebiedIds: [werkgebied.A], schoolId: null },
    school: { role: 'school', werkgebiedIds: [], schoolId: school.A },
    secretaris: { role: 'secretaris', werkgebiedIds: [], schoolId: null },
    beheerder: { role: 'beheerder', werkgebiedIds: [], schoolId: null },
  };
  const devices = {} as Record<Role, Device>;
  records.push({ entity: 'user', id: writerUser.id, tag: 'wide' });
  for (const role of MATRIX_ROLES) {
    const u = await a.createUser(associationId, `Gebruiker ${role}`, scopes[role]);
    records.push({ entity: 'user', id: u.id, tag: 'wide' });
    devices[role] = await enrolDevice(store, port, u.id);
  }
  const s = { werkgebied, school, ids: { A: {}, B: {} }, blob: { A: '', B: '' } } as Seeded;
  for (const tag of ['A', 'B'] as const) {
    s.blob[tag] = await writer.upload(Buffer.from(`bijlage ${label} ${tag}`));
    for (const entity of CASEWORK) {
      const id = newId(`${entity}-${tag}`);
      const [res] = await writer.push([{ entity, id, data: caseRow(s, entity, tag, id) }]);
      if (res?.status !== 'applied') throw new Error(`seed ${entity}: ${JSON.stringify(res)}`);
      s.ids[tag][entity] = id;
      records.push({ entity, id, tag });
    }
  }
  const budgetId = `${werkgebied.A}:2026`;
  const [budget] = await devices.beheerder.push([{ entity: 'budget_allocation', id: budgetId, data: row('budget_allocation', { werkgebied_id: werkgebied.A, year_key: '2026', allocated_cents: 100 }) }]);
  if (budget?.status !== 'applied') throw new Error(`seed budget: ${JSON.stringify(budget)}`);
  records.push({ entity: 'budget_allocation', id: budgetId, tag: 'wide' });
  return { ...s, associationId, records, devices, writer };
}

/** Whether `role` (consulent of werkgebied A, school user of school A) may see a record on side `tag`. */
export function visible(role: Role, entity: SyncEntity, tag: Tag): boolean {
  if (!entityDef(entity).read.includes(role)) return false;
  if (tag === 'wide') return true;
  if (role === 'secretaris') return true;
  if (role === 'beheerder') return false;
  return tag === 'A';
}
