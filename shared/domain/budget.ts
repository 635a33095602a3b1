// Werkgebied budgets per budget year, committed/spent amounts and the KPIs of the seeds.
// Attribution: an arrangement whose period spans two budget years is split pro rata by calendar
// days. The split uses cumulative rounding (round(cost×daysUpTo/total) − round(cost×daysBefore/total))
// so the parts over all years add up to the cost exactly, to the cent.
import { addDays, dayNumber, maxDate, minDate } from './calendar.js';
import { type ArrStatus, type Route, type Target, isIndividualGroup, strengthensTeacherTeam } from './arrangement.js';
import { mulDivHalfUp } from './money.js';

export const BUDGET_YEAR_KINDS = ['schooljaar', 'kalenderjaar'] as const;
export type BudgetYearKind = (typeof BUDGET_YEAR_KINDS)[number];
export interface BudgetYear { key: string; start: string; end: string }

/** Schooljaar 1 Aug–31 Jul (key `2026-2027`) or kalenderjaar (key `2026`). */
export function budgetYearOf(date: string, kind: BudgetYearKind): BudgetYear {
  const y = Number(date.slice(0, 4));
  if (kind === 'kalenderjaar') return { key: String(y), start: `${y}-01-01`, end: `${y}-12-31` };
  const from = date.slice(5) >= '08-01' ? y : y - 1;
  return { key: `${from}-${from + 1}`, start: `${from}-08-01`, end: `${from + 1}-07-31` };
}

/** The budget year from its key (`2026-2027` or `2026`). */
export function budgetYearFromKey(key: string): BudgetYear {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(key);
  if (!m) throw new Error('budget year key');
  return m[2] ? budgetYearOf(`${m[1]}-08-01`, 'schooljaar') : budgetYearOf(`${m[1]}-01-01`, 'kalenderjaar');
}

/** Statuses whose amount is committed against the budget. */
export const COMMITTED_STATUSES: readonly ArrStatus[] = ['toegekend', 'lopend', 'geevalueerd', 'afgesloten', 'verlengd'];
export const committedStatuses = COMMITTED_STATUSES;

export interface BudgetArrangement {
  status: ArrStatus;
  route: Route;
  targets: readonly Target[];
  startDate: string;
  endDate: string;
  totalCents: number;
  /** Actual spend entered per budget year key; when present it replaces the pro-rata estimate. */
  actuals?: Partial<Record<string, number>>;
}

/** Inclusive days of [start, end]; 0 when empty. */
const daysIn = (start: string, end: string): number => (end < start ? 0 : dayNumber(end) - dayNumber(start) + 1);

/** The part of `cost` for the days of the period up to and including `upTo` (cumulative, half-up). */
function cumulative(cost: number, start: string, end: string, upTo: string): number {
  const total = daysIn(start, end);
  if (total === 0) return upTo >= start ? cost : 0;
  return mulDivHalfUp(cost, daysIn(start, minDate(upTo, end)), total);
}

/** The arrangement's amount attributed to the budget year (pro rata by days, exact over years). */
export function attributedCents(a: Pick<BudgetArrangement, 'startDate' | 'endDate' | 'totalCents'>, year: BudgetYear): number {
  if (a.endDate < year.start || a.startDate > year.end) return 0;
  return cumulative(a.totalCents, a.startDate, a.endDate, year.end) -
    cumulative(a.totalCents, a.startDate, a.endDate, addDays(year.start, -1));
}

/** Spent in the year: the actual if entered, else the share of the period elapsed within the year up to today. */
export function spentCents(a: BudgetArrangement, year: BudgetYear, today: string): number {
  const actual = a.actuals?.[year.key];
  if (actual !== undefined) return actual;
  if (!COMMITTED_STATUSES.includes(a.status) || today < year.start || a.startDate > year.end) return 0;
  const upTo = minDate(today, year.end);
  const before = addDays(maxDate(year.start, a.startDate), -1);
  return Math.max(0, cumulative(a.totalCents, a.startDate, a.endDate, upTo) -
    cumulative(a.totalCents, a.startDate, a.endDate, before));
}

/** Targets of the seeds, in basis points (1/100 of a percent). */
export const KPI_TARGETS = { route3MinBp: 500, individualGroupMaxBp: 8500, teacherTeamMinBp: 4000 } as const;

export interface Kpis {
  /** Share of the committed amount on route 3 (innovation); null without commitments. */
  route3Share: number | null;
  /** Share of the committed amount on arrangements aimed only at kind/groep. */
  individualGroupShare: number | null;
  /** Share of committed arrangements (by count) also aimed at leerkracht/team. */
  teacherTeamShare: number | null;
  route3Ok: boolean | null;
  individualGroupOk: boolean | null;
  teacherTeamOk: boolean | null;
}

export interface WerkgebiedBudget {
  allocatedCents: number;
  committedCents: number;
  spentCents: number;
  /** allocated − committed (may be negative: overspend). */
  remainingCents: number;
  kpis: Kpis;
}

const bp = (part: number, whole: number): number | null => (whole === 0 ? null : mulDivHalfUp(part, 10_000, whole));

/**
 * KPI denominators are the committed amount (or count) of the year, not the allocation: an
 * unspent budget should not make the individual+group share look good.
 */
export function werkgebiedBudget(input: {
  allocatedCents: number;
  arrangements: readonly BudgetArrangement[];
  budgetYear: BudgetYear;
  today: string;
}): WerkgebiedBudget {
  let committed = 0, spent = 0, route3 = 0, indiv = 0, count = 0, teacher = 0;
  for (const a of input.arrangements) {
    if (!COMMITTED_STATUSES.includes(a.status)) continue;
    const part = attributedCents(a, input.budgetYear);
    if (part === 0 && a.actuals?.[input.budgetYear.key] === undefined) continue;
    committed += part;
    spent += spentCents(a, input.budgetYear, input.today);
    if (a.route === 3) route3 += part;
    if (isIndividualGroup(a.targets)) indiv += part;
    count += 1;
    if (strengthensTeacherTeam(a.targets)) teacher += 1;
  }
  const route3Share = bp(route3, committed);
  const individualGroupShare = bp(indiv, committed);
  const teacherTeamShare = bp(teacher, count);
  return {
    allocatedCents: input.allocatedCents,
    committedCents: committed,
    spentCents: spent,
    remainingCents: input.allocatedCents - committed,
    kpis: {
      route3Share, individualGroupShare, teacherTeamShare,
      route3Ok: route3Share === null ? null : route3Share >= KPI_TARGETS.route3MinBp,
      individualGroupOk: individualGroupShare === null ? null : individualGroupShare <= KPI_TARGETS.individualGroupMaxBp,
      teacherTeamOk: teacherTeamShare === null ? null : teacherTeamShare >= KPI_TARGETS.teacherTeamMinBp,
    },
  };
}

export const BUDGET_WARNINGS = ['overspend', 'over_cap'] as const;
export type BudgetWarning = (typeof BUDGET_WARNINGS)[number];
export interface BudgetSnapshot { allocatedCents: number; committedCents: number; remainingCents: number }

/** What committing `proposalCents` would do; `capCents` null = no cap per arrangement. */
export function proposalEffect(budget: BudgetSnapshot, proposalCents: number, capCents: number | null) {
  const before: BudgetSnapshot = {
    allocatedCents: budget.allocatedCents, committedCents: budget.committedCents, remainingCents: budget.remainingCents,
  };
  const after: BudgetSnapshot = {
    allocatedCents: budget.allocatedCents,
    committedCents: budget.committedCents + proposalCents,
    remainingCents: budget.remainingCents - proposalCents,
  };
  const warnings: BudgetWarning[] = [];
  if (after.remainingCents < 0) warnings.push('overspend');
  if (capCents !== null && proposalCents > capCents) warnings.push('over_cap');
  return { before, after, warnings };
}
