// Arrangement rows <-> contract objects, and the overview query (filters + totals in SQL).
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Arrangement, arrangementInputSchema, arrangementRowSchema, arrangementsContract } from '../../shared/contract/arrangements.js';
import type { Target } from '../../shared/domain/arrangement.js';
import { periodWarnings } from '../../shared/domain/arrangement.js';
import { attributedCents, budgetYearOf, type BudgetYearKind } from '../../shared/domain/budget.js';
import { fullName } from '../../shared/domain/dossier.js';
import { lineCostCents } from '../../shared/domain/money.js';

export type ArrangementInputParsed = z.output<typeof arrangementInputSchema>;
type ListInput = z.output<(typeof arrangementsContract)['arrangements:list']['input']>;
type Row = z.infer<typeof arrangementRowSchema>;

/** Repository outcomes; the handlers turn them into contract errors. */
export class DocError extends Error {
  constructor(
    readonly kind: 'not_found' | 'conflict' | 'fields',
    readonly fields: { path: string; key: string }[] = [],
    readonly messageKey?: string,
  ) {
    super(kind);
  }
}

/** What is kept in the JSON `body` column. */
export type ArrangementBody = Omit<Arrangement,
  'id' | 'status' | 'revision' | 'title' | 'dossierId' | 'werkgebiedId' | 'schoolId' | 'route' | 'targets' | 'startDate' | 'endDate'
  | 'totalCents' | 'budgetYear' | 'perYear' | 'warnings' | 'followUpOf' | 'followedBy' | 'mdoId' | 'dossierName' | 'werkgebiedName'
  | 'schoolName' | 'createdAt' | 'updatedAt' | 'commissionDecision' | 'sendBack'>;

export interface StoredArrangement extends Omit<Arrangement, 'budgetYear' | 'perYear' | 'warnings' | 'dossierName' | 'werkgebiedName' | 'schoolName'> {
  dossierName: string; werkgebiedName: string; schoolName: string;
}

const SELECT = `SELECT a.id, a.revision, a.status, a.title, a.dossier_id AS dossierId, a.werkgebied_id AS werkgebiedId,
  a.school_id AS schoolId, a.route, a.targets, a.start_date AS startDate, a.end_date AS endDate, a.total_cents AS totalCents,
  a.follow_up_of AS followUpOf, a.followed_by AS followedBy, a.mdo_id AS mdoId, a.created_at AS createdAt, a.updated_at AS updatedAt,
  a.decision AS commissionDecision, a.send_back AS sendBack, d.voornaam, d.tussenvoegsel, d.achternaam, w.name AS werkgebiedName, coalesce(s.name, '') AS schoolName`;
const JOINS = `LEFT JOIN dossiers d ON d.id = a.dossier_id JOIN werkgebieden w ON w.id = a.werkgebied_id LEFT JOIN schools s ON s.id = a.school_id`;

type RawRow = Record<string, unknown> & { targets: string; voornaam: string | null; tussenvoegsel: string | null; achternaam: string | null };
const nameOf = (r: RawRow): string => (r.voornaam ? fullName({ voornaam: r.voornaam, tussenvoegsel: r.tussenvoegsel, achternaam: r.achternaam ?? '' }) : '');

/** Inzet lines with their cost (computed with `lineCostCents`, never trusted from input). */
export const withCosts = <L extends ArrangementInputParsed['inzet'][number] & { id: string }>(inzet: readonly L[]) =>
  inzet.map((l) => ({ ...l, costCents: lineCostCents(l) }));

/** Amount per budget year the period touches (pro rata by days). */
export function perYear(a: { startDate: string; endDate: string; totalCents: number }, kind: BudgetYearKind) {
  const out: { yearKey: string; cents: number }[] = [];
  let y = budgetYearOf(a.startDate, kind);
  for (let i = 0; i < 10 && y.start <= a.endDate; i++) {
    out.push({ yearKey: y.key, cents: attributedCents(a, y) });
    const next = Number(y.end.slice(0, 4)) + (kind === 'kalenderjaar' ? 1 : 0);
    y = budgetYearOf(kind === 'kalenderjaar' ? `${next}-01-01` : `${next}-08-01`, kind);
  }
  return out;
}

export function arrangementReader(sqlite: Database.Database) {
  const byId = sqlite.prepare<[string], RawRow & { body: string }>(`${SELECT}, a.body FROM arrangements a ${JOINS} WHERE a.id = ?`);
  return function stored(id: string): StoredArrangement | null {
    const r = byId.get(id);
    if (!r) return null;
    const { voornaam: _v, tussenvoegsel: _t, achternaam: _a, body, targets, commissionDecision, sendBack, ...rest } = r;
    // Bodies written before the commission work have no parentsView/childView.
    return {
      parentsView: '', childView: '', ...(JSON.parse(body) as Partial<ArrangementBody>), ...rest, targets: JSON.parse(targets) as Target[], dossierName: nameOf(r),
      commissionDecision: commissionDecision ? JSON.parse(commissionDecision as string) : null, sendBack: sendBack ? JSON.parse(sendBack as string) : null,
    } as StoredArrangement;
  };
}

/** The contract object: the stored arrangement plus derived year, amounts per year and warnings. */
export function present(a: StoredArrangement, kind: BudgetYearKind, budgetWarnings: ('overspend' | 'over_cap')[]): Arrangement {
  return {
    ...a,
    budgetYear: budgetYearOf(a.startDate, kind).key,
    perYear: perYear(a, kind),
    warnings: [...periodWarnings(a.startDate, a.endDate), ...budgetWarnings],
  };
}

const SORT_SQL: Record<ListInput['sort'], string> = {
  updatedAt: 'a.updated_at', createdAt: 'a.created_at', startDate: 'a.start_date', totalCents: 'a.total_cents', status: 'a.status',
  title: 'a.title COLLATE NOCASE',
};

export function arrangementLister(sqlite: Database.Database) {
  const cache = new Map<string, { rows: Database.Statement; totals: Database.Statement }>();
  return function list(input: ListInput): { rows: Row[]; totals: { count: number; totalCents: number } } {
    const conds: string[] = [];
    const params: Record<string, unknown> = {};
    const add = (cond: string, key: string, value: unknown) => {
      conds.push(cond);
      params[key] = value;
    };
    if (input.werkgebiedId) add('a.werkgebied_id = @werkgebiedId', 'werkgebiedId', input.werkgebiedId);
    // A route 2 arrangement counts for every school of its pupils too.
    if (input.schoolId) add(`(a.school_id = @schoolId OR EXISTS (SELECT 1 FROM json_each(a.body, '$.pupils') p WHERE json_extract(p.value, '$.schoolId') = @schoolId))`, 'schoolId', input.schoolId);
    if (input.dossierId) add('a.dossier_id = @dossierId', 'dossierId', input.dossierId);
    if (input.route !== undefined) add('a.route = @route', 'route', input.route);
    if (input.target) add('a.targets LIKE @target', 'target', `%"${input.target}"%`);
    if (input.status?.length) {
      conds.push(`a.status IN (${input.status.map((_, i) => `@st${i}`).join(', ')})`);
      input.status.forEach((s, i) => (params[`st${i}`] = s));
    }
    const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
    const dir = input.dir === 'desc' ? 'DESC' : 'ASC';
    const order = `${SORT_SQL[input.sort]} ${dir}, a.rowid ${dir}`;
    const key = `${where}|${order}`;
    let s = cache.get(key);
    if (!s) {
      s = {
        rows: sqlite.prepare(`${SELECT} FROM (SELECT a.rowid AS rid FROM arrangements a ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset) page
          JOIN arrangements a ON a.rowid = page.rid ${JOINS} ORDER BY ${order}`),
        totals: sqlite.prepare(`SELECT count(*) AS count, coalesce(sum(a.total_cents), 0) AS totalCents FROM arrangements a ${where}`),
      };
      cache.set(key, s);
    }
    const totals = s.totals.get(params) as { count: number; totalCents: number };
    const raw = s.rows.all({ ...params, limit: input.limit, offset: input.offset }) as RawRow[];
    return {
      totals,
      rows: raw.map((r) => ({
        id: r.id as string, title: r.title as string, route: r.route as Row['route'], targets: JSON.parse(r.targets) as Target[],
        status: r.status as Row['status'], dossierId: r.dossierId as string | null, dossierName: nameOf(r),
        werkgebiedId: r.werkgebiedId as string, werkgebiedName: r.werkgebiedName as string, schoolName: r.schoolName as string,
        startDate: r.startDate as string, endDate: r.endDate as string, totalCents: r.totalCents as number, updatedAt: r.updatedAt as string,
      })),
    };
  };
}

/** Keeps `arrangement_budget_years` equal to `perYear` of the arrangement (call inside the write's transaction). */
export function budgetYearsWriter(sqlite: Database.Database) {
  const del = sqlite.prepare('DELETE FROM arrangement_budget_years WHERE arrangement_id = ?');
  const ins = sqlite.prepare('INSERT INTO arrangement_budget_years (arrangement_id, year_key, werkgebied_id, status, cents) VALUES (?, ?, ?, ?, ?)');
  const all = sqlite.prepare<[], { id: string; werkgebiedId: string; status: string; startDate: string; endDate: string; totalCents: number }>(
    'SELECT id, werkgebied_id AS werkgebiedId, status, start_date AS startDate, end_date AS endDate, total_cents AS totalCents FROM arrangements');
  function sync(a: { id: string; werkgebiedId: string; status: string; startDate: string; endDate: string; totalCents: number }, kind: BudgetYearKind) {
    del.run(a.id);
    for (const y of perYear(a, kind)) ins.run(a.id, y.yearKey, a.werkgebiedId, a.status, y.cents);
  }
  return {
    sync,
    /** Every arrangement again (after the year kind changed, or a bulk load). */
    rebuild(kind: BudgetYearKind) {
      sqlite.transaction(() => {
        sqlite.prepare('DELETE FROM arrangement_budget_years').run();
        for (const a of all.all()) sync(a, kind);
      })();
    },
  };
}
