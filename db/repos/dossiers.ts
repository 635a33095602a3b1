// Dossiers: read, create, autosave (whole editable dossier, changes detected here), close, reopen.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Dossier, DossierListInput, dossierInputSchema } from '../../shared/contract/index.js';
import { foldText, type DossierStatus, type TimelineEventType } from '../../shared/domain/dossier.js';
import { uuidv7 } from '../../shared/ids.js';
import { dossierLister } from './dossier-rows.js';

export type DossierInputParsed = z.output<typeof dossierInputSchema>;
export class DossierError extends Error {
  constructor(readonly kind: 'not_found' | 'conflict' | 'closed' | 'field', readonly path = '', readonly key = '') {
    super(kind);
  }
}

/** Autosave while typing would write an event per keystroke pause: one "changed" event covers a sitting. */
const COALESCE_MS = 15 * 60 * 1000;
const SCALARS = ['voornaam', 'tussenvoegsel', 'achternaam', 'geboortedatum', 'groep', 'schoolId', 'consulentId', 'niveau', 'status', 'notes'] as const;

/** Contract field → column, for the fields an UPDATE may set. */
const COLUMN: Record<string, string> = {
  voornaam: 'voornaam', tussenvoegsel: 'tussenvoegsel', achternaam: 'achternaam', geboortedatum: 'geboortedatum',
  groep: 'groep', schoolId: 'school_id', consulentId: 'consulent_id', niveau: 'niveau', status: 'status', notes: 'notes',
  sortName: 'sort_name', closedAt: 'closed_at',
};

type Row = Omit<Dossier, 'parents' | 'involved' | 'timeline' | 'status'> & { status: DossierStatus };

/**
 * `visibleSchools`: the schools whose dossiers this user may see, or null for all (db/repos/settings.ts
 * `schoolScope`). Defence in depth for the school role: the store only sends their school, but rows of
 * other schools may still be present locally; list, search and get never return them, and a dossier
 * cannot be written for another school.
 */
export function dossierRepo(
  sqlite: Database.Database, now: () => Date, actorId: () => string | null, visibleSchools: () => readonly string[] | null = () => null,
) {
  const list = dossierLister(sqlite);
  const visible = (schoolId: string): boolean => visibleSchools()?.includes(schoolId) ?? true;
  const q = {
    get: sqlite.prepare<[string], Row>(`
      SELECT d.id, d.voornaam, d.tussenvoegsel, d.achternaam, d.geboortedatum, d.groep, d.school_id AS schoolId,
             s.name AS schoolName, s.werkgebied_id AS werkgebiedId, w.name AS werkgebiedName, d.consulent_id AS consulentId,
             d.niveau, d.status, d.notes, d.created_at AS createdAt, d.updated_at AS updatedAt, d.closed_at AS closedAt, d.version
      FROM dossiers d JOIN schools s ON s.id = d.school_id JOIN werkgebieden w ON w.id = s.werkgebied_id WHERE d.id = ?`),
    parents: sqlite.prepare<[string], { id: string; name: string; relation: string; gezag: number; phone: string; email: string }>(
      'SELECT id, name, relation, gezag, phone, email FROM dossier_parents WHERE dossier_id = ? ORDER BY position'),
    involved: sqlite.prepare<[string], { id: string; role: string; name: string; organisation: string }>(
      'SELECT id, role, name, organisation FROM dossier_involved WHERE dossier_id = ? ORDER BY position'),
    timeline: sqlite.prepare<[string], { id: string; at: string; type: TimelineEventType; actorName: string | null; fields: string; refId: string | null }>(`
      SELECT e.id, e.at, e.type, u.name AS actorName, e.fields, e.ref_id AS refId FROM dossier_events e LEFT JOIN users u ON u.id = e.actor_id
      WHERE e.dossier_id = ? ORDER BY e.at DESC, e.id DESC LIMIT 200`),
    lastEvent: sqlite.prepare<[string], { id: string; at: string; type: string; actorId: string | null; fields: string }>(
      'SELECT id, at, type, actor_id AS actorId, fields FROM dossier_events WHERE dossier_id = ? ORDER BY at DESC, id DESC LIMIT 1'),
    insertEvent: sqlite.prepare('INSERT INTO dossier_events (id, dossier_id, at, type, actor_id, fields) VALUES (?, ?, ?, ?, ?, ?)'),
    touchEvent: sqlite.prepare('UPDATE dossier_events SET at = ?, fields = ? WHERE id = ?'),
    schoolExists: sqlite.prepare<[string], number>('SELECT 1 FROM schools WHERE id = ?').pluck(),
    userExists: sqlite.prepare<[string], number>('SELECT 1 FROM users WHERE id = ?').pluck(),
    insert: sqlite.prepare(`
      INSERT INTO dossiers (id, voornaam, tussenvoegsel, achternaam, sort_name, geboortedatum, groep, school_id, consulent_id,
                            niveau, status, notes, closed_at, version, created_at, updated_at)
      VALUES (@id, @voornaam, @tussenvoegsel, @achternaam, @sortName, @geboortedatum, @groep, @schoolId, @consulentId,
              @niveau, @status, @notes, NULL, 1, @at, @at)`),
    parentRows: sqlite.prepare<[string], ChildRow>(
      'SELECT id, position, name, relation, gezag, phone, email FROM dossier_parents WHERE dossier_id = ?'),
    involvedRows: sqlite.prepare<[string], ChildRow>('SELECT id, position, role, name, organisation FROM dossier_involved WHERE dossier_id = ?'),
    deleteParent: sqlite.prepare('DELETE FROM dossier_parents WHERE id = ?'),
    deleteInvolved: sqlite.prepare('DELETE FROM dossier_involved WHERE id = ?'),
    updateParent: sqlite.prepare(
      'UPDATE dossier_parents SET position = @position, name = @name, relation = @relation, gezag = @gezag, phone = @phone, email = @email WHERE id = @id'),
    updateInvolved: sqlite.prepare(
      'UPDATE dossier_involved SET position = @position, role = @role, name = @name, organisation = @organisation WHERE id = @id'),
    insertParent: sqlite.prepare(`INSERT INTO dossier_parents (id, dossier_id, position, name, relation, gezag, phone, email)
      VALUES (@id, @dossierId, @position, @name, @relation, @gezag, @phone, @email)`),
    insertInvolved: sqlite.prepare(`INSERT INTO dossier_involved (id, dossier_id, position, role, name, organisation)
      VALUES (@id, @dossierId, @position, @role, @name, @organisation)`),
  };

  /**
   * UPDATE statements that set only the columns that changed: SQLite rewrites an index (and fires the
   * search trigger) for every column in the SET list, so a notes edit should not touch the name indexes.
   */
  const updates = new Map<string, Database.Statement>();
  function updateStatement(columns: string[]): Database.Statement {
    const key = columns.join(',');
    let st = updates.get(key);
    if (!st) {
      const sets = [...columns.map((c) => `${COLUMN[c]} = @${c}`), 'version = version + 1', 'updated_at = @at'].join(', ');
      st = sqlite.prepare(`UPDATE dossiers SET ${sets} WHERE id = @id AND version = @baseVersion`);
      updates.set(key, st);
    }
    return st;
  }

  function get(id: string): Dossier | null {
    const row = q.get.get(id);
    if (!row || !visible(row.schoolId)) return null;
    return {
      ...row,
      parents: q.parents.all(id).map((p) => ({ ...p, relation: p.relation as Dossier['parents'][number]['relation'], gezag: p.gezag === 1 })),
      involved: q.involved.all(id).map((i) => ({ ...i, role: i.role as Dossier['involved'][number]['role'] })),
      timeline: q.timeline.all(id).map((e) => ({ ...e, actorName: e.actorName ?? '', fields: JSON.parse(e.fields) as string[] })),
    };
  }

  function checkRefs(input: DossierInputParsed): void {
    if (!q.schoolExists.get(input.schoolId)) throw new DossierError('field', 'schoolId', 'school_unknown');
    if (!visible(input.schoolId)) throw new DossierError('field', 'schoolId', 'school_out_of_scope');
    if (input.consulentId && !q.userExists.get(input.consulentId)) throw new DossierError('field', 'consulentId', 'consulent_unknown');
  }

  /**
   * Diff-based: rows keep their ids, only removed rows are deleted, only changed rows updated and new
   * ones inserted, so one edit of a parent's phone number is one synced change (the triggers capture it).
   */
  function writeChildren(id: string, input: DossierInputParsed) {
    const parents = withIds(input.parents);
    const involved = withIds(input.involved);
    const parentRows = parents.map((p, n) => ({ id: p.id, position: n, name: p.name, relation: p.relation, gezag: p.gezag ? 1 : 0, phone: p.phone, email: p.email }));
    const involvedRows = involved.map((i, n) => ({ id: i.id, position: n, role: i.role, name: i.name, organisation: i.organisation }));
    syncRows(q.parentRows.all(id), parentRows, q.deleteParent, q.updateParent, (r) => q.insertParent.run({ ...r, dossierId: id }));
    syncRows(q.involvedRows.all(id), involvedRows, q.deleteInvolved, q.updateInvolved, (r) => q.insertInvolved.run({ ...r, dossierId: id }));
    return { parents, involved };
  }

  function event(dossierId: string, type: TimelineEventType, fields: string[], at: string) {
    const actor = actorId();
    const last = q.lastEvent.get(dossierId);
    if (type === 'changed' && last?.type === 'changed' && last.actorId === actor && Date.parse(at) - Date.parse(last.at) < COALESCE_MS) {
      const merged = [...new Set([...(JSON.parse(last.fields) as string[]), ...fields])];
      q.touchEvent.run(at, JSON.stringify(merged), last.id);
    } else q.insertEvent.run(uuidv7(), dossierId, at, type, actor, JSON.stringify(fields));
  }

  function create(input: DossierInputParsed & { status?: DossierStatus }): Dossier {
    checkRefs(input);
    const id = uuidv7();
    const at = now().toISOString();
    sqlite.transaction(() => {
      const row = { ...input, id, at, status: input.status ?? 'aangemeld', sortName: sortName(input) };
      q.insert.run(row);
      writeChildren(id, input);
      event(id, 'created', [], at);
    })();
    return get(id)!;
  }

  /** Saves a full edit. Fields that did not change are not touched, and an unchanged dossier is not re-versioned. */
  function update(id: string, baseVersion: number, input: DossierInputParsed & { status?: DossierStatus }): Dossier {
    const current = get(id);
    if (!current) throw new DossierError('not_found');
    if (current.status === 'afgesloten') throw new DossierError('closed');
    if (current.version !== baseVersion) throw new DossierError('conflict');
    checkRefs(input);
    const next = { ...pick(current), ...pick({ ...input, status: input.status ?? current.status }) };
    const changed: string[] = SCALARS.filter((k) => next[k] !== current[k]);
    const strip = <T extends { id?: string }>(xs: T[]) => JSON.stringify(xs.map(({ id: _id, ...rest }) => rest));
    if (strip(input.parents) !== strip(current.parents)) changed.push('parents');
    if (strip(input.involved) !== strip(current.involved)) changed.push('involved');
    if (changed.length === 0) return current;
    return writeVersion(current, next, changed, 'changed', input);
  }

  function writeVersion(
    current: Dossier, values: ReturnType<typeof pick>, fields: string[], type: TimelineEventType, input: DossierInputParsed | null,
  ): Dossier {
    const at = now().toISOString();
    sqlite.transaction(() => {
      const columns = fields.filter((f) => f in COLUMN);
      if (columns.includes('voornaam') || columns.includes('achternaam')) columns.push('sortName');
      if (columns.includes('status')) columns.push('closedAt');
      const closedAt = values.status === 'afgesloten' ? at : null;
      const r = updateStatement(columns).run({ ...values, id: current.id, baseVersion: current.version, sortName: sortName(values), closedAt, at });
      if (r.changes !== 1) throw new DossierError('conflict');
      if (input && (fields.includes('parents') || fields.includes('involved'))) writeChildren(current.id, input);
      event(current.id, type, type === 'changed' ? fields : [], at);
    })();
    return get(current.id)!;
  }

  function setStatus(id: string, status: DossierStatus, type: 'closed' | 'reopened'): Dossier {
    const current = get(id);
    if (!current) throw new DossierError('not_found');
    if ((type === 'closed') === (current.status === 'afgesloten')) return current;
    return writeVersion(current, { ...pick(current), status }, ['status'], type, null);
  }

  return {
    list: (input: Parameters<typeof list>[0]) => list(input, actorId(), visibleSchools()),
    get,
    create,
    update,
    close: (id: string) => setStatus(id, 'afgesloten', 'closed'),
    reopen: (id: string) => setStatus(id, 'lopend', 'reopened'),
  };
}

type ChildRow = { id: string } & Record<string, string | number>;

/** Ids as given when they are unique (a repeated or missing id gets a new one). */
function withIds<T extends { id?: string | undefined }>(xs: readonly T[]): (T & { id: string })[] {
  const seen = new Set<string>();
  return xs.map((x) => {
    const id = x.id && !seen.has(x.id) ? x.id : uuidv7();
    seen.add(id);
    return { ...x, id };
  });
}

/** Brings the stored child rows to `next`: delete removed, update changed, insert new. */
function syncRows(
  stored: ChildRow[], next: ChildRow[], del: Database.Statement, upd: Database.Statement, ins: (r: ChildRow) => void,
): void {
  const byId = new Map(stored.map((r) => [r.id, r]));
  const keep = new Set(next.map((r) => r.id));
  for (const r of stored) if (!keep.has(r.id)) del.run(r.id);
  for (const r of next) {
    const old = byId.get(r.id);
    if (!old) ins(r);
    else if (Object.keys(r).some((k) => old[k] !== r[k])) upd.run(r);
  }
}

/** The Dutch sort key of a pupil (also used when a pulled dossier is applied). */
export function sortName(p: { achternaam: string; voornaam: string }): string {
  return foldText(`${p.achternaam} ${p.voornaam}`);
}

function pick(d: Pick<Dossier, (typeof SCALARS)[number]> | (DossierInputParsed & { status: DossierStatus })) {
  return Object.fromEntries(SCALARS.map((k) => [k, d[k as keyof typeof d]])) as Pick<Dossier, (typeof SCALARS)[number]>;
}

export type DossierRepo = ReturnType<typeof dossierRepo>;
export type { DossierListInput };
