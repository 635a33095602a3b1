// Kindgesprekken: create (age band from the groep, today in Amsterdam, one entry per topic), autosave
// guarded by revision, finish (then immutable, on the timeline).
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Kindgesprek, kindgesprekInputSchema } from '../../shared/contract/index.js';
import { ageBandOf, KG_TOPICS } from '../../shared/domain/mdo.js';
import { todayInAmsterdam } from '../../shared/domain/validation.js';
import { uuidv7 } from '../../shared/ids.js';
import { MdoError, type DocDeps } from './mdo.js';
import { timelineWriter } from './timeline.js';

type Input = z.output<typeof kindgesprekInputSchema>;
const CONTENT = ['datum', 'leeftijd', 'topics', 'observaties', 'delenMetOuders', 'delenMetSchool', 'delenToelichting', 'samenvatting'] as const;
const COLUMN: Record<(typeof CONTENT)[number], string> = {
  datum: 'datum', leeftijd: 'leeftijd', topics: 'topics', observaties: 'observaties', delenMetOuders: 'delen_met_ouders',
  delenMetSchool: 'delen_met_school', delenToelichting: 'delen_toelichting', samenvatting: 'samenvatting',
};

/** One entry per topic, in the asked order: what was given, empty for the rest. */
function allTopics(given: Input['topics']): Input['topics'] {
  const byTopic = new Map(given.map((t) => [t.topic, t]));
  return KG_TOPICS.map((topic) => byTopic.get(topic) ?? { topic, smiley: null, nu: null, doel: null, woorden: '' });
}

/** SQLite stores booleans as 0/1 and the topics as JSON. */
const toColumn = (k: string, v: unknown): unknown => (k === 'topics' ? JSON.stringify(v) : typeof v === 'boolean' ? Number(v) : v);

export function kindgesprekRepo(sqlite: Database.Database, deps: DocDeps) {
  const event = timelineWriter(sqlite, deps.actorId);
  const q = {
    get: sqlite.prepare<[string], Record<string, unknown>>(`
      SELECT id, dossier_id AS dossierId, status, revision, datum, leeftijd, topics, observaties, delen_met_ouders AS delenMetOuders,
             delen_met_school AS delenMetSchool, delen_toelichting AS delenToelichting, samenvatting, afgerond_at AS afgerondAt,
             created_at AS createdAt, updated_at AS updatedAt
      FROM kindgesprekken WHERE id = ?`),
    list: sqlite.prepare<[string], { id: string; datum: string; status: Kindgesprek['status']; samenvatting: string; updatedAt: string }>(`
      SELECT id, datum, status, samenvatting, updated_at AS updatedAt FROM kindgesprekken WHERE dossier_id = ?
      ORDER BY datum DESC, created_at DESC`),
    latestFinished: sqlite.prepare<[string], string>(`
      SELECT id FROM kindgesprekken WHERE dossier_id = ? AND status = 'afgerond' ORDER BY datum DESC, afgerond_at DESC LIMIT 1`).pluck(),
    groep: sqlite.prepare<[string], string>('SELECT groep FROM dossiers WHERE id = ?').pluck(),
    insert: sqlite.prepare(`
      INSERT INTO kindgesprekken (id, dossier_id, status, revision, datum, leeftijd, topics, created_at, updated_at)
      VALUES (?, ?, 'concept', 1, ?, ?, ?, ?, ?)`),
    finish: sqlite.prepare(`
      UPDATE kindgesprekken SET status = 'afgerond', afgerond_at = @at, revision = revision + 1, updated_at = @at
      WHERE id = @id AND revision = @baseRevision AND status = 'concept'`),
  };
  const updates = new Map<string, Database.Statement>();
  function update(keys: string[]): Database.Statement {
    const key = keys.join(',');
    let st = updates.get(key);
    if (!st) {
      const sets = [...keys.map((k) => `${COLUMN[k as keyof typeof COLUMN]} = @${k}`), 'revision = revision + 1', 'updated_at = @at'];
      st = sqlite.prepare(`UPDATE kindgesprekken SET ${sets.join(', ')} WHERE id = @id AND revision = @baseRevision AND status = 'concept'`);
      updates.set(key, st);
    }
    return st;
  }

  function get(id: string): Kindgesprek | null {
    const row = q.get.get(id);
    if (!row) return null;
    return {
      ...row, topics: JSON.parse(row.topics as string), delenMetOuders: row.delenMetOuders === 1, delenMetSchool: row.delenMetSchool === 1,
    } as Kindgesprek;
  }

  function editable(id: string, baseRevision: number): Kindgesprek {
    const current = get(id);
    if (!current) throw new MdoError('not_found');
    if (current.status !== 'concept') throw new MdoError('kindgesprek_finished');
    if (current.revision !== baseRevision) throw new MdoError('conflict');
    return current;
  }

  return {
    get,
    list: (dossierId: string) => q.list.all(dossierId),
    latestFinished(dossierId: string): Kindgesprek | null {
      const id = q.latestFinished.get(dossierId);
      return id ? get(id) : null;
    },
    create(dossierId: string): Kindgesprek {
      const groep = q.groep.get(dossierId);
      if (groep === undefined) throw new MdoError('not_found');
      const id = uuidv7();
      const at = deps.now().toISOString();
      const row = { datum: todayInAmsterdam(deps.now()), leeftijd: ageBandOf(groep), topics: allTopics([]) };
      sqlite.transaction(() => {
        q.insert.run(id, dossierId, row.datum, row.leeftijd, JSON.stringify(row.topics), at, at);
      })();
      return get(id)!;
    },
    save(id: string, baseRevision: number, input: Input): Kindgesprek {
      const current = editable(id, baseRevision);
      const next = { ...input, topics: allTopics(input.topics) };
      const keys = CONTENT.filter((k) => JSON.stringify(next[k]) !== JSON.stringify(current[k]));
      if (keys.length === 0) return current;
      const at = deps.now().toISOString();
      sqlite.transaction(() => {
        const params = Object.fromEntries(keys.map((k) => [k, toColumn(k, next[k])]));
        if (update(keys).run({ ...params, id, baseRevision, at }).changes !== 1) throw new MdoError('conflict');
      })();
      return get(id)!;
    },
    finish(id: string, baseRevision: number): Kindgesprek {
      const current = editable(id, baseRevision);
      const at = deps.now().toISOString();
      sqlite.transaction(() => {
        if (q.finish.run({ id, baseRevision, at }).changes !== 1) throw new MdoError('conflict');
        event(current.dossierId, 'kindgesprek_finished', id, at);
      })();
      return get(id)!;
    },
  };
}
export type KindgesprekRepo = ReturnType<typeof kindgesprekRepo>;
