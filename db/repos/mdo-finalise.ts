// Vaststellen of an MDO verslag (consent, presence, afspraken → action items) in one transaction,
// and the dossier's action items. A correction's finalisation takes over the actions of the
// version it replaces: an afspraak it keeps (same afspraak id) keeps its action and status, re-pointed
// to the new version with the new wording; an open action whose afspraak the correction dropped
// becomes `vervallen` and stays with the old version.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Action, consentInputSchema, Mdo } from '../../shared/contract/index.js';
import { finaliseBlockers, type AfspraakStatus } from '../../shared/domain/mdo.js';
import { uuidv7 } from '../../shared/ids.js';
import { timelineWriter } from './timeline.js';
import { MdoError, type DocDeps, type MdoRepo } from './mdo.js';

type ConsentInput = z.output<typeof consentInputSchema>;
type Issue = { path: string; key: string };

/** Actions of the latest finalised version of each MDO series of a dossier. */
const LATEST_ACTIONS = `
  SELECT a.id, a.mdo_id AS mdoId, m.datum AS mdoDatum, a.wat, a.wie, a.wanneer, a.status, a.updated_at AS updatedAt, a.series_id AS seriesId
  FROM dossier_actions a JOIN mdos m ON m.id = a.mdo_id
  WHERE a.dossier_id = ? AND m.status = 'vastgesteld'
    AND NOT EXISTS (SELECT 1 FROM mdos n WHERE n.series_id = m.series_id AND n.status = 'vastgesteld' AND n.version > m.version)
  ORDER BY m.datum DESC, a.rowid`;

export function mdoFinaliser(sqlite: Database.Database, deps: DocDeps, mdos: MdoRepo) {
  const event = timelineWriter(sqlite, deps.actorId);
  const q = {
    parents: sqlite.prepare<[string], { id: string; name: string; gezag: number }>(
      'SELECT id, name, gezag FROM dossier_parents WHERE dossier_id = ? ORDER BY position'),
    finalise: sqlite.prepare(`
      UPDATE mdos SET status = 'vastgesteld', attendees = @attendees, consent = @consent, vastgesteld_at = @at, vastgesteld_by = @by,
             revision = revision + 1, updated_at = @at
      WHERE id = @id AND revision = @baseRevision AND status = 'concept' AND superseded_by IS NULL`),
    seriesActions: sqlite.prepare<[string], { id: string; afspraakId: string; status: AfspraakStatus }>(
      'SELECT id, afspraak_id AS afspraakId, status FROM dossier_actions WHERE series_id = ?'),
    insertAction: sqlite.prepare(`
      INSERT INTO dossier_actions (id, dossier_id, mdo_id, series_id, afspraak_id, wat, wie, wanneer, status, updated_at)
      VALUES (@id, @dossierId, @mdoId, @seriesId, @afspraakId, @wat, @wie, @wanneer, 'open', @at)`),
    repoint: sqlite.prepare('UPDATE dossier_actions SET mdo_id = @mdoId, wat = @wat, wie = @wie, wanneer = @wanneer, updated_at = @at WHERE id = @id'),
    setStatus: sqlite.prepare('UPDATE dossier_actions SET status = ?, updated_at = ? WHERE id = ?'),
    action: sqlite.prepare<[string], { dossierId: string; status: AfspraakStatus }>(
      'SELECT dossier_id AS dossierId, status FROM dossier_actions WHERE id = ?'),
    latest: sqlite.prepare<[string], Action & { seriesId: string }>(LATEST_ACTIONS),
    one: sqlite.prepare<[string], Action>(`
      SELECT a.id, a.mdo_id AS mdoId, m.datum AS mdoDatum, a.wat, a.wie, a.wanneer, a.status, a.updated_at AS updatedAt
      FROM dossier_actions a JOIN mdos m ON m.id = a.mdo_id WHERE a.id = ?`),
  };

  function consentIssues(dossierId: string, consent: ConsentInput[]): Issue[] {
    const gezag = new Map(q.parents.all(dossierId).filter((p) => p.gezag === 1).map((p) => [p.id, p.name]));
    const issues: Issue[] = [];
    const seen = new Set<string>();
    for (const c of consent) {
      const path = `consent.${c.parentId}`;
      if (!gezag.has(c.parentId)) issues.push({ path, key: 'consent_unknown_parent' });
      else if (seen.has(c.parentId)) issues.push({ path, key: 'consent_duplicate' });
      seen.add(c.parentId);
      if (c.besluit !== 'nog_niet_gevraagd') {
        if (!c.datum) issues.push({ path: `${path}.datum`, key: 'consent_date_required' });
        if (!c.wijze) issues.push({ path: `${path}.wijze`, key: 'consent_way_required' });
      }
    }
    for (const id of gezag.keys()) if (!seen.has(id)) issues.push({ path: `consent.${id}`, key: 'consent_required' });
    return issues;
  }

  function finalise(id: string, baseRevision: number, presentIds: string[], consent: ConsentInput[]): Mdo {
    const m = mdos.editable(id, baseRevision);
    const attendeeIds = new Set(m.attendees.map((a) => a.id));
    const issues: Issue[] = [
      ...finaliseBlockers(m),
      ...presentIds.flatMap((p, i) => (attendeeIds.has(p) ? [] : [{ path: `presentAttendeeIds.${i}`, key: 'attendee_unknown' }])),
      ...consentIssues(m.dossierId, consent),
    ];
    if (issues.length) throw new MdoError('fields', issues);

    const at = deps.now().toISOString();
    const by = deps.actorId();
    const names = new Map(q.parents.all(m.dossierId).map((p) => [p.id, p.name]));
    const present = new Set(presentIds);
    const attendees = m.attendees.map((a) => ({ ...a, present: present.has(a.id) }));
    const stored = consent.map((c) => ({
      ...c, ...(c.besluit === 'nog_niet_gevraagd' ? { datum: '', wijze: null } : {}), parentName: names.get(c.parentId) ?? '', recordedAt: at,
    }));
    sqlite.transaction(() => {
      const r = q.finalise.run({ id, baseRevision, attendees: JSON.stringify(attendees), consent: JSON.stringify(stored), at, by });
      if (r.changes !== 1) throw new MdoError('conflict');
      writeActions(m.dossierId, id, m.seriesId, m.afspraken, at);
      event(m.dossierId, 'mdo_finalised', id, at);
      if (stored.length) {
        const decisions = [...new Set(stored.map((c) => c.besluit))];
        event(m.dossierId, 'consent', id, at, decisions);
      }
    })();
    return mdos.get(id)!;
  }

  function writeActions(dossierId: string, mdoId: string, seriesId: string, afspraken: Mdo['afspraken'], at: string) {
    const existing = new Map(q.seriesActions.all(seriesId).map((a) => [a.afspraakId, a]));
    for (const a of afspraken) {
      const row = { mdoId, wat: a.wat, wie: a.wie, wanneer: a.wanneer, at };
      const old = existing.get(a.id);
      existing.delete(a.id);
      if (old) {
        q.repoint.run({ ...row, id: old.id });
      } else {
        const actionId = uuidv7();
        q.insertAction.run({ ...row, id: actionId, dossierId, seriesId, afspraakId: a.id });
      }
    }
    for (const dropped of existing.values()) {
      if (dropped.status !== 'open') continue;
      q.setStatus.run('vervallen', at, dropped.id);
    }
  }

  const strip = ({ seriesId: _s, ...a }: Action & { seriesId: string }): Action => a;
  return {
    finalise,
    listActions: (dossierId: string): Action[] => q.latest.all(dossierId).map(strip),
    /** Actions of the dossier's other MDO series (the praatpapier's "previous afspraken"). */
    previousActions: (dossierId: string, seriesId: string): Action[] =>
      q.latest.all(dossierId).filter((a) => a.seriesId !== seriesId).map(strip),
    setActionStatus(id: string, status: AfspraakStatus): Action {
      const current = q.action.get(id);
      if (!current) throw new MdoError('not_found');
      if (current.status !== status) {
        const at = deps.now().toISOString();
        sqlite.transaction(() => {
          q.setStatus.run(status, at, id);
        })();
      }
      return q.one.get(id)!;
    },
  };
}
