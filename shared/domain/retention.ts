// Retention (bewaartermijnen): when a closed dossier, or the TLV data inside a dossier, must be
// destroyed. Pure rules over dates; the repositories feed them, the purge acts on them.
// The precise rules are written down in docs/retention.md.
import { addYears } from './calendar.js';
import type { Role } from './dossier.js';
import { todayInAmsterdam } from './validation.js';

export const RETENTION_RULES = ['dossier_closed', 'tlv'] as const;
export type RetentionRule = (typeof RETENTION_RULES)[number];
/** The terms the law and the sector's guidance allow for TLV data (domain notes: "3 or 7 years"). */
export const TLV_YEARS = [3, 7] as const;
/** Roles that may destroy: the consultant (own werkgebieden) and the secretary (the association); checked by core and store. */
export const RETENTION_PURGE_ROLES: readonly Role[] = ['consulent', 'secretaris'];

export interface RetentionSettings {
  /** Years after a dossier was closed (pupil left or support ended). */
  dossierClosedYears: number;
  /** Years after a TLV ended (toegekend: its period end) or was refused (the decision date). */
  tlvYears: (typeof TLV_YEARS)[number];
}

/**
 * Defaults: 2 years after closing (the domain notes: "pupil support data typically 2 years after leaving");
 * 7 years for TLV data, the longer of the two terms, because a TLV is the ground of funding that the
 * accountant may ask for (fiscale bewaarplicht); an association that does not need it sets 3.
 */
export const DEFAULT_RETENTION: RetentionSettings = { dossierClosedYears: 2, tlvYears: 7 };

/** A TLV as the rules need it. `decisionDate`: the commission's decision day (YYYY-MM-DD), if decided. */
export interface TlvFacts {
  id: string;
  status: string;
  periodEnd: string;
  decisionDate: string | null;
}
export interface DossierFacts {
  id: string;
  status: string;
  /** UTC instant of closing; null while open. */
  closedAt: string | null;
  tlvs: readonly TlvFacts[];
}

/** The day a TLV's term starts: the end of a granted TLV, the decision on a refused one; else none (in process). */
export function tlvTermStart(t: TlvFacts): string | null {
  if (t.status === 'toegekend') return t.periodEnd;
  if (t.status === 'afgewezen') return t.decisionDate;
  return null;
}

/** The first day on which the TLV's data may (and must) be destroyed; null while the TLV is in process. */
export function tlvDueDate(t: TlvFacts, s: RetentionSettings): string | null {
  const start = tlvTermStart(t);
  return start ? addYears(start, s.tlvYears) : null;
}

/** The first day after the dossier term (closed + N years, Amsterdam day; 29 Feb → 28 Feb); null while open. */
export function dossierTermEnd(d: DossierFacts, s: RetentionSettings): string | null {
  if (d.status !== 'afgesloten' || !d.closedAt) return null;
  const closedDay = d.closedAt.length > 10 ? todayInAmsterdam(new Date(d.closedAt)) : d.closedAt;
  return addYears(closedDay, s.dossierClosedYears);
}

export type DossierVerdict =
  | { due: true; rule: 'dossier_closed'; since: string }
  /** The dossier's own term passed, but a TLV inside it is still kept: the whole dossier waits. */
  | { due: false; reason: 'open' | 'within_term' | 'tlv_kept'; until: string | null };

/**
 * A dossier is destroyed as a whole when it is closed, its term has passed, and no TLV in it is still
 * within its own term (a TLV in process keeps it too). `since` is the day it became due: the latest of
 * the dossier's term end and the TLVs' due dates.
 */
export function dossierVerdict(d: DossierFacts, s: RetentionSettings, today: string): DossierVerdict {
  const end = dossierTermEnd(d, s);
  if (!end) return { due: false, reason: 'open', until: null };
  if (today < end) return { due: false, reason: 'within_term', until: end };
  let since = end;
  for (const t of d.tlvs) {
    const due = tlvDueDate(t, s);
    // A TLV still in process after the dossier was closed: kept until it is decided (the commission's file).
    if (!due) return { due: false, reason: 'tlv_kept', until: null };
    if (today < due) return { due: false, reason: 'tlv_kept', until: due };
    if (due > since) since = due;
  }
  return { due: true, rule: 'dossier_closed', since };
}

/** TLVs whose own term has passed, also inside a dossier that stays (open, or closed but within its term). */
export function dueTlvs(d: DossierFacts, s: RetentionSettings, today: string): { id: string; since: string }[] {
  const out: { id: string; since: string }[] = [];
  for (const t of d.tlvs) {
    const due = tlvDueDate(t, s);
    if (due && today >= due) out.push({ id: t.id, since: due });
  }
  return out;
}

/** Initials for roles that may not see names ("J.d.V."): enough to recognise, too little to identify. */
export function initialsOf(voornaam: string, tussenvoegsel: string, achternaam: string): string {
  const parts = [voornaam, ...tussenvoegsel.split(/\s+/), achternaam].filter((p) => p.trim() !== '');
  return parts.map((p) => `${p.trim().charAt(0)}.`).join('');
}

/** The rules as stored (association_settings 'retention', JSON), over the defaults. */
export function retentionSettingsOf(raw: string | null | undefined): RetentionSettings {
  if (!raw) return DEFAULT_RETENTION;
  const stored = JSON.parse(raw) as Partial<RetentionSettings>;
  return { ...DEFAULT_RETENTION, ...stored };
}

/** A TLV row (local table or wire row) as the rules need it; `decision` is the commission's decision JSON. */
export function tlvFactsOfRow(r: { id: unknown; status: unknown; period_end: unknown; decision: unknown }): TlvFacts {
  let decisionDate: string | null = null;
  if (typeof r.decision === 'string' && r.decision) {
    const d = JSON.parse(r.decision) as { datum?: unknown };
    if (typeof d.datum === 'string' && d.datum) decisionDate = d.datum;
  }
  return { id: String(r.id), status: String(r.status), periodEnd: String(r.period_end), decisionDate };
}
