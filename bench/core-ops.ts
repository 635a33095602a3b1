// Dossier operations with 10k dossiers, end to end through the contract (zod parsing, handler, SQL),
// on an encrypted and on a plain database in the same run; plus raw better-sqlite3 as the anchor.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { dispatch } from '../core/dispatch.js';
import { createHandlers } from '../core/handlers/index.js';
import { openDatabase } from '../db/open.js';
import { generateDemo, DEMO_DEFAULTS } from '../db/demo/generator.js';
import type { Dossier, DossierRow } from '../shared/contract/index.js';
import { stats, type Stats } from './stats.js';

const MIGRATIONS = join(import.meta.dirname, '../db/migrations');
const TYPED = ['e', 'ee', 'eef', 'eefj', 'eefje', 'o', 'oz', 'ozt', 'oztu', 'ozturk', 'k', 'ko', 'kom', 'komp', 'kompas', 'de v', 'de vr'];

export interface CoreResults {
  dossiers: number;
  ops: Record<string, { encrypted: Stats; plain: Stats; ratio: number }>;
  insertRowsPerSec: number;
}

interface Subject {
  call(method: string, input: unknown): Promise<unknown>;
  ids: string[];
  werkgebiedId: string;
  editable: Record<string, unknown>;
  dossierId: string;
  version: number;
  notes: string;
  close(): void;
}

async function subject(key: Buffer | null, dossiers: number): Promise<Subject> {
  const dir = mkdtempSync(join(tmpdir(), 'veldwerk-bench-'));
  const local = openDatabase({ file: join(dir, 'bench.db'), key, migrationsFolder: MIGRATIONS });
  const demo = generateDemo(local.sqlite, { ...DEMO_DEFAULTS, dossiers });
  local.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('profile', ?)").run(JSON.stringify({ userId: demo.userId, associationName: 'Bench' }));
  const handlers = createHandlers(local, { now: () => new Date() });
  const call = async (method: string, input: unknown) => {
    const env = await dispatch(method, input, (m, i) => (handlers[m as keyof typeof handlers] as (x: unknown) => unknown)(i), { log: () => {} });
    if (!env.ok) throw new Error(`${method}: ${env.error.code}`);
    return env.value;
  };
  const page = (await call('dossiers:list', { limit: 100 })) as { rows: DossierRow[] };
  const open = (await call('dossiers:get', { id: page.rows[0]!.id })) as Dossier;
  const { id: _i, timeline: _t, schoolName: _s, werkgebiedId: _w, werkgebiedName: _wn, createdAt: _c, updatedAt: _u, closedAt: _cl, version: _v, status: _st, ...editable } = open;
  return {
    call,
    ids: page.rows.map((r) => r.id),
    werkgebiedId: local.sqlite.prepare('SELECT id FROM werkgebieden ORDER BY name LIMIT 1').pluck().get() as string,
    editable,
    dossierId: open.id,
    version: open.version,
    notes: open.notes,
    close() {
      local.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const OPS: Record<string, (s: Subject, i: number) => Promise<unknown>> = {
  'first page of the list (100 rows)': (s) => s.call('dossiers:list', { sort: 'name', limit: 100 }),
  'first page, filtered by werkgebied, sorted by school': (s) => s.call('dossiers:list', { werkgebiedId: s.werkgebiedId, sort: 'school', limit: 100 }),
  'search as you type (per keystroke)': (s, i) => s.call('dossiers:list', { query: TYPED[i % TYPED.length], limit: 100 }),
  'open a dossier': (s, i) => s.call('dossiers:get', { id: s.ids[i % s.ids.length] }),
  'save a dossier edit (autosave)': async (s, i) => {
    const saved = (await s.call('dossiers:update', { id: s.dossierId, baseVersion: s.version, dossier: { ...s.editable, notes: `${s.notes} ${i}` } })) as Dossier;
    s.version = saved.version;
  },
};

/** Encrypted and plain calls alternate, so drift of the machine affects both sides alike. */
async function interleaved(op: (s: Subject, i: number) => Promise<unknown>, enc: Subject, plain: Subject, n: number) {
  const samples = { enc: [] as number[], plain: [] as number[] };
  for (let i = 0; i < n + 20; i++) {
    for (const [side, s] of [['enc', enc], ['plain', plain]] as const) {
      const t0 = performance.now();
      await op(s, i);
      if (i >= 20) samples[side].push(performance.now() - t0);
    }
  }
  return { encrypted: stats(samples.enc), plain: stats(samples.plain) };
}

/** The physical anchor: plain better-sqlite3 inserting small rows in batches of 1,000 per transaction. */
function rawInsertRate(): number {
  const dir = mkdtempSync(join(tmpdir(), 'veldwerk-bench-raw-'));
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b INTEGER)');
  const ins = db.prepare('INSERT INTO t (a, b) VALUES (?, ?)');
  const batch = db.transaction((from: number) => {
    for (let i = 0; i < 1000; i++) ins.run(`rij ${from + i}`, from + i);
  });
  const total = 200_000;
  const t0 = performance.now();
  for (let i = 0; i < total; i += 1000) batch(i);
  const rate = total / ((performance.now() - t0) / 1000);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return rate;
}

export async function runCoreBench(dossiers: number, n: number): Promise<CoreResults> {
  const enc = await subject(randomBytes(32), dossiers);
  const plain = await subject(null, dossiers);
  const ops: CoreResults['ops'] = {};
  try {
    for (const [name, op] of Object.entries(OPS)) {
      const r = await interleaved(op, enc, plain, n);
      ops[name] = { ...r, ratio: r.encrypted.p50 / r.plain.p50 };
    }
  } finally {
    enc.close();
    plain.close();
  }
  return { dossiers, ops, insertRowsPerSec: rawInsertRate() };
}
