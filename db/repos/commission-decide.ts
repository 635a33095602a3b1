// The commission's decisions and what follows: the decision carried to the TLV/arrangement (with a
// TLV number from this device's pool), sending a case back, notulen, and letters sent.
// Each is one transaction: a failed number or write leaves nothing of the decision behind.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { DecisionRecord, decisionInputSchema } from '../../shared/contract/commission.js';
import { formatTlvNumber, numberSeries, type CommissionSubject } from '../../shared/domain/commission.js';
import type { ArrangementRepo } from './arrangements.js';
import { DocError } from './arrangement-rows.js';
import type { BudgetRepo } from './budgets.js';
import { WAITING, type SubjectReader } from './commission-inbox.js';
import type { MeetingStore } from './commission-meetings.js';
import { parseDecision } from './commission-meetings.js';
import type { TlvNumberPool } from './tlv-numbers.js';
import type { TlvRepo } from './tlv.js';

export type DecisionParsed = z.output<typeof decisionInputSchema>;

export interface DecideDeps {
  now: () => Date;
  actorId: () => string | null;
  actorName: () => string;
  /** This device syncs with a store: TLV numbers only from the store's blocks. */
  linked: () => boolean;
  pattern: () => string;
  tlv: TlvRepo;
  arrangements: ArrangementRepo;
  budgets: BudgetRepo;
  subjects: SubjectReader;
  meetings: MeetingStore;
  pool: TlvNumberPool;
}

export function decisionWriter(sqlite: Database.Database, deps: DecideDeps) {
  const { meetings } = deps;
  const q = {
    decide: sqlite.prepare('UPDATE commission_items SET decision = ?, updated_at = ? WHERE id = ?'),
    undecided: sqlite.prepare<[string, string], { id: string; meetingId: string }>(`SELECT i.id, i.meeting_id AS meetingId
      FROM commission_items i JOIN commission_meetings m ON m.id = i.meeting_id
      WHERE i.subject_type = ? AND i.subject_id = ? AND i.decision IS NULL AND m.status = 'gepland'`),
    deleteItem: sqlite.prepare('DELETE FROM commission_items WHERE id = ?'),
    renumberRest: sqlite.prepare('UPDATE commission_items SET position = position - 1, updated_at = ? WHERE meeting_id = ? AND position > ?'),
    itemPosition: sqlite.prepare<[string], number>('SELECT position FROM commission_items WHERE id = ?').pluck(),
    bump: sqlite.prepare('UPDATE commission_meetings SET revision = revision + 1, updated_at = ? WHERE id = ?'),
    notulen: sqlite.prepare('UPDATE commission_meetings SET notulen = ? WHERE id = ?'),
    finalise: sqlite.prepare(`UPDATE commission_meetings SET notulen_status = 'vastgesteld', status = 'afgerond', vastgesteld_at = ?,
      vastgesteld_by = ? WHERE id = ?`),
    letters: sqlite.prepare('UPDATE commission_items SET letters_sent_at = ?, updated_at = ? WHERE id = ?'),
    bumpRevision: sqlite.prepare('UPDATE commission_meetings SET revision = revision + 1 WHERE id = ? AND revision = ?'),
    pending: sqlite.prepare<[string], { id: string; position: number }>(
      'SELECT id, position FROM commission_items WHERE meeting_id = ? AND decision IS NULL ORDER BY position'),
  };

  /** ingediend/aangehouden → aanvullen with what the rules find missing now; off any open agenda. */
  function sendBack(type: CommissionSubject, id: string, note: string): void {
    const s = deps.subjects.subject(type, id);
    if (!s) throw new DocError('not_found');
    if (!deps.subjects.eligible(s)) throw new DocError('conflict', [], 'errors.commission_not_in_inbox');
    const at = deps.now().toISOString();
    const record = { at, byName: deps.actorName(), missing: deps.subjects.missingOf(s), note };
    sqlite.transaction(() => {
      if (type === 'tlv') deps.tlv.sendBack(id, record);
      else deps.arrangements.sendBack(id, record);
      for (const it of q.undecided.all(type, id)) {
        const position = q.itemPosition.get(it.id) ?? 0;
        q.deleteItem.run(it.id);
        q.renumberRest.run(at, it.meetingId, position);
        q.bump.run(at, it.meetingId);
      }
    })();
  }

  function record(input: DecisionParsed, type: CommissionSubject, datum: string): DecisionRecord {
    return {
      decision: input.decision,
      category: input.decision === 'toegekend' && type === 'tlv' ? input.category : '',
      startDate: input.decision === 'toegekend' ? input.startDate : '',
      endDate: input.decision === 'toegekend' ? input.endDate : '',
      conditions: input.decision === 'toegekend' ? input.conditions : '',
      reasons: input.decision === 'afgewezen' ? input.reasons : '',
      needed: input.decision === 'aangehouden' ? input.needed : '',
      tlvNumber: '', decidedAt: deps.now().toISOString(), decidedByName: deps.actorName(), datum,
    };
  }

  function decide(meetingId: string, baseRevision: number, itemId: string, input: DecisionParsed): void {
    const m = meetings.open(meetingId, baseRevision);
    const it = meetings.itemOf(m, itemId);
    const previous = parseDecision(it.decision);
    if (previous && previous.decision !== 'aangehouden') throw new DocError('conflict', [], 'errors.commission_decided');
    const s = deps.subjects.subject(it.subjectType, it.subjectId);
    if (!s || !WAITING.includes(s.status)) throw new DocError('conflict', [], 'errors.commission_not_in_inbox');
    const rec = record(input, it.subjectType, m.datum);
    if (it.subjectType === 'tlv' && rec.decision === 'toegekend' && !deps.budgets.settings().tlvCategories.some((c) => c.key === rec.category)) {
      throw new DocError('fields', [{ path: 'decision.category', key: 'choose_option' }]);
    }
    meetings.change(m, (at) => {
      if (it.subjectType === 'tlv') {
        if (rec.decision === 'toegekend') {
          const pattern = deps.pattern();
          // Throws (conflict errors.tlv_numbers_exhausted) before anything is written; the transaction rolls back.
          const n = deps.pool.take(numberSeries(pattern, m.datum), deps.linked());
          rec.tlvNumber = formatTlvNumber(pattern, m.datum, n);
        }
        deps.tlv.decide(it.subjectId, rec);
      } else {
        deps.arrangements.decide(it.subjectId, rec, rec.conditions || rec.reasons || rec.needed);
      }
      q.decide.run(JSON.stringify(rec), at, itemId);
    });
  }

  return {
    sendBack,
    decide,
    saveNotulen(meetingId: string, baseRevision: number, notulen: string): void {
      const m = meetings.open(meetingId, baseRevision);
      // Vastgesteld notulen close the meeting, so concept is the only other state here.
      meetings.change(m, () => q.notulen.run(notulen, meetingId));
    },
    finalise(meetingId: string, baseRevision: number): void {
      const m = meetings.open(meetingId, baseRevision);
      const pending = q.pending.all(meetingId);
      if (pending.length) {
        throw new DocError('fields', pending.map((p) => ({ path: `items.${p.position}.decision`, key: 'meeting_undecided' })), 'validation.meeting_undecided');
      }
      meetings.change(m, (at) => q.finalise.run(at, deps.actorId(), meetingId));
    },
    /**
     * Letters usually go out after the meeting, also after its notulen are vastgesteld: only the item
     * changes then. The finalised meeting record is not touched (its sync rule allows no change); its
     * local-only revision is bumped so open screens notice.
     */
    markLettersSent(meetingId: string, baseRevision: number, itemId: string): void {
      const m = meetings.raw(meetingId);
      if (m.revision !== baseRevision) throw new DocError('conflict');
      const it = meetings.itemOf(m, itemId);
      if (!it.decision) throw new DocError('conflict', [], 'errors.commission_not_decided');
      if (m.status !== 'afgerond') {
        meetings.change(m, (at) => q.letters.run(at, at, itemId));
        return;
      }
      sqlite.transaction(() => {
        const at = deps.now().toISOString();
        q.letters.run(at, at, itemId);
        if (q.bumpRevision.run(meetingId, baseRevision).changes !== 1) throw new DocError('conflict');
      })();
    },
  };
}
export type DecisionWriter = ReturnType<typeof decisionWriter>;
