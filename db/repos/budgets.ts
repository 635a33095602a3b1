// Budgets per werkgebied: settings (association_settings key 'budgets'), allocations per budget year, and the inputs of
// `werkgebiedBudget` / `proposalEffect` gathered with one query per werkgebied and year.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { budgetSettingsSchema } from '../../shared/contract/arrangements.js';
import type { ArrStatus, Route, Target } from '../../shared/domain/arrangement.js';
import {
  COMMITTED_STATUSES, budgetYearFromKey, budgetYearOf, proposalEffect, werkgebiedBudget,
  type BudgetArrangement,
} from '../../shared/domain/budget.js';
import { DEFAULT_DECISION_WEEKS } from '../../shared/domain/tlv.js';
import { todayInAmsterdam } from '../../shared/domain/validation.js';
import { budgetYearsWriter } from './arrangement-rows.js';

export type BudgetSettings = z.output<typeof budgetSettingsSchema>;

export const DEFAULT_BUDGET_SETTINGS: BudgetSettings = {
  yearKind: 'schooljaar',
  capCents: null,
  tlvCategories: [{ key: 'laag', label: 'Laag' }, { key: 'midden', label: 'Midden' }, { key: 'hoog', label: 'Hoog' }],
  decisionWeeks: DEFAULT_DECISION_WEEKS,
  extraTlvDocuments: [],
};

interface RawBudgetRow {
  werkgebiedId: string; status: string; route: number; targets: string; startDate: string; endDate: string;
  totalCents: number; actuals: string | null;
}

const committedIn = COMMITTED_STATUSES.map((s) => `'${s}'`).join(', ');
const BUDGET_COLUMNS = `werkgebied_id AS werkgebiedId, status, route, targets, start_date AS startDate, end_date AS endDate,
  total_cents AS totalCents, json_extract(body, '$.evaluation.actuals') AS actuals`;

function toBudgetArrangement(r: RawBudgetRow): BudgetArrangement {
  const actuals = r.actuals ? Object.fromEntries((JSON.parse(r.actuals) as { yearKey: string; cents: number }[]).map((a) => [a.yearKey, a.cents])) : undefined;
  return {
    status: r.status as ArrStatus, route: r.route as Route, targets: JSON.parse(r.targets) as Target[],
    startDate: r.startDate, endDate: r.endDate, totalCents: r.totalCents, ...(actuals ? { actuals } : {}),
  };
}

export function budgetRepo(sqlite: Database.Database, now: () => Date) {
  const q = {
    // Association-wide (synced) since the commission work: every device must count with the same weeks and categories.
    getSetting: sqlite.prepare<[string], string>('SELECT value FROM association_settings WHERE key = ?').pluck(),
    putSetting: sqlite.prepare(`INSERT INTO association_settings (key, value, updated_at) VALUES (?, ?, ?)
      ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`),
    allocation: sqlite.prepare<[string, string], number>('SELECT allocated_cents FROM budget_allocations WHERE werkgebied_id = ? AND year_key = ?').pluck(),
    allocations: sqlite.prepare<[string], { werkgebiedId: string; allocatedCents: number }>(
      'SELECT werkgebied_id AS werkgebiedId, allocated_cents AS allocatedCents FROM budget_allocations WHERE year_key = ?'),
    setAllocation: sqlite.prepare(`INSERT INTO budget_allocations (werkgebied_id, year_key, allocated_cents, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT(werkgebied_id, year_key) DO UPDATE SET allocated_cents = excluded.allocated_cents, updated_at = excluded.updated_at`),
    werkgebied: sqlite.prepare<[string], number>('SELECT 1 FROM werkgebieden WHERE id = ?').pluck(),
    werkgebieden: sqlite.prepare<[], { id: string; name: string }>('SELECT id, name FROM werkgebieden ORDER BY name COLLATE NOCASE'),
    // The committed amount of a werkgebied's year: one indexed SUM over the kept per-year amounts.
    committed: sqlite.prepare<{ w: string; y: string; exclude: string }, number>(`
      SELECT coalesce(sum(cents), 0) FROM arrangement_budget_years
      WHERE werkgebied_id = @w AND year_key = @y AND status IN (${committedIn}) AND arrangement_id <> @exclude`).pluck(),
    all: sqlite.prepare<{ start: string; end: string }, RawBudgetRow>(`
      SELECT ${BUDGET_COLUMNS} FROM arrangements WHERE start_date <= @end AND end_date >= @start AND status IN (${committedIn})`),
  };
  const local = {
    get: sqlite.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck(),
    put: sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
  };
  // Parsed once per stored value: the row is read every time (one key lookup), because sync may replace it.
  let cached: { raw: string | undefined; value: BudgetSettings } | null = null;
  const years = budgetYearsWriter(sqlite);

  function settings(): BudgetSettings {
    const raw = q.getSetting.get('budgets');
    if (cached && cached.raw === raw) return cached.value;
    const value = raw ? { ...DEFAULT_BUDGET_SETTINGS, ...(JSON.parse(raw) as Partial<BudgetSettings>) } : DEFAULT_BUDGET_SETTINGS;
    cached = { raw, value };
    // The per-year amounts follow the year kind; a kind changed on another device arrives by sync.
    const built = local.get.get('budget_years_kind');
    if (built !== value.yearKind) {
      sqlite.transaction(() => {
        if (built !== undefined) years.rebuild(value.yearKind);
        local.put.run('budget_years_kind', value.yearKind);
      })();
    }
    return value;
  }

  const today = () => todayInAmsterdam(now());

  return {
    settings,
    saveSettings(next: BudgetSettings): BudgetSettings {
      const kindChanged = next.yearKind !== settings().yearKind;
      sqlite.transaction(() => {
        q.putSetting.run('budgets', JSON.stringify(next), now().toISOString());
        if (kindChanged) years.rebuild(next.yearKind);
        local.put.run('budget_years_kind', next.yearKind);
      })();
      return settings();
    },
    werkgebiedExists: (id: string): boolean => Boolean(q.werkgebied.get(id)),
    setAllocation(werkgebiedId: string, yearKey: string, allocatedCents: number) {
      const at = now().toISOString();
      sqlite.transaction(() => {
        q.setAllocation.run(werkgebiedId, yearKey, allocatedCents, at);
      })();
      return { werkgebiedId, year: yearKey, allocatedCents };
    },
    rebuildYears: () => years.rebuild(settings().yearKind),
    /** What committing `amountCents` (starting `startDate`, default today) does to the werkgebied's year. */
    effect(werkgebiedId: string, amountCents: number, startDate: string | undefined, excludeId?: string) {
      const year = budgetYearOf(startDate || today(), settings().yearKind);
      const allocatedCents = q.allocation.get(werkgebiedId, year.key) ?? 0;
      // Same as werkgebiedBudget's committed/remaining (the sum of attributedCents), without spent and KPIs.
      const committedCents = q.committed.get({ w: werkgebiedId, y: year.key, exclude: excludeId ?? '' }) ?? 0;
      const b = { allocatedCents, committedCents, remainingCents: allocatedCents - committedCents };
      return { yearKey: year.key, ...proposalEffect(b, amountCents, settings().capCents) };
    },
    /** Every werkgebied's line and the association's total: one query for the year, grouped in JS. */
    list(yearKey: string) {
      const year = budgetYearFromKey(yearKey);
      const alloc = new Map(q.allocations.all(year.key).map((a) => [a.werkgebiedId, a.allocatedCents]));
      const by = new Map<string, BudgetArrangement[]>();
      const all: BudgetArrangement[] = [];
      for (const r of q.all.all({ start: year.start, end: year.end })) {
        const a = toBudgetArrangement(r);
        all.push(a);
        const list = by.get(r.werkgebiedId);
        if (list) list.push(a);
        else by.set(r.werkgebiedId, [a]);
      }
      const t = today();
      const werkgebieden = q.werkgebieden.all().map((w) => ({
        werkgebiedId: w.id, werkgebiedName: w.name,
        ...werkgebiedBudget({ allocatedCents: alloc.get(w.id) ?? 0, arrangements: by.get(w.id) ?? [], budgetYear: year, today: t }),
      }));
      const allocated = [...alloc.values()].reduce((s, v) => s + v, 0);
      return { year, werkgebieden, association: werkgebiedBudget({ allocatedCents: allocated, arrangements: all, budgetYear: year, today: t }) };
    },
  };
}
export type BudgetRepo = ReturnType<typeof budgetRepo>;
