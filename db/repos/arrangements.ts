// Arrangements: create (from a dossier or an MDO), autosave of a concept, status moves decided by
// `canTransition`, evaluation and verlenging. One transaction per change with its outbox row.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { evaluationInputSchema } from '../../shared/contract/arrangements.js';
import type { DecisionRecord, sendBackSchema } from '../../shared/contract/commission.js';
import { EDITABLE_STATUSES, canTransition, type ArrStatus } from '../../shared/domain/arrangement.js';
import type { BudgetYearKind } from '../../shared/domain/budget.js';
import { addDays } from '../../shared/domain/calendar.js';
import type { TimelineEventType } from '../../shared/domain/dossier.js';
import { totalCents } from '../../shared/domain/money.js';
import { todayInAmsterdam } from '../../shared/domain/validation.js';
import { uuidv7 } from '../../shared/ids.js';
import {
  DocError, arrangementReader, budgetYearsWriter, withCosts, type ArrangementBody, type ArrangementInputParsed, type StoredArrangement,
} from './arrangement-rows.js';
import { timelineWriter } from './timeline.js';

type EvaluationInput = z.output<typeof evaluationInputSchema>;
type SendBack = z.output<typeof sendBackSchema>;
export interface ArrDeps { now: () => Date; actorId: () => string | null; actorName: () => string; yearKind: () => BudgetYearKind }

const DECISIONS: readonly ArrStatus[] = ['toegekend', 'afgewezen', 'aangehouden'];
const withIds = <T extends { id?: string | undefined }>(xs: readonly T[]) => {
  const seen = new Set<string>();
  return xs.map((x) => {
    const id = x.id && !seen.has(x.id) ? x.id : uuidv7();
    seen.add(id);
    return { ...x, id };
  });
};

export function arrangementRepo(sqlite: Database.Database, deps: ArrDeps) {
  const event = timelineWriter(sqlite, deps.actorId);
  const stored = arrangementReader(sqlite);
  const years = budgetYearsWriter(sqlite);
  const COLS = ['id', 'revision', 'status', 'title', 'dossier_id', 'werkgebied_id', 'school_id', 'route', 'targets', 'start_date',
    'end_date', 'total_cents', 'body', 'follow_up_of', 'followed_by', 'mdo_id', 'decision', 'send_back', 'created_at', 'updated_at'];
  const q = {
    insert: sqlite.prepare(`INSERT INTO arrangements (${COLS.join(', ')}) VALUES (${COLS.map(() => '?').join(', ')})`),
    update: sqlite.prepare(`UPDATE arrangements SET revision = revision + 1, status = @status, title = @title, dossier_id = @dossierId,
      werkgebied_id = @werkgebiedId, school_id = @schoolId, route = @route, targets = @targets, start_date = @startDate, end_date = @endDate,
      total_cents = @totalCents, body = @body, followed_by = @followedBy, mdo_id = @mdoId, decision = @decision,
      send_back = @sendBack, updated_at = @at
      WHERE id = @id AND revision = @baseRevision`),
    werkgebied: sqlite.prepare<[string], number>('SELECT 1 FROM werkgebieden WHERE id = ?').pluck(),
    school: sqlite.prepare<[string], number>('SELECT 1 FROM schools WHERE id = ?').pluck(),
    dossierSchool: sqlite.prepare<[string], string>('SELECT school_id FROM dossiers WHERE id = ?').pluck(),
    mdo: sqlite.prepare<[string], { dossierId: string; crucialeDoelen: string; afspraken: string; consent: string; visieOuders: string; stemVanHetKind: string }>(
      `SELECT dossier_id AS dossierId, cruciale_doelen AS crucialeDoelen, afspraken, consent, visie_ouders AS visieOuders,
      stem_van_het_kind AS stemVanHetKind FROM mdos WHERE id = ?`),
  };

  /** Checks the references; without a school, the main dossier's school is the arrangement's school. */
  function checked(input: ArrangementInputParsed): ArrangementInputParsed {
    const fields: { path: string; key: string }[] = [];
    if (!q.werkgebied.get(input.werkgebiedId)) fields.push({ path: 'werkgebiedId', key: 'werkgebied_unknown' });
    if (input.schoolId && !q.school.get(input.schoolId)) fields.push({ path: 'schoolId', key: 'school_unknown' });
    const dossierSchool = input.dossierId ? q.dossierSchool.get(input.dossierId) : null;
    if (input.dossierId && !dossierSchool) fields.push({ path: 'dossierId', key: 'invalid' });
    if (fields.length) throw new DocError('fields', fields);
    return { ...input, schoolId: input.schoolId ?? dossierSchool ?? null };
  }

  /** Content of an input, with ids for new goals and lines and costs computed here. */
  function content(input: ArrangementInputParsed) {
    const inzet = withCosts(withIds(input.inzet));
    const { title, dossierId, werkgebiedId, schoolId, route, targets, startDate, endDate, mdoId, goals, ...rest } = input;
    return {
      cols: { title, dossierId, werkgebiedId, schoolId, route, targets, startDate, endDate, mdoId, totalCents: totalCents(inzet) },
      body: { ...rest, goals: withIds(goals), inzet },
    };
  }

  /** Writes the whole arrangement guarded by its revision, with its outbox row and timeline events. */
  function write(next: StoredArrangement, baseRevision: number, events: TimelineEventType[] = []) {
    const at = deps.now().toISOString();
    const {
      id, status, title, dossierId, werkgebiedId, schoolId, route, targets, startDate, endDate, totalCents: total, followedBy, mdoId, commissionDecision, sendBack,
    } = next;
    const body = bodyOf(next);
    const changes = q.update.run({
      id, baseRevision, at, status, title, dossierId, werkgebiedId, schoolId, route, targets: JSON.stringify(targets), startDate, endDate,
      totalCents: total, body: JSON.stringify(body), followedBy, mdoId, decision: json(commissionDecision), sendBack: json(sendBack),
    }).changes;
    if (changes !== 1) throw new DocError('conflict');
    years.sync(next, deps.yearKind());
    for (const e of events) if (dossierId) event(dossierId, e, id, at);
  }

  function insert(a: StoredArrangement) {
    const at = a.createdAt;
    q.insert.run(a.id, 1, a.status, a.title, a.dossierId, a.werkgebiedId, a.schoolId, a.route, JSON.stringify(a.targets), a.startDate,
      a.endDate, a.totalCents, JSON.stringify(bodyOf(a)), a.followUpOf, a.followedBy, a.mdoId, json(a.commissionDecision), json(a.sendBack), at, at);
    years.sync(a, deps.yearKind());
  }

  function current(id: string, baseRevision: number): StoredArrangement {
    const a = stored(id);
    if (!a) throw new DocError('not_found');
    if (a.revision !== baseRevision) throw new DocError('conflict');
    return a;
  }

  function create(raw: ArrangementInputParsed, fromMdoId?: string): string {
    const input = checked(raw);
    let goals = input.goals;
    let mdoId = input.mdoId;
    let consent: StoredArrangement['consent'] = [];
    let { parentsView, childView } = input;
    if (fromMdoId) {
      const mdo = q.mdo.get(fromMdoId);
      if (!mdo || mdo.dossierId !== input.dossierId) throw new DocError('fields', [{ path: 'fromMdoId', key: 'invalid' }]);
      mdoId = fromMdoId;
      // Consent recorded when the MDO was finalised (empty for a concept MDO).
      consent = JSON.parse(mdo.consent) as StoredArrangement['consent'];
      // The commission wants the parents' and the child's view: the MDO has them.
      if (!parentsView) parentsView = mdo.visieOuders.trim().slice(0, 20_000);
      if (!childView) childView = mdo.stemVanHetKind.trim().slice(0, 20_000);
      if (goals.length === 0) {
        const afspraken = JSON.parse(mdo.afspraken) as { wat: string; wanneer: string }[];
        goals = [
          ...(mdo.crucialeDoelen.trim() ? [{ wat: mdo.crucialeDoelen.trim().slice(0, 1000), resultaat: '', wanneer: '' }] : []),
          ...afspraken.map((s) => ({ wat: s.wat, resultaat: '', wanneer: s.wanneer })),
        ].slice(0, 30);
      }
    }
    const { cols, body } = content({ ...input, goals, mdoId, parentsView, childView });
    const at = deps.now().toISOString();
    const id = uuidv7();
    sqlite.transaction(() => insert({
      ...cols, ...body, id, revision: 1, status: 'concept', history: [], evaluation: null, decision: null, commissionDecision: null, sendBack: null, consent,
      followUpOf: null, followedBy: null, dossierName: '', werkgebiedName: '', schoolName: '', createdAt: at, updatedAt: at,
    }))();
    return id;
  }

  function save(id: string, baseRevision: number, input: ArrangementInputParsed): void {
    const a = stored(id);
    if (!a) throw new DocError('not_found');
    if (!EDITABLE_STATUSES.includes(a.status)) throw new DocError('conflict', [], 'errors.arr_not_concept');
    if (a.revision !== baseRevision) throw new DocError('conflict');
    const { cols, body } = content(checked(input));
    const next = { ...a, ...cols, ...body };
    // Autosave of an unchanged form: no new revision, no outbox row (like dossiers and MDOs).
    if (sameContent(a, next, [...Object.keys(cols), ...Object.keys(body)])) return;
    sqlite.transaction(() => write(next, baseRevision))();
  }

  function moved(a: StoredArrangement, to: ArrStatus, note: string): StoredArrangement {
    const check = canTransition(a.status, to);
    if (!check.ok) throw new DocError('fields', [{ path: 'to', key: check.key }], `validation.${check.key}`);
    const at = deps.now().toISOString();
    const entry = { from: a.status, to, at, byName: deps.actorName(), reason: note };
    return {
      ...a, status: to, history: [...a.history, entry],
      decision: DECISIONS.includes(to) ? { decidedAt: todayInAmsterdam(deps.now()), note } : a.decision,
    };
  }

  function transition(id: string, baseRevision: number, to: ArrStatus, note: string): void {
    const a = current(id, baseRevision);
    const next = moved(a, to, note);
    const events: TimelineEventType[] = to === 'ingediend' ? ['arrangement_submitted'] : DECISIONS.includes(to) ? ['arrangement_decided'] : [];
    sqlite.transaction(() => write(next, baseRevision, events))();
  }

  function evaluate(id: string, baseRevision: number, evaluation: EvaluationInput): void {
    const a = current(id, baseRevision);
    const goalIds = new Set(a.goals.map((g) => g.id));
    const unknown = evaluation.goals.findIndex((g) => !goalIds.has(g.goalId));
    if (unknown >= 0) throw new DocError('fields', [{ path: `goals.${unknown}.goalId`, key: 'invalid' }]);
    const next = moved(a, 'geevalueerd', '');
    next.evaluation = { ...evaluation, at: deps.now().toISOString(), byName: deps.actorName() };
    sqlite.transaction(() => write(next, baseRevision, ['arrangement_evaluated']))();
  }

  /** geevalueerd → verlengd plus a new concept for the period after the old end; returns the new id. */
  function extend(id: string, baseRevision: number, note: string): string {
    const a = current(id, baseRevision);
    const old = moved(a, 'verlengd', note);
    const newId = uuidv7();
    const at = deps.now().toISOString();
    const startDate = addDays(a.endDate, 1);
    const length = Math.max(0, Date.parse(a.endDate) - Date.parse(a.startDate)) / 86_400_000;
    sqlite.transaction(() => {
      write({ ...old, followedBy: newId }, baseRevision);
      insert({
        ...a, id: newId, revision: 1, status: 'concept', startDate, endDate: addDays(startDate, length), evaluationDates: [],
        history: [], evaluation: null, decision: null, commissionDecision: null, sendBack: null, followUpOf: a.id, followedBy: null, createdAt: at, updatedAt: at,
      });
    })();
    return newId;
  }

  /** The commission's secretary sends it back (ingediend/aangehouden → aanvullen); call inside the commission's transaction. */
  function sendBack(id: string, record: SendBack): void {
    const a = stored(id);
    if (!a) throw new DocError('not_found');
    if (a.status !== 'ingediend' && a.status !== 'aangehouden') throw new DocError('conflict', [], 'errors.commission_not_in_inbox');
    // Not a move the consultant may make (TRANSITIONS): only the secretary sends back, also from aangehouden.
    const entry = { from: a.status, to: 'aanvullen' as const, at: deps.now().toISOString(), byName: deps.actorName(), reason: record.note };
    write({ ...a, status: 'aanvullen', history: [...a.history, entry], sendBack: record }, a.revision, ['commission_sent_back']);
  }

  /** The commission's decision carried to the arrangement (status, history, period); call inside the commission's transaction. */
  function decide(id: string, record: DecisionRecord, reason: string): void {
    const a = stored(id);
    if (!a) throw new DocError('not_found');
    // Aangehouden again on a later meeting: no status move, but the decision is on record.
    const again = a.status === 'aangehouden' && record.decision === 'aangehouden';
    const base = again
      ? { ...a, history: [...a.history, { from: a.status, to: a.status, at: deps.now().toISOString(), byName: deps.actorName(), reason }] }
      : moved(a, record.decision, reason);
    const next = { ...base, decision: { decidedAt: record.datum, note: reason }, commissionDecision: record };
    if (record.decision === 'toegekend') {
      next.startDate = record.startDate;
      next.endDate = record.endDate;
    }
    write(next, a.revision, ['arrangement_decided']);
  }

  return { stored, create, save, transition, evaluate, extend, sendBack, decide };
}
export type ArrangementRepo = ReturnType<typeof arrangementRepo>;

const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

function bodyOf(a: StoredArrangement): ArrangementBody {
  const {
    pupilScope, pupils, pupilCount, ondersteuningsvraag, goals, inzet, evaluationDates, toelichting, history, evaluation, decision, consent, parentsView,
    childView,
  } = a;
  return {
    pupilScope, pupils, pupilCount, ondersteuningsvraag, goals, inzet, evaluationDates, toelichting, history, evaluation, decision, consent, parentsView,
    childView,
  };
}

/** Compares the given fields of two versions, ignoring ids of list entries (new lines get fresh ids). */
function sameContent(a: object, b: object, keys: string[]): boolean {
  const strip = (v: unknown): unknown =>
    Array.isArray(v) ? v.map((x) => (x && typeof x === 'object' ? { ...x, id: undefined } : x)) : v;
  const pick = (o: object) => JSON.stringify(keys.map((k) => strip((o as Record<string, unknown>)[k])));
  return pick(a) === pick(b);
}
