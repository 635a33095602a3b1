// Werkgebieden and schools, and the all-or-nothing CSV import of schools.
import type Database from 'better-sqlite3';
import { uuidv7 } from '../../shared/ids.js';
import type { SchoolImportResult, Werkgebied, School } from '../../shared/contract/index.js';
import type { LineIssue, SchoolCsvRow } from '../../shared/domain/csv.js';

export class BeheerFieldError extends Error {
  constructor(readonly path: string, readonly key: string) {
    super(`${path}: ${key}`);
  }
}

const SCHOOL_SELECT = `
  SELECT s.id, s.name, s.brin, s.place, s.werkgebied_id AS werkgebiedId, w.name AS werkgebiedName,
         (SELECT count(*) FROM dossiers d WHERE d.school_id = s.id) AS dossierCount
  FROM schools s JOIN werkgebieden w ON w.id = s.werkgebied_id`;

export function beheerRepo(sqlite: Database.Database, now: () => Date) {
  const q = {
    werkgebieden: sqlite.prepare<[], Werkgebied>(`
      SELECT w.id, w.name, (SELECT count(*) FROM schools s WHERE s.werkgebied_id = w.id) AS schoolCount
      FROM werkgebieden w ORDER BY w.name COLLATE NOCASE`),
    werkgebied: sqlite.prepare<[string], Werkgebied>(`
      SELECT w.id, w.name, (SELECT count(*) FROM schools s WHERE s.werkgebied_id = w.id) AS schoolCount
      FROM werkgebieden w WHERE w.id = ?`),
    werkgebiedByName: sqlite.prepare<[string], { id: string }>('SELECT id FROM werkgebieden WHERE lower(name) = lower(?)'),
    insertWerkgebied: sqlite.prepare('INSERT INTO werkgebieden (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)'),
    renameWerkgebied: sqlite.prepare('UPDATE werkgebieden SET name = ?, updated_at = ? WHERE id = ?'),
    schools: sqlite.prepare<[], School>(`${SCHOOL_SELECT} ORDER BY s.name COLLATE NOCASE`),
    schoolsIn: sqlite.prepare<[string], School>(`${SCHOOL_SELECT} WHERE s.werkgebied_id = ? ORDER BY s.name COLLATE NOCASE`),
    school: sqlite.prepare<[string], School>(`${SCHOOL_SELECT} WHERE s.id = ?`),
    schoolByBrin: sqlite.prepare<[string], { id: string }>('SELECT id FROM schools WHERE brin = ?'),
    insertSchool: sqlite.prepare(
      'INSERT INTO schools (id, name, brin, place, werkgebied_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    updateSchool: sqlite.prepare('UPDATE schools SET name = ?, brin = ?, place = ?, werkgebied_id = ?, updated_at = ? WHERE id = ?'),
  };

  function saveWerkgebied(input: { id?: string | undefined; name: string }): Werkgebied {
    const at = now().toISOString();
    const other = q.werkgebiedByName.get(input.name);
    if (other && other.id !== input.id) throw new BeheerFieldError('name', 'name_taken');
    const id = input.id ?? uuidv7();
    sqlite.transaction(() => {
      if (input.id) {
        if (!q.werkgebied.get(input.id)) throw new BeheerFieldError('id', 'werkgebied_unknown');
        q.renameWerkgebied.run(input.name, at, input.id);
      } else q.insertWerkgebied.run(id, input.name, at, at);
    })();
    return q.werkgebied.get(id)!;
  }

  interface SchoolFields {
    id?: string | undefined;
    name: string;
    brin: string;
    place: string;
    werkgebiedId: string;
  }
  function writeSchool(input: SchoolFields, at: string): { id: string; created: boolean } {
    const byBrin = q.schoolByBrin.get(input.brin);
    if (byBrin && byBrin.id !== input.id) throw new BeheerFieldError('brin', 'brin_taken');
    if (!q.werkgebied.get(input.werkgebiedId)) throw new BeheerFieldError('werkgebiedId', 'werkgebied_unknown');
    if (input.id) {
      if (!q.school.get(input.id)) throw new BeheerFieldError('id', 'school_unknown');
      q.updateSchool.run(input.name, input.brin, input.place, input.werkgebiedId, at, input.id);
      return { id: input.id, created: false };
    }
    const id = uuidv7();
    q.insertSchool.run(id, input.name, input.brin, input.place, input.werkgebiedId, at, at);
    return { id, created: true };
  }

  /**
   * Imports validated CSV rows: a BRIN that exists updates that school, a new BRIN creates one, an
   * unknown werkgebied name creates it. `apply: false` computes the same result inside a transaction
   * that is rolled back, so the preview is exactly what the import will do.
   */
  function importSchools(rows: SchoolCsvRow[], apply: boolean): SchoolImportResult {
    const at = now().toISOString();
    const result: SchoolImportResult = { rows: rows.length, created: 0, updated: 0, newWerkgebieden: [], applied: apply };
    const issues: LineIssue[] = [];
    const rollback = new Error('preview');
    try {
      sqlite.transaction(() => {
        for (const row of rows) {
          let wg = q.werkgebiedByName.get(row.werkgebied)?.id;
          if (!wg) {
            wg = saveWerkgebied({ name: row.werkgebied }).id;
            result.newWerkgebieden.push(row.werkgebied);
          }
          const existing = q.schoolByBrin.get(row.brin)?.id;
          try {
            const { created } = writeSchool({ id: existing, name: row.name, brin: row.brin, place: row.place, werkgebiedId: wg }, at);
            if (created) result.created++;
            else result.updated++;
          } catch (err) {
            if (err instanceof BeheerFieldError) issues.push({ line: row.line, path: err.path, key: err.key });
            else throw err;
          }
        }
        if (issues.length) throw new ImportRejected(issues);
        if (!apply) throw rollback;
      })();
    } catch (err) {
      if (err !== rollback) throw err;
    }
    return result;
  }

  return {
    listWerkgebieden: () => q.werkgebieden.all(),
    saveWerkgebied,
    listSchools: (werkgebiedId?: string) => (werkgebiedId ? q.schoolsIn.all(werkgebiedId) : q.schools.all()),
    getSchool: (id: string) => q.school.get(id),
    saveSchool(input: SchoolFields): School {
      const at = now().toISOString();
      const { id } = sqlite.transaction(() => writeSchool(input, at))();
      return q.school.get(id)!;
    },
    importSchools,
  };
}

export class ImportRejected extends Error {
  constructor(readonly issues: LineIssue[]) {
    super('import rejected');
  }
}
export type BeheerRepo = ReturnType<typeof beheerRepo>;
