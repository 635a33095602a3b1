// Row mapping and the list query of dossiers (kept apart from the write side to stay readable).
import type Database from 'better-sqlite3';
import type { DossierListInput, DossierRow } from '../../shared/contract/index.js';
import { fullName, type DossierSortField } from '../../shared/domain/dossier.js';
import { ftsQuery } from '../search.js';

const SORT_SQL: Record<DossierSortField, string> = {
  name: 'd.sort_name',
  geboortedatum: 'd.geboortedatum',
  school: 's.name COLLATE NOCASE',
  status: 'd.status',
  niveau: 'd.niveau',
  updatedAt: 'd.updated_at',
};

interface RawRow {
  id: string;
  voornaam: string;
  tussenvoegsel: string;
  achternaam: string;
  geboortedatum: string;
  groep: DossierRow['groep'];
  schoolName: string;
  werkgebiedName: string;
  status: DossierRow['status'];
  niveau: number;
  consulentName: string | null;
  updatedAt: string;
}

export function dossierLister(sqlite: Database.Database) {
  const cache = new Map<string, { rows: Database.Statement; count: Database.Statement }>();

  /**
   * Two statements per shape of filter: a count that joins schools only when a werkgebied filter needs it,
   * and a page query that finds the page's rowids first and joins names for those rows only. A broad
   * search sorted by name walks the name index and stops after one page instead of sorting every match.
   */
  function statements(where: string, order: string, joinSchool: boolean, byNameIndex: boolean) {
    const key = `${where}|${order}|${joinSchool}|${byNameIndex}`;
    let s = cache.get(key);
    if (!s) {
      const school = joinSchool ? 'JOIN schools s ON s.id = d.school_id' : '';
      const indexed = byNameIndex ? 'INDEXED BY dossiers_sort_name_idx' : '';
      s = {
        rows: sqlite.prepare(`
          SELECT d.id, d.voornaam, d.tussenvoegsel, d.achternaam, d.geboortedatum, d.groep, s.name AS schoolName,
                 w.name AS werkgebiedName, d.status, d.niveau, u.name AS consulentName, d.updated_at AS updatedAt
          FROM (SELECT d.rowid AS rid FROM dossiers d ${indexed} ${school} ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset) page
          JOIN dossiers d ON d.rowid = page.rid JOIN schools s ON s.id = d.school_id JOIN werkgebieden w ON w.id = s.werkgebied_id
          LEFT JOIN users u ON u.id = d.consulent_id
          ORDER BY ${order}`),
        count: sqlite.prepare(`SELECT count(*) AS n FROM dossiers d ${school} ${where}`).pluck(),
      };
      cache.set(key, s);
    }
    return s;
  }

  return function list(
    input: Required<Pick<DossierListInput, 'sort' | 'dir' | 'offset' | 'limit'>> & DossierListInput,
    me: string | null,
    /** Only dossiers of these schools (the school role's scope); null: no restriction. */
    schools: readonly string[] | null = null,
  ): { total: number; rows: DossierRow[] } {
    const conds: string[] = [];
    const params: Record<string, unknown> = {};
    const match = input.query ? ftsQuery(input.query) : null;
    const add = (cond: string, key: string, value: unknown) => {
      conds.push(cond);
      params[key] = value;
    };
    if (match) add('d.rowid IN (SELECT rowid FROM dossier_fts WHERE dossier_fts MATCH @match)', 'match', match);
    if (input.werkgebiedId) add('s.werkgebied_id = @werkgebiedId', 'werkgebiedId', input.werkgebiedId);
    if (input.schoolId) add('d.school_id = @schoolId', 'schoolId', input.schoolId);
    if (input.status) add('d.status = @status', 'status', input.status);
    if (input.niveau !== undefined) add('d.niveau = @niveau', 'niveau', input.niveau);
    if (input.mine) add('d.consulent_id = @me', 'me', me ?? '');
    if (schools) add('d.school_id IN (SELECT value FROM json_each(@scopeSchools))', 'scopeSchools', JSON.stringify(schools));
    const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
    const dir = input.dir === 'desc' ? 'DESC' : 'ASC';
    const order = `${SORT_SQL[input.sort]} ${dir}, d.sort_name ${dir}, d.rowid ${dir}`;
    const joinSchool = Boolean(input.werkgebiedId) || input.sort === 'school';
    const s = statements(where, order, joinSchool, Boolean(match) && input.sort === 'name');
    const total = s.count.get(params) as number;
    const raw = s.rows.all({ ...params, limit: input.limit, offset: input.offset }) as RawRow[];
    return {
      total,
      rows: raw.map((r) => ({
        id: r.id,
        name: fullName(r),
        geboortedatum: r.geboortedatum,
        groep: r.groep,
        schoolName: r.schoolName,
        werkgebiedName: r.werkgebiedName,
        status: r.status,
        niveau: r.niveau,
        consulentName: r.consulentName,
        updatedAt: r.updatedAt,
      })),
    };
  };
}
