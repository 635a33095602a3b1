// Outbox capture by triggers, derived from ENTITY_DEFS: every INSERT/UPDATE/DELETE of a synced table
// writes its outbox row in the same transaction as the change, whatever code made it. The triggers ask
// the connection function veldwerk_sync_capture() (db/open.ts) first, so applying pulled changes and
// loading the demo do not capture.
import type Database from 'better-sqlite3';
import { ENTITY_DEFS, type EntityDef } from '../../shared/sync/entities.js';

const ident = (name: string): string => {
  // Names come from ENTITY_DEFS, never from input; still refuse anything that is not a plain identifier.
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not an identifier: ${name}`);
  return `"${name}"`;
};

/** json_object(...) of the synced fields of NEW or OLD. */
function rowJson(def: EntityDef, ref: 'NEW' | 'OLD'): string {
  return `json_object(${def.fields.map((f) => `'${f.name}', ${ref}.${ident(f.name)}`).join(', ')})`;
}

function wireId(def: EntityDef, ref: 'NEW' | 'OLD'): string {
  return def.key.map((k) => `${ref}.${ident(k)}`).join(` || ':' || `);
}

function triggerSql(def: EntityDef): string[] {
  const t = ident(def.table);
  const name = (op: string) => ident(`sync_capture_${def.table}_${op}`);
  // The change's own time where the row has one (the same instant the repository wrote), else the clock.
  const at = (ref: 'NEW' | 'OLD') =>
    ref === 'NEW' && def.fields.some((f) => f.name === 'updated_at') ? 'coalesce(NEW.updated_at, veldwerk_sync_now())' : 'veldwerk_sync_now()';
  const insert = (op: 'upsert' | 'delete', ref: 'NEW' | 'OLD', data: string, base: string) => `
    INSERT INTO outbox (mutation_id, entity, entity_id, op, data, base_data, at)
    VALUES (veldwerk_uuid(), '${def.name}', ${wireId(def, ref)}, '${op}', ${data}, ${base}, ${at(ref)});`;
  const changed = def.fields.map((f) => `OLD.${ident(f.name)} IS NOT NEW.${ident(f.name)}`).join(' OR ');
  return [
    `CREATE TRIGGER ${name('ai')} AFTER INSERT ON ${t} WHEN veldwerk_sync_capture() BEGIN${insert('upsert', 'NEW', rowJson(def, 'NEW'), 'NULL')}
    END`,
    `CREATE TRIGGER ${name('au')} AFTER UPDATE ON ${t} WHEN veldwerk_sync_capture() AND (${changed}) BEGIN${insert('upsert', 'NEW', rowJson(def, 'NEW'), rowJson(def, 'OLD'))}
    END`,
    `CREATE TRIGGER ${name('ad')} AFTER DELETE ON ${t} WHEN veldwerk_sync_capture() BEGIN${insert('delete', 'OLD', `'null'`, rowJson(def, 'OLD'))}
    END`,
  ];
}

/** The entities a device captures: everything but what only the store writes. */
export const CAPTURED_DEFS: readonly EntityDef[] = ENTITY_DEFS.filter((d) => !d.storeOnly);

/**
 * (Re)creates the capture triggers. Run at every open after the migrations: dropping and creating them
 * in one transaction keeps them equal to ENTITY_DEFS of this build, so adding an entity needs no SQL.
 */
export function installSyncTriggers(sqlite: Database.Database): void {
  const existing = sqlite
    .prepare<[], { name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_capture_%'`)
    .all();
  const wanted = CAPTURED_DEFS.flatMap(triggerSql);
  // SQLite keeps each CREATE statement verbatim: when they all match, this build's triggers are in place
  // and opening the database skips the rebuild (it is on the path of every unlock).
  const have = new Set(existing.map((t) => t.sql));
  if (existing.length === wanted.length && wanted.every((stmt) => have.has(stmt))) return;
  sqlite.transaction(() => {
    for (const { name } of existing) sqlite.exec(`DROP TRIGGER IF EXISTS ${ident(name)}`);
    for (const stmt of wanted) sqlite.exec(stmt);
  })();
}
