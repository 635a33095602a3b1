// Arrangements at association scale: 20,000 arrangements over the demo's werkgebieden and schools,
// generated directly with prepared statements (seeded). Measures the overview (a filter + totals) and
// the budget recomputation after one change (arrangements:save, then arrangements:budgetEffect).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../core/dispatch.js';
import { createHandlers } from '../core/handlers/index.js';
import { generateDemo, DEMO_DEFAULTS, prng } from '../db/demo/generator.js';
import { openDatabase } from '../db/open.js';
import { budgetYearsWriter } from '../db/repos/arrangement-rows.js';
import type { Arrangement, Input } from '../shared/contract/index.js';
import { ARR_STATUSES, TARGETS } from '../shared/domain/arrangement.js';
import { addDays } from '../shared/domain/calendar.js';
import { totalCents } from '../shared/domain/money.js';
import { uuidv7 } from '../shared/ids.js';
import { measure, stats, type Stats } from './stats.js';

const MIGRATIONS = join(import.meta.dirname, '../db/migrations');

export interface ArrangementBenchResults { arrangements: number; list: Stats; save: Stats; recompute: Stats }

export function generate(sqlite: ReturnType<typeof openDatabase>['sqlite'], count: number, seed: number): void {
  const r = prng(seed);
  const schools = sqlite.prepare('SELECT id, werkgebied_id AS w FROM schools').all() as { id: string; w: string }[];
  const dossiers = sqlite.prepare('SELECT id, school_id AS s FROM dossiers').all() as { id: string; s: string }[];
  const werkgebiedOf = new Map(schools.map((s) => [s.id, s.w]));
  const insert = sqlite.prepare(`INSERT INTO arrangements (id, revision, status, title, dossier_id, werkgebied_id, school_id, route, targets,
    start_date, end_date, total_cents, body, follow_up_of, followed_by, mdo_id, created_at, updated_at)
    VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?)`);
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const route = r.pick([1, 1, 1, 2, 3] as const);
      const d = route === 1 ? r.pick(dossiers) : null;
      const schoolId = route === 3 ? null : d ? d.s : r.pick(schools).id;
      const w = schoolId ? werkgebiedOf.get(schoolId)! : r.pick(schools).w;
      const start = addDays('2024-08-01', r.int(1000));
      const inzet = [{ id: uuidv7(), type: 'ambulante_begeleiding', typeOther: '', provider: '', unit: 'uur' as const,
        hoursPerWeekCenti: 50 + r.int(400), weeks: 10 + r.int(30), rateCents: 4000 + r.int(4000), costCents: 0 }];
      const total = totalCents(inzet);
      const targets = [...new Set([r.pick(TARGETS), r.pick(TARGETS)])];
      const body = { pupilScope: 'een_leerling', pupils: [], pupilCount: 1, ondersteuningsvraag: '', goals: [], inzet, evaluationDates: [],
        toelichting: '', history: [], evaluation: null, decision: null, consent: [] };
      const at = `${start}T09:00:00.000Z`;
      insert.run(uuidv7(), r.pick(ARR_STATUSES), `Arrangement ${i}`, d?.id ?? null, w, schoolId, route, JSON.stringify(targets), start,
        addDays(start, 60 + r.int(300)), total, JSON.stringify(body), at, at);
    }
  })();
  budgetYearsWriter(sqlite).rebuild('schooljaar');
  sqlite.exec('ANALYZE');
}

export async function runArrangementBench(dossiers: number, n: number, count = 20_000): Promise<ArrangementBenchResults> {
  const dir = mkdtempSync(join(tmpdir(), 'veldwerk-bench-arr-'));
  const local = openDatabase({ file: join(dir, 'bench.db'), key: randomBytes(32), migrationsFolder: MIGRATIONS });
  try {
    const demo = generateDemo(local.sqlite, { ...DEMO_DEFAULTS, dossiers });
    local.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('profile', ?)").run(JSON.stringify({ userId: demo.userId, associationName: 'Bench' }));
    generate(local.sqlite, count, 20_261_122);
    const handlers = createHandlers(local, { now: () => new Date() });
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const env = await dispatch(method, input, (m, i) => (handlers[m as keyof typeof handlers] as (x: unknown) => unknown)(i), { log: () => {} });
      if (!env.ok) throw new Error(`${method}: ${env.error.code}`);
      return env.value as T;
    };
    const werkgebieden = local.sqlite.prepare('SELECT id FROM werkgebieden ORDER BY name').pluck().all() as string[];
    const list = await measure(n, 20, (i) => call('arrangements:list', {
      werkgebiedId: werkgebieden[i % werkgebieden.length], status: ['toegekend', 'lopend'], sort: 'startDate', dir: 'desc', limit: 100,
    }));
    // One concept of the werkgebied, edited and re-costed; then the werkgebied's budget recomputed.
    const w = werkgebieden[0]!;
    const school = local.sqlite.prepare('SELECT id FROM schools WHERE werkgebied_id = ? LIMIT 1').pluck().get(w) as string;
    const input: Input<'arrangements:create'>['arrangement'] = {
      title: 'Bench', dossierId: null, werkgebiedId: w, schoolId: school, route: 2, targets: ['groep', 'leerkracht'], pupilScope: 'groep_school',
      pupils: [], pupilCount: 12, ondersteuningsvraag: '', goals: [], startDate: '2026-09-01', endDate: '2027-06-30', evaluationDates: [],
      mdoId: null, toelichting: '',
      inzet: [{ type: 'inclusie_ondersteuner', typeOther: '', provider: '', unit: 'uur', hoursPerWeekCenti: 250, weeks: 38, rateCents: 5250 }],
    };
    // Each sample: save (re-costs, writes the row and its outbox row), then the recompute timed on its own.
    let a = await call<Arrangement>('arrangements:create', { arrangement: input });
    const effect: number[] = [];
    const save: number[] = [];
    for (let i = 0; i < n + 20; i++) {
      const t0 = performance.now();
      a = await call<Arrangement>('arrangements:save', {
        id: a.id, baseRevision: a.revision, arrangement: { ...input, inzet: [{ ...input.inzet[0]!, weeks: 10 + (i % 30) }] },
      });
      const t1 = performance.now();
      await call('arrangements:budgetEffect', { werkgebiedId: w, amountCents: a.totalCents, startDate: a.startDate, excludeId: a.id });
      const t2 = performance.now();
      if (i >= 20) {
        save.push(t1 - t0);
        effect.push(t2 - t1);
      }
    }
    return { arrangements: count, list, save: stats(save), recompute: stats(effect) };
  } finally {
    local.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
