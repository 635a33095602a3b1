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
import { measure, type Stats } from './stats.js';

const MIGRATIONS = join(import.meta.dirname, '../db/migrations');
const TYPED = ['e', 'ee', 'eef', 'eefj', 'eefje', 'o', 'oz', 'ozt', 'oztu', 'ozturk', 'k', 'ko', 'kom', 'komp', 'kompas', 'de v', 'de vr'];

export interface CoreResults {
  dossiers: number;
  ops: Record<string, { encrypted: Stats; plain: Stats; ratio: number }>;
  insertRowsPerSec: number;
}

async function runOps(key: Buffer | null, dossiers: number, n: number) {
  const dir = mkdtempSync(join(tmpdir(), 'veldwerk-bench-'));
  try {
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
    const ids = page.rows.map((r) => r.id);
    const out: Record<string, Stats> = {};
    out['first page of the list (100 rows)'] = await measure(n, 20, () => call('dossiers:list', { sort: 'name', limit: 100 }));
    out['first page, filtered by werkgebied, sorted by school'] = await measure(n, 20, async () => call('dossiers:list', { werkgebiedId: (await firstWg()), sort: 'school', limit: 100 }));
    out['search as you type (per keystroke)'] = await measure(n, 20, (i) => call('dossiers:list', { query: TYPED[i % TYPED.length], limit: 100 }));
    out['open a dossier'] = await measure(n, 20, (i) => call('dossiers:get', { id: ids[i % ids.length] }));
    const open = (await call('dossiers:get', { id: ids[0] })) as Dossier;
    let version = open.version;
    const { id: _i, timeline: _t, schoolName: _s, werkgebiedId: _w, werkgebiedName: _wn, createdAt: _c, updatedAt: _u, closedAt: _cl, version: _v, status: _st, ...editable } = open;
    out['save a dossier edit (autosave)'] = await measure(n, 20, async (i) => {
      const saved = (await call('dossiers:update', { id: open.id, baseVersion: version, dossier: { ...editable, notes: `${open.notes} ${i}` } })) as Dossier;
      version = saved.version;
    });
    local.close();
    return out;
    async function firstWg() {
      return (local.sqlite.prepare('SELECT id FROM werkgebieden ORDER BY name LIMIT 1').pluck().get() as string);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
  const encrypted = await runOps(randomBytes(32), dossiers, n);
  const plain = await runOps(null, dossiers, n);
  const ops: CoreResults['ops'] = {};
  for (const name of Object.keys(encrypted)) {
    const e = encrypted[name]!;
    const p = plain[name]!;
    ops[name] = { encrypted: e, plain: p, ratio: e.p50 / p.p50 };
  }
  return { dossiers, ops, insertRowsPerSec: rawInsertRate() };
}
