// The commission's view of its cases: which TLVs and arrangements wait for a decision, what the
// association's rules find missing, their decision clock and the open agenda they are on.
import type Database from 'better-sqlite3';
import type { CommissionSettings, InboxRow } from '../../shared/contract/commission.js';
import {
  commissionCheck, decisionClock, needsCommission, type CommissionSubject, type Missing, type SubjectFacts,
} from '../../shared/domain/commission.js';
import { todayInAmsterdam } from '../../shared/domain/validation.js';
import type { ArrangementRepo } from './arrangements.js';
import type { BudgetRepo } from './budgets.js';
import type { TlvRepo } from './tlv.js';

/** Statuses in which a case waits for the commission. */
export const WAITING: readonly string[] = ['ingediend', 'aangehouden'];

export interface Subject {
  type: CommissionSubject;
  id: string;
  dossierId: string | null;
  title: string;
  kind: string;
  status: string;
  schoolName: string;
  werkgebiedName: string;
  submittedAt: string | null;
  /** The instant the clock starts from (complete_at of a TLV, the last submission of an arrangement). */
  clockFrom: string | null;
  /** Whether the case goes to the commission at all (arrangements under the routes/threshold do not). */
  needsCommission: boolean;
  facts: SubjectFacts;
}

export interface SubjectDeps {
  now: () => Date;
  tlv: TlvRepo;
  arrangements: ArrangementRepo;
  budgets: BudgetRepo;
  settings: () => CommissionSettings;
}

export function subjectReader(sqlite: Database.Database, deps: SubjectDeps) {
  const q = {
    tlvWaiting: sqlite.prepare<[], string>(`SELECT id FROM tlv_applications WHERE status IN ('ingediend', 'aangehouden')`).pluck(),
    arrWaiting: sqlite.prepare<[], string>(`SELECT id FROM arrangements WHERE status IN ('ingediend', 'aangehouden')`).pluck(),
    tlvPlace: sqlite.prepare<[string], { schoolName: string; werkgebiedName: string }>(`SELECT coalesce(s.name, '') AS schoolName,
      coalesce(w.name, '') AS werkgebiedName FROM dossiers d LEFT JOIN schools s ON s.id = d.school_id
      LEFT JOIN werkgebieden w ON w.id = s.werkgebied_id WHERE d.id = ?`),
    openItem: sqlite.prepare<[string, string], { meetingId: string; datum: string }>(`SELECT i.meeting_id AS meetingId, m.datum
      FROM commission_items i JOIN commission_meetings m ON m.id = i.meeting_id
      WHERE i.subject_type = ? AND i.subject_id = ? AND i.decision IS NULL AND m.status = 'gepland' ORDER BY m.datum LIMIT 1`),
  };

  function subject(type: CommissionSubject, id: string): Subject | null {
    if (type === 'tlv') {
      const t = deps.tlv.subject(id);
      if (!t) return null;
      const place = q.tlvPlace.get(t.dossierId) ?? { schoolName: '', werkgebiedName: '' };
      return {
        type, id, dossierId: t.dossierId, title: t.title, kind: t.kind, status: t.status, ...place, submittedAt: t.submittedAt,
        clockFrom: t.completeAt, needsCommission: true, facts: t.facts,
      };
    }
    const a = deps.arrangements.stored(id);
    if (!a) return null;
    // The clock runs from the last time it was (re)submitted.
    const submittedAt = [...a.history].reverse().find((h) => h.to === 'ingediend')?.at ?? null;
    return {
      type, id, dossierId: a.dossierId, title: a.dossierName || a.title, kind: a.followUpOf ? 'arrangement_verlenging' : 'arrangement',
      status: a.status, schoolName: a.schoolName, werkgebiedName: a.werkgebiedName, submittedAt, clockFrom: submittedAt,
      needsCommission: needsCommission({ route: a.route, totalCents: a.totalCents }, deps.settings()),
      facts: {
        type: 'arrangement',
        arrangement: {
          ondersteuningsvraag: a.ondersteuningsvraag, goalCount: a.goals.length, inzetCount: a.inzet.length, consent: a.consent,
          parentsView: a.parentsView, childView: a.childView,
        },
      },
    };
  }

  const today = () => todayInAmsterdam(deps.now());
  const missingOf = (s: Subject): Missing[] => commissionCheck(s.facts, deps.settings().rules, today());
  /** Waiting for the commission now: the status, and for arrangements the routes/threshold. */
  const eligible = (s: Subject | null): s is Subject => s !== null && WAITING.includes(s.status) && s.needsCommission;

  function row(s: Subject, weeks: number, day: string): InboxRow {
    const from = s.clockFrom ? todayInAmsterdam(new Date(s.clockFrom)) : null;
    const open = q.openItem.get(s.type, s.id);
    return {
      subjectType: s.type, subjectId: s.id, dossierId: s.dossierId, title: s.title, schoolName: s.schoolName, werkgebiedName: s.werkgebiedName,
      kind: s.kind, status: s.status, submittedAt: s.submittedAt, missing: missingOf(s),
      clock: decisionClock(from, weeks, day),
      meetingId: open?.meetingId ?? null, meetingDatum: open?.datum ?? null,
    };
  }

  function inbox(): InboxRow[] {
    const subjects = [
      ...q.tlvWaiting.all().map((id) => subject('tlv', id)),
      ...q.arrWaiting.all().map((id) => subject('arrangement', id)),
    ].filter(eligible);
    // Oldest clock first; cases without a clock last.
    const weeks = deps.budgets.settings().decisionWeeks;
    const day = today();
    return subjects.map((s) => row(s, weeks, day)).sort((a, b) => {
      if (!a.clock || !b.clock) return a.clock ? -1 : b.clock ? 1 : 0;
      return a.clock.due < b.clock.due ? -1 : a.clock.due > b.clock.due ? 1 : 0;
    });
  }

  return { subject, missingOf, eligible, inbox, openItem: (type: CommissionSubject, id: string) => q.openItem.get(type, id) ?? null };
}
export type SubjectReader = ReturnType<typeof subjectReader>;
