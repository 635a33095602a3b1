// TLV applications: create with defaults, autosave of a concept, mark complete (by `completeness`,
// only counting attachments that exist and belong to this TLV), submit. One transaction per change.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { DecisionRecord, sendBackSchema } from '../../shared/contract/commission.js';
import type { Tlv, tlvInputSchema, tlvRowSchema } from '../../shared/contract/tlv.js';
import type { SubjectFacts } from '../../shared/domain/commission.js';
import { fullName } from '../../shared/domain/dossier.js';
import {
  REQUIRED_DOCUMENTS, TLV_EDITABLE, completeness, decisionDue, defaultPeriodEnd, herbeoordelingDeadline, type TlvStatus,
} from '../../shared/domain/tlv.js';
import { todayInAmsterdam } from '../../shared/domain/validation.js';
import { uuidv7 } from '../../shared/ids.js';
import { DocError } from './arrangement-rows.js';
import type { BudgetRepo } from './budgets.js';
import { timelineWriter } from './timeline.js';

export type TlvInputParsed = z.output<typeof tlvInputSchema>;
type SendBack = z.output<typeof sendBackSchema>;
type TlvRow = z.infer<typeof tlvRowSchema>;
interface Raw {
  id: string; dossierId: string; revision: number; status: TlvStatus; body: string; requiredDocuments: string;
  completeAt: string | null; submittedAt: string | null; tlvNumber: string; createdAt: string; updatedAt: string;
  decision: string | null; sendBack: string | null;
  voornaam: string; tussenvoegsel: string; achternaam: string;
}

const SELECT = `SELECT t.id, t.dossier_id AS dossierId, t.revision, t.status, t.body, t.required_documents AS requiredDocuments,
  t.complete_at AS completeAt, t.submitted_at AS submittedAt, t.tlv_number AS tlvNumber, t.created_at AS createdAt,
  t.updated_at AS updatedAt, t.decision, t.send_back AS sendBack, d.voornaam, d.tussenvoegsel, d.achternaam FROM tlv_applications t JOIN dossiers d ON d.id = t.dossier_id`;

const emptyAdvice = { name: '', discipline: '', date: '', advice: '', attachmentId: null };

export function tlvRepo(sqlite: Database.Database, deps: { now: () => Date; actorId: () => string | null; budgets: BudgetRepo }) {
  const event = timelineWriter(sqlite, deps.actorId);
  const q = {
    byId: sqlite.prepare<[string], Raw>(`${SELECT} WHERE t.id = ?`),
    list: sqlite.prepare<{ dossierId: string | null }, Raw>(
      `${SELECT} WHERE (@dossierId IS NULL OR t.dossier_id = @dossierId) ORDER BY t.updated_at DESC`),
    dossier: sqlite.prepare<[string], number>('SELECT 1 FROM dossiers WHERE id = ?').pluck(),
    owned: sqlite.prepare<[string], string>(`SELECT id FROM attachments WHERE owner_type = 'tlv' AND owner_id = ?`).pluck(),
    insert: sqlite.prepare(`INSERT INTO tlv_applications (id, dossier_id, revision, status, period_end, body, required_documents,
      complete_at, submitted_at, tlv_number, created_at, updated_at) VALUES (?, ?, 1, 'concept', ?, ?, ?, NULL, NULL, '', ?, ?)`),
    update: sqlite.prepare(`UPDATE tlv_applications SET revision = revision + 1, status = @status, period_end = @periodEnd, body = @body,
      complete_at = @completeAt, submitted_at = @submittedAt, updated_at = @at WHERE id = @id AND revision = @baseRevision`),
    // Sent back = not complete for the commission: the decision clock starts again when it is complete again.
    sendBack: sqlite.prepare(`UPDATE tlv_applications SET revision = revision + 1, status = 'aanvullen', send_back = @sendBack, complete_at = NULL,
      updated_at = @at WHERE id = @id`),
    decide: sqlite.prepare(`UPDATE tlv_applications SET revision = revision + 1, status = @status, decision = @decision, body = @body,
      period_end = @periodEnd, tlv_number = @tlvNumber, updated_at = @at WHERE id = @id`),
  };

  const body = (r: Raw) => JSON.parse(r.body) as TlvInputParsed;

  /** The facts of the completeness rules; attachment ids that are not this TLV's own files do not count. */
  function factsOf(r: Raw, input: TlvInputParsed) {
    const owned = new Set(q.owned.all(r.id));
    return {
      requiredDocuments: JSON.parse(r.requiredDocuments) as string[],
      documents: input.documents.map((d) => ({ ...d, attachmentIds: d.attachmentIds.filter((a) => owned.has(a)) })),
      advices: input.advices.map((a) => ({ ...a, attachmentId: a.attachmentId && owned.has(a.attachmentId) ? a.attachmentId : null })),
      parentsView: input.parentsView, consent: input.consent, childView: input.childView,
    };
  }
  const missingOf = (r: Raw, input: TlvInputParsed) => completeness(factsOf(r, input));

  const due = (completeAt: string | null, weeks = deps.budgets.settings().decisionWeeks) => (completeAt ? decisionDue(completeAt, weeks) : null);

  function present(r: Raw): Tlv {
    const input = body(r);
    return {
      ...input, id: r.id, dossierId: r.dossierId, dossierName: fullName(r), status: r.status, revision: r.revision,
      requiredDocuments: JSON.parse(r.requiredDocuments) as string[], missing: missingOf(r, input), completeAt: r.completeAt,
      submittedAt: r.submittedAt, decisionDue: due(r.completeAt),
      herbeoordelingDeadline: input.kind === 'herbeoordeling' && input.periodEnd ? herbeoordelingDeadline(input.periodEnd) : null,
      tlvNumber: r.tlvNumber, createdAt: r.createdAt, updatedAt: r.updatedAt,
      commissionDecision: r.decision ? (JSON.parse(r.decision) as DecisionRecord) : null,
      sendBack: r.sendBack ? (JSON.parse(r.sendBack) as SendBack) : null,
    };
  }

  function raw(id: string, baseRevision?: number): Raw {
    const r = q.byId.get(id);
    if (!r) throw new DocError('not_found');
    if (baseRevision !== undefined && r.revision !== baseRevision) throw new DocError('conflict');
    return r;
  }

  function write(r: Raw, baseRevision: number, next: { status: TlvStatus; input: TlvInputParsed; completeAt: string | null; submittedAt: string | null }) {
    const at = deps.now().toISOString();
    const changed = q.update.run({
      id: r.id, baseRevision, at, status: next.status, periodEnd: next.input.periodEnd, body: JSON.stringify(next.input),
      completeAt: next.completeAt, submittedAt: next.submittedAt,
    }).changes;
    if (changed !== 1) throw new DocError('conflict');
    return at;
  }

  return {
    get: (id: string): Tlv | null => {
      const r = q.byId.get(id);
      return r ? present(r) : null;
    },
    list(dossierId: string | undefined, statuses: TlvStatus[] | undefined): TlvRow[] {
      const weeks = deps.budgets.settings().decisionWeeks;
      return q.list.all({ dossierId: dossierId ?? null }).filter((r) => !statuses?.length || statuses.includes(r.status)).map((r) => {
        const input = body(r);
        return {
          id: r.id, dossierId: r.dossierId, dossierName: fullName(r), type: input.type, kind: input.kind, status: r.status,
          periodEnd: input.periodEnd, missingCount: missingOf(r, input).length, decisionDue: due(r.completeAt, weeks), updatedAt: r.updatedAt,
        };
      });
    },
    create(dossierId: string): string {
      if (!q.dossier.get(dossierId)) throw new DocError('not_found');
      const settings = deps.budgets.settings();
      const required = [...REQUIRED_DOCUMENTS, ...settings.extraTlvDocuments.map((d) => d.key)];
      const start = todayInAmsterdam(deps.now());
      const input: TlvInputParsed = {
        type: 'so', kind: 'eerste_aanvraag', receivingSchool: '', category: '', periodStart: start, periodEnd: defaultPeriodEnd(start),
        documents: required.map((key) => ({ key, attachmentIds: [], date: '', note: '' })), parentsView: '',
        consent: { besluit: 'nog_niet_gevraagd', datum: '', byName: '' }, childView: '', advices: [{ ...emptyAdvice }, { ...emptyAdvice }],
        previousTlvNumber: '', toelichting: '',
      };
      const id = uuidv7();
      const at = deps.now().toISOString();
      sqlite.transaction(() => {
        q.insert.run(id, dossierId, input.periodEnd, JSON.stringify(input), JSON.stringify(required), at, at);
      })();
      return id;
    },
    save(id: string, baseRevision: number, input: TlvInputParsed): void {
      const r = raw(id);
      if (!TLV_EDITABLE.includes(r.status)) throw new DocError('conflict', [], 'errors.tlv_not_concept');
      if (r.revision !== baseRevision) throw new DocError('conflict');
      // Sent back: it stays `aanvullen` (the submitter sees the request) until marked complete again.
      sqlite.transaction(() => write(r, baseRevision, { status: r.status, input, completeAt: null, submittedAt: r.submittedAt }))();
    },
    markComplete(id: string, baseRevision: number): void {
      const r = raw(id, baseRevision);
      if (!TLV_EDITABLE.includes(r.status)) throw new DocError('conflict', [], 'errors.tlv_not_concept');
      const input = body(r);
      const missing = missingOf(r, input);
      if (missing.length) throw new DocError('fields', missing, 'errors.tlv_incomplete');
      sqlite.transaction(() => write(r, baseRevision, { status: 'compleet', input, completeAt: deps.now().toISOString(), submittedAt: null }))();
    },
    submit(id: string, baseRevision: number): void {
      const r = raw(id, baseRevision);
      if (r.status !== 'compleet') throw new DocError('conflict', [], 'errors.tlv_not_complete');
      sqlite.transaction(() => {
        const at = write(r, baseRevision, { status: 'ingediend', input: body(r), completeAt: r.completeAt, submittedAt: deps.now().toISOString() });
        event(r.dossierId, 'tlv_submitted', r.id, at);
      })();
    },
    /** The commission's view: status, dossier, kind and the facts of its completeness rules; null when unknown. */
    subject(id: string) {
      const r = q.byId.get(id);
      if (!r) return null;
      const input = body(r);
      const facts: SubjectFacts = { type: 'tlv', tlv: factsOf(r, input) };
      return { id: r.id, dossierId: r.dossierId, status: r.status, kind: input.kind, title: fullName(r), completeAt: r.completeAt, submittedAt: r.submittedAt, facts };
    },
    /** ingediend/aangehouden → aanvullen; call inside the commission's transaction. */
    sendBack(id: string, record: SendBack): void {
      const r = raw(id);
      if (r.status !== 'ingediend' && r.status !== 'aangehouden') throw new DocError('conflict', [], 'errors.commission_not_in_inbox');
      const at = deps.now().toISOString();
      q.sendBack.run({ id, sendBack: JSON.stringify(record), at });
      event(r.dossierId, 'commission_sent_back', r.id, at);
    },
    /** The decision carried to the application (status, period, category, number); call inside the commission's transaction. */
    decide(id: string, record: DecisionRecord): void {
      const r = raw(id);
      const input = body(r);
      const next = record.decision === 'toegekend'
        ? { ...input, category: record.category, periodStart: record.startDate, periodEnd: record.endDate }
        : input;
      const at = deps.now().toISOString();
      q.decide.run({
        id, status: record.decision, decision: JSON.stringify(record), body: JSON.stringify(next), periodEnd: next.periodEnd,
        tlvNumber: record.tlvNumber || r.tlvNumber, at,
      });
      event(r.dossierId, 'tlv_decided', r.id, at);
    },
  };
}
export type TlvRepo = ReturnType<typeof tlvRepo>;
