// Generic reads and writes of synced records by EntityDef: the pull applier and conflict resolution
// use these, so adding an entity needs no code here.
import type Database from 'better-sqlite3';
import { ENTITY_DEFS, entityDef, type EntityDef, type SyncEntity } from '../../shared/sync/entities.js';
import type { BudgetYearKind } from '../../shared/domain/budget.js';
import { COUNTERS, LOCAL_RULES, derivedTables, type LocalRow } from './local-columns.js';

const q = (name: string) => `"${name}"`;
const keyWhere = (def: EntityDef) => def.key.map((k) => `${q(k)} = ?`).join(' AND ');
export const keyValues = (def: EntityDef, id: string): string[] => (def.key.length === 1 ? [id] : id.split(':'));

export function recordStore(sqlite: Database.Database, yearKind: () => BudgetYearKind) {
  const derived = derivedTables(sqlite, yearKind);
  const cache = new Map<string, Database.Statement>();
  const st = (sql: string) => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = sqlite.prepare(sql)));
    return s;
  };

  function read(def: EntityDef, id: string): LocalRow | null {
    // Attachment bytes are not read: large, and handled apart (local-columns.ts, blobs.ts).
    const cols = [...def.fields.map((f) => f.name), ...def.localOnly.filter((c) => c !== 'bytes')];
    const row = st(`SELECT ${cols.map(q).join(', ')} FROM ${q(def.table)} WHERE ${keyWhere(def)}`).get(...keyValues(def, id));
    return (row as LocalRow | undefined) ?? null;
  }

  /** Inserts or updates the row with the given synced values; returns false when nothing changed. */
  function write(def: EntityDef, values: LocalRow, old: LocalRow | null): boolean {
    const row: LocalRow = { ...(old ?? {}), ...values };
    if (old) {
      const changed = def.fields.filter((f) => old[f.name] !== row[f.name]).map((f) => f.name);
      if (changed.length === 0) return false;
      const sets: string[] = changed.map((c) => `${q(c)} = @${c}`);
      const params: LocalRow = Object.fromEntries(changed.map((c) => [c, row[c]]));
      for (const col of def.localOnly) {
        if (COUNTERS.has(col)) sets.push(`${q(col)} = ${q(col)} + 1`);
        else {
          const v = LOCAL_RULES[`${def.table}.${col}`]!.update(row, old);
          if (v !== undefined) {
            sets.push(`${q(col)} = @__${col}`);
            params[`__${col}`] = v;
          }
        }
      }
      const keys = Object.fromEntries(def.key.map((k, i) => [`__key${i}`, old[k]]));
      st(`UPDATE ${q(def.table)} SET ${sets.join(', ')} WHERE ${def.key.map((k, i) => `${q(k)} = @__key${i}`).join(' AND ')}`)
        .run({ ...params, ...keys });
    } else {
      const cols = [...def.fields.map((f) => f.name), ...def.localOnly];
      const params: LocalRow = Object.fromEntries(def.fields.map((f) => [f.name, row[f.name] ?? null]));
      for (const col of def.localOnly) params[col] = COUNTERS.has(col) ? 1 : LOCAL_RULES[`${def.table}.${col}`]!.insert(row);
      st(`INSERT INTO ${q(def.table)} (${cols.map(q).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(params);
    }
    derived.afterWrite(def.table, row);
    return true;
  }

  /** Ids of records that live inside this one (by the scope rules): removed with it. */
  function children(def: EntityDef, id: string): { def: EntityDef; id: string }[] {
    const out: { def: EntityDef; id: string }[] = [];
    for (const child of ENTITY_DEFS) {
      const s = child.scope;
      let where: string | null = null;
      let params: string[] = [];
      if (s.kind === 'parent' && s.entity === def.name) [where, params] = [`${q(s.field)} = ?`, [id]];
      else if (s.kind === 'owner') {
        const type = Object.entries(s.owners).find(([, e]) => e === def.name)?.[0];
        if (type) [where, params] = [`${q(s.typeField)} = ? AND ${q(s.idField)} = ?`, [type, id]];
      } else if (s.kind === 'subject') [where, params] = [`${q(s.entityField)} = ? AND ${q(s.idField)} = ?`, [def.name, id]];
      if (!where) continue;
      const rows = st(`SELECT ${child.key.map(q).join(', ')} FROM ${q(child.table)} WHERE ${where}`).all(...params) as LocalRow[];
      for (const r of rows) out.push({ def: child, id: child.key.map((k) => String(r[k])).join(':') });
    }
    return out;
  }

  /** Deletes the record and everything inside it; returns what was removed (entity, id). */
  function remove(def: EntityDef, id: string): { entity: SyncEntity; id: string }[] {
    const removed: { entity: SyncEntity; id: string }[] = [];
    for (const c of children(def, id)) removed.push(...remove(c.def, c.id));
    if (st(`DELETE FROM ${q(def.table)} WHERE ${keyWhere(def)}`).run(...keyValues(def, id)).changes > 0) {
      derived.afterRemove(def.table, id);
    }
    removed.push({ entity: def.name, id });
    return removed;
  }

  return { read, write, remove, def: entityDef };
}
export type RecordStore = ReturnType<typeof recordStore>;
