// The reference model of the sync property test: what the consultants did (records created, words
// typed, scalar values written, rows deleted, seqs captured) and what the store was seen to do, and
// the invariants checked against it while running and at the end.
import { createHash } from 'node:crypto';
import { ENTITY_DEFS, entityDef, type SyncEntity } from '../../../shared/sync/entities.js';
import type { Change, WireRow } from '../../../shared/sync/protocol.js';
import { pullAll, type Client, type World } from './world.js';

const key = (entity: string, id: string) => `${entity}:${id}`;
const TOKEN = /w\d+_\d+/g;
const FINALISED = ENTITY_DEFS.filter((d) => d.finalised && d.name !== 'conflict');

export class ModelError extends Error {
  override name = 'ModelError';
}
function fail(message: string): never {
  throw new ModelError(message);
}

export class Model {
  private tokens = 0;
  /** Every word typed into narrative text, with where it was typed. */
  readonly typedWords: Array<{ token: string; entity: SyncEntity; id: string; field: string; by: string }> = [];
  /** `entity:id` → werkgebied of every record a device created. */
  readonly createdRecords = new Map<string, 'noord' | 'zuid'>();
  readonly deletedRecords = new Set<string>();
  /** `id.field` → every value some device wrote. */
  readonly written = new Map<string, unknown[]>();
  /** Per device: every seq its triggers captured; and every outcome once settled (it may never change). */
  readonly captured = new Map<number, Set<number>>();
  readonly settled = new Map<number, Map<number, string>>();
  /** Finalised records as first seen in the store (the observer), keyed `entity:id`. */
  readonly finalSeen = new Map<string, WireRow>();
  private observed = { noord: 0, zuid: 0 };

  token(client: Client): string {
    return `w${client.index}_${++this.tokens}`;
  }
  typed(text: string, entity: SyncEntity, id: string, field: string, by = ''): void {
    for (const token of text.match(TOKEN) ?? []) this.typedWords.push({ token, entity, id, field, by });
  }
  created(client: Client, entity: SyncEntity, id: string): void {
    this.createdRecords.set(key(entity, id), client.werkgebied);
  }
  deleted(entity: SyncEntity, id: string): void {
    this.deletedRecords.add(key(entity, id));
  }
  wrote(id: string, field: string, value: unknown): void {
    const k = `${id}.${field}`;
    this.written.set(k, [...(this.written.get(k) ?? []), value]);
  }

  /** After each local command: the seqs now in the outbox (rows leave it only by syncing). */
  capture(client: Client): void {
    const set = this.captured.get(client.index) ?? new Set<number>();
    for (const { seq } of client.sql<{ seq: number }>('SELECT seq FROM outbox')) set.add(seq);
    this.captured.set(client.index, set);
  }

  /** After each round: outcomes only ever get added; a settled seq keeps its outcome. */
  settle(client: Client): void {
    const seen = this.settled.get(client.index) ?? new Map<number, string>();
    for (const o of client.engine.outcomes()) {
      const outcome = `${o.status}${o.reason ? `:${o.reason}` : ''}`;
      const before = seen.get(o.seq);
      if (before !== undefined && before !== outcome) fail(`${client.name} seq ${o.seq} changed outcome ${before} → ${outcome}`);
      seen.set(o.seq, outcome);
    }
    this.settled.set(client.index, seen);
  }

  /** The association's head version in the store. */
  async head(world: World): Promise<number> {
    return (await world.store.pull(world.observers.noord, Number.MAX_SAFE_INTEGER, 1)).head;
  }

  /** Reads the store's new changes (as consultants of both werkgebieden): a finalised record never changes again. */
  async observe(world: World): Promise<void> {
    for (const wg of ['noord', 'zuid'] as const) {
      for (let more = true; more;) {
        const page = await storeOf(world).pull(world.observers[wg], this.observed[wg], 1000);
        for (const ch of page.changes) this.checkFinalised(ch);
        this.observed[wg] = page.cursor;
        more = page.more;
      }
    }
  }

  private checkFinalised(ch: Change): void {
    const def = FINALISED.find((d) => d.name === ch.entity);
    if (!def?.finalised) return;
    const k = key(ch.entity, ch.id);
    const first = this.finalSeen.get(k);
    if (!first) {
      if (ch.op === 'upsert' && def.finalised.values.includes(String(ch.data![def.finalised.field]))) this.finalSeen.set(k, ch.data!);
      return;
    }
    if (ch.op !== 'upsert') fail(`finalised ${k} was ${ch.op}d`);
    const mutable = new Set(def.finalised.mutable);
    for (const f of def.fields) {
      if (!mutable.has(f.name) && (ch.data![f.name] ?? null) !== (first[f.name] ?? null)) {
        fail(`finalised ${k} changed ${f.name}: ${JSON.stringify(first[f.name])} → ${JSON.stringify(ch.data![f.name])}`);
      }
    }
  }
}

const storeOf = (world: World) => world.store;

type Rows = Map<string, Record<string, unknown>>;

/** The store's live records as a consultant of `wg` sees them, per entity. */
async function storeView(world: World, wg: 'noord' | 'zuid'): Promise<Map<SyncEntity, Rows>> {
  const view = new Map<SyncEntity, Rows>(ENTITY_DEFS.map((d) => [d.name, new Map()]));
  for (const ch of await pullAll(storeOf(world), world.observers[wg])) {
    const rows = view.get(ch.entity)!;
    if (ch.op === 'upsert') rows.set(ch.id, pickFields(ch.entity, ch.data!));
    else rows.delete(ch.id);
  }
  return view;
}

function pickFields(entity: SyncEntity, row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(entityDef(entity).fields.map((f) => [f.name, row[f.name] ?? null]));
}

function localView(client: Client): Map<SyncEntity, Rows> {
  const view = new Map<SyncEntity, Rows>();
  for (const def of ENTITY_DEFS) {
    const rows: Rows = new Map();
    for (const r of client.sql(`SELECT ${def.fields.map((f) => `"${f.name}"`).join(', ')} FROM "${def.table}"`)) {
      rows.set(def.key.map((k) => String(r[k])).join(':'), pickFields(def.name, r));
    }
    view.set(def.name, rows);
  }
  return view;
}

const sorted = (rows: Rows | undefined) => [...(rows ?? new Map()).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The invariants after healing and syncing until quiescent. */
export async function checkFinal(world: World, model: Model): Promise<void> {
  await model.observe(world);
  const views = { noord: await storeView(world, 'noord'), zuid: await storeView(world, 'zuid') };

  // (1) Every replica equals the store as its user sees it (so also each other, per werkgebied).
  for (const client of world.clients) {
    const mine = localView(client);
    const expected = views[client.werkgebied];
    for (const def of ENTITY_DEFS) {
      const got = JSON.stringify(sorted(mine.get(def.name)));
      const want = JSON.stringify(sorted(expected.get(def.name)));
      if (got !== want) fail(`${client.name} (${client.werkgebied}) ${def.table} differs from the store:\n local ${got}\n store ${want}`);
    }
  }

  // (2) Werkgebied isolation: nothing scoped to noord on a zuid device, and the other way round.
  for (const client of world.clients) {
    const other = views[client.werkgebied === 'noord' ? 'zuid' : 'noord'];
    const mine = localView(client);
    for (const def of ENTITY_DEFS) {
      if (def.scope.kind === 'association') continue;
      for (const id of mine.get(def.name)!.keys()) {
        if (other.get(def.name)!.has(id) && !views[client.werkgebied].get(def.name)!.has(id)) {
          fail(`${client.name} holds ${def.name} ${id} of the other werkgebied`);
        }
      }
    }
  }
  for (const [k, wg] of model.createdRecords) {
    const [entity, id] = k.split(/:(.*)/s) as [SyncEntity, string];
    const other = wg === 'noord' ? 'zuid' : 'noord';
    if (views[other].get(entity)!.has(id)) fail(`${k} of ${wg} is visible in ${other}`);
    for (const client of world.clients.filter((x) => x.werkgebied === other)) {
      if (client.sql(`SELECT 1 FROM "${entityDef(entity).table}" WHERE id = ?`, id).length) fail(`${client.name} (${other}) holds ${k}`);
    }
  }

  // (3) Every captured seq ended in exactly one outcome, rejections with a reason; outboxes are empty.
  for (const client of world.clients) {
    const outbox = client.sql('SELECT seq FROM outbox');
    if (outbox.length) fail(`${client.name} outbox not empty: ${JSON.stringify(outbox)}`);
    const outcomes = client.engine.outcomes();
    const seqs = outcomes.map((o) => o.seq);
    const captured = [...(model.captured.get(client.index) ?? [])].sort((a, b) => a - b);
    if (JSON.stringify(seqs) !== JSON.stringify(captured)) fail(`${client.name} outcomes ${JSON.stringify(seqs)} ≠ captured ${JSON.stringify(captured)}`);
    if (new Set(seqs).size !== seqs.length) fail(`${client.name} has a seq with two outcomes`);
    for (const o of outcomes) {
      if (!['applied', 'conflict', 'rejected'].includes(o.status)) fail(`${client.name} seq ${o.seq}: ${o.status}`);
      if (o.status === 'rejected' && !o.reason) fail(`${client.name} seq ${o.seq} rejected without a reason`);
    }
    // Only the refusals normal concurrent work explains: an edit of what another device finalised, a delete
    // that lost against an edit, an attachment removed before its content was sent.
    for (const r of client.sql<{ seq: number; entity: string; entity_id: string; reason: string }>(
      `SELECT seq, entity, entity_id, reason FROM sync_log WHERE status = 'rejected'`)) {
      const explained = r.reason === 'finalised' || r.reason === 'edited_elsewhere'
        || (r.reason === 'blob_missing' && model.deletedRecords.has(key(r.entity, r.entity_id)));
      if (!explained) fail(`${client.name} seq ${r.seq} (${r.entity} ${r.entity_id}) rejected: ${r.reason}`);
    }
    model.settle(client);
    // Attachment content arrived whole, as its hash says.
    if (client.sql('SELECT sha256 FROM sync_blob_downloads').length) fail(`${client.name} still has blob downloads queued`);
    for (const a of client.sql<{ id: string; sha256: string; size_bytes: number; bytes: Buffer }>('SELECT id, sha256, size_bytes, bytes FROM attachments')) {
      if (a.bytes.length !== a.size_bytes || createHash('sha256').update(a.bytes).digest('hex') !== a.sha256) fail(`${client.name} attachment ${a.id} content wrong`);
    }
  }

  // (4) The reference model.
  for (const [k, wg] of model.createdRecords) {
    const [entity, id] = k.split(/:(.*)/s) as [SyncEntity, string];
    if (!views[wg].get(entity)!.has(id) && !(entityDef(entity).deletable && model.deletedRecords.has(k))) fail(`created ${k} is missing in the store`);
  }
  for (const [k, first] of model.finalSeen) {
    const [entity, id] = k.split(/:(.*)/s) as [SyncEntity, string];
    const def = entityDef(entity);
    const now = views.noord.get(entity)!.get(id) ?? views.zuid.get(entity)!.get(id);
    if (!now) fail(`finalised ${k} disappeared`);
    for (const f of def.fields) {
      if (!def.finalised!.mutable.includes(f.name) && now[f.name] !== (first[f.name] ?? null)) fail(`finalised ${k} changed ${f.name} by the end`);
    }
  }
  // Nothing typed vanishes silently: each word is in the final text, a conflict record, or a rejected change's logged data.
  const conflictText = [...views.noord.get('conflict')!.values(), ...views.zuid.get('conflict')!.values()]
    .map((c) => `${String(c.base_value ?? '')} ${String(c.store_value ?? '')} ${String(c.device_value ?? '')}`).join(' ');
  const rejectedText = world.clients.flatMap((c) => c.sql<{ data: string | null }>(`SELECT data FROM sync_log WHERE status = 'rejected'`))
    .map((r) => r.data ?? '').join(' ');
  const accounted = new Set([...(conflictText.match(TOKEN) ?? []), ...(rejectedText.match(TOKEN) ?? [])]);
  for (const w of model.typedWords) {
    if (accounted.has(w.token)) continue;
    const row = views.noord.get(w.entity)!.get(w.id) ?? views.zuid.get(w.entity)!.get(w.id);
    const text = row ? String(row[w.field] ?? '') : '';
    if (!text.match(TOKEN)?.includes(w.token)) fail(`word ${w.token} typed into ${w.entity} ${w.id}.${w.field} vanished (final: ${JSON.stringify(text)})`);
  }
  // Scalars end at a value some device wrote.
  for (const [k, values] of model.written) {
    const [id, field] = k.split('.') as [string, string];
    for (const entity of ['dossier', 'dossier_parent'] as const) {
      const row = views.noord.get(entity)!.get(id) ?? views.zuid.get(entity)!.get(id);
      if (row && !values.includes(row[field])) fail(`${entity} ${id}.${field} = ${JSON.stringify(row[field])}, never written (${JSON.stringify(values)})`);
    }
  }
}
