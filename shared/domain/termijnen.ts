// Termijnen: which deadlines need attention on a given day. Pure and clock-free: `today` is an
// Amsterdam calendar date (YYYY-MM-DD) and all arithmetic is on calendar days.
// Windows (documented choices):
//  - severity: overdue (daysLeft < 0), soon (0–14 days), later (beyond 14 days).
//  - arrangement evaluation moments and MDO evaluatiedatum: shown from 30 days ahead; overdue stays.
//  - afspraken (open, with wanneer): shown from 14 days ahead; overdue stays.
//  - TLV ending: a granted TLV whose period ends within 3 calendar months.
//  - herbeoordeling: 15 April of the year the TLV ends, shown from 1 March of that year (six weeks,
//    the decision time of the commission) until the TLV has ended or a follow-up was started.
//  - zorgplicht: a complete (or submitted) application without a decision, due completeAt + N weeks;
//    shown from the moment it is complete.
import { addDays, addMonths, diffDays } from './calendar.js';
import type { ArrStatus } from './arrangement.js';
import type { AfspraakStatus, MdoStatus } from './mdo.js';
import { DEFAULT_DECISION_WEEKS, type TlvKind, type TlvStatus, decisionDue, herbeoordelingDeadline } from './tlv.js';

export const TERMIJN_KINDS = [
  'arr_evaluation', 'mdo_evaluation', 'tlv_ending', 'tlv_herbeoordeling', 'tlv_decision', 'action_due',
] as const;
export type TermijnKind = (typeof TERMIJN_KINDS)[number];
export const SEVERITIES = ['overdue', 'soon', 'later'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SOON_DAYS = 14;
export const EVALUATION_HORIZON_DAYS = 30;
export const ACTION_HORIZON_DAYS = 14;
export const TLV_ENDING_MONTHS = 3;

export interface TermijnInput {
  arrangements: readonly { id: string; dossierId: string; status: ArrStatus; evaluationDates: readonly string[] }[];
  /** `done`: a later MDO already evaluated this one (the core knows). */
  mdos: readonly { id: string; dossierId: string; status: MdoStatus; evaluatiedatum: string; done: boolean }[];
  tlvs: readonly {
    id: string; dossierId: string; kind: TlvKind; status: TlvStatus; periodEnd: string;
    completeAt: string | null; submittedAt: string | null; followUpStarted: boolean;
  }[];
  actions: readonly { id: string; dossierId: string; wanneer: string; status: AfspraakStatus }[];
  decisionWeeks?: number;
}

export interface Termijn {
  kind: TermijnKind;
  dossierId: string;
  refId: string;
  due: string;
  daysLeft: number;
  severity: Severity;
}

const severityOf = (daysLeft: number): Severity => (daysLeft < 0 ? 'overdue' : daysLeft <= SOON_DAYS ? 'soon' : 'later');

export function termijnen(input: TermijnInput, today: string): Termijn[] {
  const out: Termijn[] = [];
  const push = (kind: TermijnKind, dossierId: string, refId: string, due: string) => {
    const daysLeft = diffDays(today, due);
    out.push({ kind, dossierId, refId, due, daysLeft, severity: severityOf(daysLeft) });
  };
  const within = (due: string, days: number) => due <= addDays(today, days);

  for (const a of input.arrangements) {
    if (a.status !== 'lopend' && a.status !== 'toegekend') continue;
    const dates = [...a.evaluationDates].filter(Boolean).sort();
    const last = dates[dates.length - 1];
    // Interim moments only while upcoming; the final one stays until the arrangement is evaluated.
    for (const d of dates) {
      if (d === last ? within(d, EVALUATION_HORIZON_DAYS) : d >= today && within(d, EVALUATION_HORIZON_DAYS)) {
        push('arr_evaluation', a.dossierId, a.id, d);
      }
    }
  }
  for (const m of input.mdos) {
    if (m.status !== 'vastgesteld' || m.done || !m.evaluatiedatum) continue;
    if (within(m.evaluatiedatum, EVALUATION_HORIZON_DAYS)) push('mdo_evaluation', m.dossierId, m.id, m.evaluatiedatum);
  }
  const weeks = input.decisionWeeks ?? DEFAULT_DECISION_WEEKS;
  for (const t of input.tlvs) {
    if (t.status === 'toegekend' && t.periodEnd && !t.followUpStarted && t.periodEnd >= today) {
      if (t.periodEnd <= addMonths(today, TLV_ENDING_MONTHS)) push('tlv_ending', t.dossierId, t.id, t.periodEnd);
      const deadline = herbeoordelingDeadline(t.periodEnd);
      if (today >= `${t.periodEnd.slice(0, 4)}-03-01`) push('tlv_herbeoordeling', t.dossierId, t.id, deadline);
    }
    if ((t.status === 'compleet' || t.status === 'ingediend' || t.status === 'aangehouden') && t.completeAt) {
      push('tlv_decision', t.dossierId, t.id, decisionDue(t.completeAt, weeks));
    }
  }
  for (const a of input.actions) {
    if (a.status !== 'open' || !a.wanneer) continue;
    if (within(a.wanneer, ACTION_HORIZON_DAYS)) push('action_due', a.dossierId, a.id, a.wanneer);
  }
  return out.sort((x, y) =>
    x.due < y.due ? -1 : x.due > y.due ? 1 : x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : x.refId < y.refId ? -1 : 1);
}
