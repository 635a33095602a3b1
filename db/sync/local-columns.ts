// What happens to the columns that never travel (EntityDef.localOnly) when a pulled record lands:
// edit counters go up (open editors then notice their copy is stale), derived columns are recomputed
// with the repositories' own functions, attachment bytes arrive later as a blob. Every localOnly
// column of ENTITY_DEFS needs a rule here; `checkLocalRules` fails fast when one is missing.
import type Database from 'better-sqlite3';
import { ENTITY_DEFS } from '../../shared/sync/entities.js';
import type { BudgetYearKind } from '../../shared/domain/budget.js';
import { sortName } from '../repos/dossiers.js';
import { budgetYearsWriter } from '../repos/arrangement-rows.js';

export type LocalRow = Record<string, unknown>;

/** Per-device edit counters: 1 for a new row, +1 for every pulled change. */
export const COUNTERS: ReadonlySet<string> = new Set(['version', 'revision']);

interface ColumnRule {
  /** The value for a new row. */
  insert(row: LocalRow): unknown;
  /** The value after a change; `undefined` keeps the stored one. */
  update(row: LocalRow, old: LocalRow): unknown;
}

const EMPTY = Buffer.alloc(0);

export const LOCAL_RULES: Record<string, ColumnRule> = {
  'dossiers.sort_name': {
    insert: (r) => sortName({ achternaam: String(r.achternaam ?? ''), voornaam: String(r.voornaam ?? '') }),
    update: (r) => sortName({ achternaam: String(r.achternaam ?? ''), voornaam: String(r.voornaam ?? '') }),
  },
  // The content comes as a blob (blobs.ts); new content for a changed sha256, else the bytes stay.
  'attachments.bytes': { insert: () => EMPTY, update: (r, old) => (r.sha256 === old.sha256 ? undefined : EMPTY) },
};

export function checkLocalRules(): void {
  for (const def of ENTITY_DEFS) {
    for (const col of def.localOnly) {
      if (!COUNTERS.has(col) && !LOCAL_RULES[`${def.table}.${col}`]) throw new Error(`No local rule for ${def.table}.${col}`);
    }
  }
}

/** Derived tables kept beside a synced table: refreshed after a row lands, cleared when it goes. */
export function derivedTables(sqlite: Database.Database, yearKind: () => BudgetYearKind) {
  const years = budgetYearsWriter(sqlite);
  const dropYears = sqlite.prepare('DELETE FROM arrangement_budget_years WHERE arrangement_id = ?');
  return {
    afterWrite(table: string, r: LocalRow): void {
      if (table === 'arrangements') {
        years.sync({
          id: String(r.id), werkgebiedId: String(r.werkgebied_id), status: String(r.status), startDate: String(r.start_date),
          endDate: String(r.end_date), totalCents: Number(r.total_cents),
        }, yearKind());
      }
    },
    afterRemove(table: string, id: string): void {
      if (table === 'arrangements') dropYears.run(id);
    },
  };
}
