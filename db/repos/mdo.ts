// MDOs: create, autosave (one UPDATE of the changed columns, guarded by revision), list, read, and
// correct a finalised verslag into a new version. Finalising and action items: mdo-finalise.ts.
import type Database from 'better-sqlite3';
import type { Mdo, mdoRowSchema } from '../../shared/contract/index.js';
import type { z } from 'zod';
import { uuidv7 } from '../../shared/ids.js';
import { CONTENT_KEYS, changedKeys, contentFrom, contentOf, mdoReader, snake, toColumn, type MdoInputParsed, type StoredMdo } from './mdo-rows.js';
import { timelineWriter } from './timeline.js';

export class MdoError extends Error {
  constructor(
    readonly kind: 'not_found' | 'conflict' | 'finalised' | 'superseded' | 'kindgesprek_finished' | 'bad_request' | 'fields',
    readonly fields: { path: string; key: string }[] = [],
  ) {
    super(kind);
  }
}

type MdoRow = z.infer<typeof mdoRowSchema>;

export interface DocDeps {
  now: () => Date;
  actorId: () => string | null;
}

const INSERT_KEYS = [
  'id', 'dossierId', 'seriesId', 'version', 'revision', 'status', 'correctieReden', 'consent', 'createdAt', 'updatedAt',
] as const;

export function mdoRepo(sqlite: Database.Database, deps: DocDeps) {
  const event = timelineWriter(sqlite, deps.actorId);
  const read = mdoReader(sqlite);
  const q = {
    dossierExists: sqlite.prepare<[string], number>('SELECT 1 FROM dossiers WHERE id = ?').pluck(),
    kindgesprekDossier: sqlite.prepare<[string], string>('SELECT dossier_id FROM kindgesprekken WHERE id = ?').pluck(),
    list: sqlite.prepare<[string], MdoRow>(`
      SELECT id, datum, status, version, json_array_length(afspraken) AS afspraken, updated_at AS updatedAt
      FROM mdos WHERE dossier_id = ? AND superseded_by IS NULL ORDER BY datum DESC, created_at DESC`),
    supersede: sqlite.prepare(`UPDATE mdos SET superseded_by = ? WHERE id = ? AND superseded_by IS NULL AND status = 'vastgesteld'`),
  };
  /** INSERT of a whole row: meta columns plus every content column. */
  let insertStmt: Database.Statement | null = null;
  function insert(row: Record<string, unknown>) {
    const keys = [...INSERT_KEYS, ...CONTENT_KEYS];
    insertStmt ??= sqlite.prepare(`INSERT INTO mdos (${keys.map(snake).join(', ')}) VALUES (${keys.map((k) => `@${k}`).join(', ')})`);
    insertStmt.run(Object.fromEntries(keys.map((k) => [k, toColumn(k, row[k])])));
  }

  /** UPDATE statements per set of changed columns: an autosave of one text field writes one column. */
  const updates = new Map<string, Database.Statement>();
  function update(keys: string[]): Database.Statement {
    const key = keys.join(',');
    let st = updates.get(key);
    if (!st) {
      const sets = [...keys.map((k) => `${snake(k)} = @${k}`), 'revision = revision + 1', 'updated_at = @at'].join(', ');
      st = sqlite.prepare(
        `UPDATE mdos SET ${sets} WHERE id = @id AND revision = @baseRevision AND status = 'concept' AND superseded_by IS NULL`,
      );
      updates.set(key, st);
    }
    return st;
  }

  function checkKindgesprek(dossierId: string, input: MdoInputParsed) {
    if (input.kindgesprekId && q.kindgesprekDossier.get(input.kindgesprekId) !== dossierId) {
      throw new MdoError('fields', [{ path: 'kindgesprekId', key: 'kindgesprek_unknown' }]);
    }
  }

  /** The stored row a change may start from: a concept that no later version replaced. */
  function editable(id: string, baseRevision: number): StoredMdo {
    const current = read.stored(id);
    if (!current) throw new MdoError('not_found');
    if (current.supersededBy) throw new MdoError('superseded');
    if (current.status !== 'concept') throw new MdoError('finalised');
    if (current.revision !== baseRevision) throw new MdoError('conflict');
    return current;
  }

  function create(dossierId: string, input: MdoInputParsed): Mdo {
    if (!q.dossierExists.get(dossierId)) throw new MdoError('not_found');
    checkKindgesprek(dossierId, input);
    const id = uuidv7();
    const at = deps.now().toISOString();
    const row = {
      ...contentFrom(input, null), id, dossierId, seriesId: id, version: 1, revision: 1, status: 'concept',
      correctieReden: '', consent: [], createdAt: at, updatedAt: at,
    };
    sqlite.transaction(() => {
      insert(row);
      event(dossierId, 'mdo_created', id, at);
    })();
    return read.get(id)!;
  }

  /** Autosave: writes only the changed columns; an unchanged save returns the stored MDO untouched. */
  function save(id: string, baseRevision: number, input: MdoInputParsed): Mdo {
    const current = editable(id, baseRevision);
    checkKindgesprek(current.dossierId, input);
    const next = contentFrom(input, contentOf(current));
    const keys = changedKeys(next, contentOf(current));
    if (keys.length === 0) return read.get(id)!;
    const at = deps.now().toISOString();
    sqlite.transaction(() => {
      const params = Object.fromEntries(keys.map((k) => [k, toColumn(k, next[k])]));
      if (update(keys).run({ ...params, id, baseRevision, at }).changes !== 1) throw new MdoError('conflict');
    })();
    return read.get(id)!;
  }

  /** A correction: a new concept version with the same content; the finalised one stays readable. */
  function correct(id: string, reason: string): Mdo {
    const current = read.stored(id);
    if (!current) throw new MdoError('not_found');
    if (current.supersededBy) throw new MdoError('superseded');
    if (current.status !== 'vastgesteld') throw new MdoError('bad_request');
    const newId = uuidv7();
    const at = deps.now().toISOString();
    const row = {
      ...contentOf(current), id: newId, dossierId: current.dossierId, seriesId: current.seriesId, version: current.version + 1,
      revision: 1, status: 'concept', correctieReden: reason, consent: [], createdAt: at, updatedAt: at,
    };
    sqlite.transaction(() => {
      if (q.supersede.run(newId, id).changes !== 1) throw new MdoError('superseded');
      insert(row);
      event(current.dossierId, 'mdo_corrected', newId, at);
    })();
    return read.get(newId)!;
  }

  return {
    get: read.get,
    stored: read.stored,
    list: (dossierId: string): MdoRow[] => q.list.all(dossierId),
    create,
    save,
    correct,
    editable,
  };
}
export type MdoRepo = ReturnType<typeof mdoRepo>;
