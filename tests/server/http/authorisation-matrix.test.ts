// Authorisation over real HTTP on the real store: every role × every entity × own/foreign scope,
// what each role may pull and download, and isolation between associations.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreServer } from '../../../server/http/server.js';
import type { Role } from '../../../shared/domain/dossier.js';
import { entityDef, type SyncEntity } from '../../../shared/sync/entities.js';
import type { WireRow } from '../../../shared/sync/protocol.js';
import {
  backends, CASEWORK, caseRow, MATRIX_ROLES, newId, row, seedAssociation, serve, stopBackends, visible, type Seeded, type Tag,
} from './store-fixture.js';
import { post, send, v1Headers } from './http-client.js';

const BACKENDS = await backends();
afterAll(() => stopBackends());

/** A field the test may change on an existing record (not a key, parent or scope column). */
function editableField(entity: SyncEntity): string {
  const skip = new Set(['id', 'dossier_id', 'school_id', 'werkgebied_id', 'owner_type', 'owner_id', 'sha256', 'status', 'year_key']);
  return entityDef(entity).fields.find((f) => !skip.has(f.name) && (f.type === 'text' || f.type === 'narrative') && !f.nullable)!.name;
}

type Side = 'own' | 'foreign' | 'wide';
function expected(role: Role, entity: SyncEntity, side: Side, isNew: boolean, op: 'upsert' | 'delete'): string {
  const def = entityDef(entity);
  if (def.storeOnly || !def.write.includes(role)) return 'forbidden';
  if (op === 'delete') {
    if (side === 'foreign' && role !== 'secretaris') return 'out_of_scope';
    // The same batch edited the record just before, so the delete's base is stale: edit beats delete.
    return def.deletable ? 'edited_elsewhere' : 'not_deletable';
  }
  if (entity === 'conflict' && isNew) return 'forbidden'; // conflicts are made by the store only
  if (side === 'foreign' && role !== 'secretaris') return 'out_of_scope';
  return 'applied';
}

interface Case {
  label: string; entity: SyncEntity; id: string; data: WireRow | null; base: WireRow | null; side: Side; isNew: boolean; tag: Tag;
  op?: 'upsert' | 'delete';
}

function casesFor(s: Seeded): Case[] {
  const cases: Case[] = [];
  for (const entity of CASEWORK) {
    for (const tag of ['A', 'B'] as const) {
      const id = newId(`${entity}-new-${tag}`);
      cases.push({ label: `new ${entity} ${tag}`, entity, id, data: caseRow(s, entity, tag, id), base: null, side: tag === 'A' ? 'own' : 'foreign', isNew: true, tag });
    }
    const seeded = s.ids.B[entity]!;
    const base = caseRow(s, entity, 'B', seeded);
    const field = editableField(entity);
    cases.push({ label: `edit ${entity} B`, entity, id: seeded, data: { ...base, [field]: `${String(base[field])} gewijzigd` }, base, side: 'foreign', isNew: false, tag: 'B' });
    cases.push({ label: `delete ${entity} B`, entity, id: seeded, data: null, base, side: 'foreign', isNew: false, tag: 'B', op: 'delete' });
  }
  const wg = newId('wg');
  cases.push({ label: 'new werkgebied', entity: 'werkgebied', id: wg, data: row('werkgebied', { id: wg, name: `Oost ${wg}` }), base: null, side: 'wide', isNew: true, tag: 'wide' });
  const sc = newId('school');
  cases.push({ label: 'new school', entity: 'school', id: sc, data: row('school', { id: sc, brin: '99ZZ', werkgebied_id: s.werkgebied.A }), base: null, side: 'wide', isNew: true, tag: 'wide' });
  const year = String(2000 + Math.floor(Math.random() * 900));
  const bId = `${s.werkgebied.B}:${year}`;
  cases.push({ label: 'new budget', entity: 'budget_allocation', id: bId, data: row('budget_allocation', { werkgebied_id: s.werkgebied.B, year_key: year, allocated_cents: 5 }), base: null, side: 'wide', isNew: true, tag: 'wide' });
  const u = newId('user');
  cases.push({ label: 'new user', entity: 'user', id: u, data: row('user', { id: u, role: 'consulent' }), base: null, side: 'wide', isNew: true, tag: 'wide' });
  // The commission's association-wide records (issue 6): settings for several roles, meetings and items for the secretary.
  const setting = newId('setting');
  cases.push({ label: 'new setting', entity: 'association_setting', id: setting, data: row('association_setting', { key: setting, value: '{}' }), base: null, side: 'wide', isNew: true, tag: 'wide' });
  const meeting = newId('meeting');
  cases.push({ label: 'new meeting', entity: 'commission_meeting', id: meeting, data: row('commission_meeting', { id: meeting, status: 'gepland', notulen_status: 'concept' }), base: null, side: 'wide', isNew: true, tag: 'wide' });
  const item = newId('item');
  cases.push({ label: 'new item', entity: 'commission_item', id: item, data: row('commission_item', { id: item, meeting_id: meeting, subject_type: 'tlv', subject_id: s.ids.B.tlv! }), base: null, side: 'wide', isNew: true, tag: 'wide' });
  const c = newId('conflict');
  cases.push({
    label: 'new conflict', entity: 'conflict', id: c, side: 'own', isNew: true, tag: 'A', base: null,
    data: row('conflict', { id: c, entity: 'dossier', entity_id: s.ids.A.dossier!, field: 'notes', status: 'open' }),
  });
  return cases;
}

describe.each(BACKENDS)('authorisation matrix on $name', (backend) => {
  let server: StoreServer;
  let x: Seeded;
  let y: Seeded;

  beforeAll(async () => {
    const served = await serve(backend);
    server = served.server;
    x = await seedAssociation(served.store, server.port, 'X');
    y = await seedAssociation(served.store, server.port, 'Y');
  }, 60_000);
  afterAll(() => server?.close());

  async function expectPullsInScope(s: Seeded, other: Seeded): Promise<void> {
    const foreignIds = new Set(other.records.map((r) => `${r.entity}:${r.id}`));
    for (const role of MATRIX_ROLES) {
      const pulled = await s.devices[role].pullAll();
      const got = new Set(pulled.filter((c) => c.op === 'upsert').map((c) => `${c.entity}:${c.id}`));
      for (const key of got) expect(foreignIds.has(key), `${role} of one association pulled ${key} of another`).toBe(false);
      const known = new Map(s.records.map((r) => [`${r.entity}:${r.id}`, r]));
      for (const key of got) {
        const rec = known.get(key);
        expect(rec, `${role} pulled unknown ${key}`).toBeDefined();
        expect(visible(role, rec!.entity, rec!.tag), `${role} may not see ${key} (${rec!.tag})`).toBe(true);
      }
      for (const r of s.records) {
        expect(got.has(`${r.entity}:${r.id}`), `${role} should see ${r.entity} ${r.tag}`).toBe(visible(role, r.entity, r.tag));
      }
    }
  }

  it('pull returns exactly the records in each role\'s scope, never another association\'s', async () => {
    await expectPullsInScope(x, y);
    await expectPullsInScope(y, x);
  });

  it('blobs: each role downloads only attachments it may see', async () => {
    for (const role of MATRIX_ROLES) {
      for (const tag of ['A', 'B'] as const) {
        const headers = v1Headers(x.devices[role].token);
        const want = visible(role, 'attachment', tag) ? 200 : 404;
        const got = await send(server.port, { path: `/v1/blobs/${x.blob[tag]}`, headers });
        expect(got.status, `${role} GET blob ${tag}`).toBe(want);
        if (want === 404) expect(got.json.error.code).toBe('not_found');
        const status = await send(server.port, { path: `/v1/blobs/${x.blob[tag]}/status`, headers });
        expect(status.status, `${role} GET blob status ${tag}`).toBe(want);
      }
      const foreign = await send(server.port, { path: `/v1/blobs/${y.blob.A}`, headers: v1Headers(x.devices[role].token) });
      expect(foreign.status, `${role} of X GET blob of Y`).toBe(404);
    }
  });

  it('blobs: every role may upload; an unreferenced upload is readable by its uploader only', async () => {
    for (const role of MATRIX_ROLES) {
      const sha = await x.devices[role].upload(Buffer.from(`eigen upload ${role} ${backend.name}`));
      expect((await send(server.port, { path: `/v1/blobs/${sha}`, headers: v1Headers(x.devices[role].token) })).status).toBe(200);
      for (const other of MATRIX_ROLES.filter((r) => r !== role)) {
        const res = await send(server.port, { path: `/v1/blobs/${sha}`, headers: v1Headers(x.devices[other].token) });
        expect(res.status, `${other} reads ${role}'s unreferenced upload`).toBe(404);
      }
    }
  });

  it('push: every role × entity × own/foreign scope gets the right per-mutation result', async () => {
    for (const role of MATRIX_ROLES) {
      const cases = casesFor(x);
      const results = await x.devices[role].push(cases.map((c) => ({ entity: c.entity, id: c.id, op: c.op ?? 'upsert', data: c.data, base: c.base })));
      expect(results).toHaveLength(cases.length);
      const table = cases.map((c, i) => {
        const r = results[i]!;
        return { case: c.label, got: r.status === 'rejected' ? r.reason : r.status, want: expected(role, c.entity, c.side, c.isNew, c.op ?? 'upsert') };
      });
      expect(table.filter((t) => t.got !== t.want), `${role}`).toEqual([]);
      cases.forEach((c, i) => {
        if (results[i]!.status !== 'applied') return;
        if (c.op === 'delete') x.records = x.records.filter((r) => !(r.entity === c.entity && r.id === c.id));
        else if (c.isNew) x.records.push({ entity: c.entity, id: c.id, tag: c.tag });
      });
    }
    // Whatever got written, every pull still stays inside its scope.
    await expectPullsInScope(x, y);
  });

  it('tlv-numbers: only the secretary reserves (403 for every other role), replays are idempotent, bad bodies → 400', async () => {
    const body = (over: Record<string, unknown> = {}) => ({ requestId: randomUUID(), series: '2026', count: 20, ...over });
    for (const role of MATRIX_ROLES.filter((r) => r !== 'secretaris')) {
      const res = await post(server.port, '/v1/tlv-numbers', body(), x.devices[role].token);
      expect(res.status, role).toBe(403);
      expect(res.json.error.code, role).toBe('forbidden');
    }
    const sec = x.devices.secretaris.token;
    const req = body({ series: '2031' });
    const first = await post(server.port, '/v1/tlv-numbers', req, sec);
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ series: '2031', first: 1, last: 20 });
    expect((await post(server.port, '/v1/tlv-numbers', req, sec)).json).toEqual(first.json);
    expect((await post(server.port, '/v1/tlv-numbers', body({ series: '2031', count: 5 }), sec)).json).toEqual({ series: '2031', first: 21, last: 25 });
    // Another association counts its own series.
    expect((await post(server.port, '/v1/tlv-numbers', body({ series: '2031', count: 5 }), y.devices.secretaris.token)).json)
      .toEqual({ series: '2031', first: 1, last: 5 });
    const bad: unknown[] = [
      body({ series: '31' }), body({ series: 'lopend' }), body({ count: 0 }), body({ count: 201 }), body({ count: 2.5 }), body({ count: '20' }),
      body({ requestId: 'not-a-uuid' }), { series: '2031', count: 1 }, [], 'null', '{"requestId":',
      { ...req, count: 21 },
    ];
    for (const b of bad) {
      const res = await post(server.port, '/v1/tlv-numbers', b, sec);
      expect(res.status, JSON.stringify(b)).toBe(400);
      expect(res.json.error.code).toBe('bad_request');
    }
    expect((await post(server.port, '/v1/tlv-numbers', body(), undefined)).status).toBe(401);
    expect((await post(server.port, '/v1/tlv-numbers', body({ pad: 'x'.repeat(5000) }), sec)).status).toBe(413);
    expect((await send(server.port, { path: '/v1/tlv-numbers', headers: v1Headers(sec) })).status).toBe(405);
    // Nothing above reserved anything.
    expect((await post(server.port, '/v1/tlv-numbers', body({ series: '2031', count: 1 }), sec)).json).toEqual({ series: '2031', first: 26, last: 26 });
  });

  it('tenant isolation: a device cannot write into another association by id', async () => {
    const target = y.ids.A.dossier!;
    const data = { ...caseRow(y, 'dossier', 'A', target), voornaam: 'Overgenomen' };
    const [res] = await x.writer.push([{ entity: 'dossier', id: target, data, base: caseRow(y, 'dossier', 'A', target) }]);
    expect(res?.status).toBe('rejected');
    const seen = (await y.devices.secretaris.pullAll()).filter((c) => c.entity === 'dossier' && c.id === target);
    expect(seen.at(-1)?.data?.voornaam).toBe('Sam');
  });
});
