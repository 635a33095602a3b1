// TLV (toelaatbaarheidsverklaring) applications: vocabulary, default period, the completeness
// check (two separate deskundigenadviezen are required by law) and the decision clock.
import { addDays } from './calendar.js';
import { todayInAmsterdam } from './validation.js';

export const TLV_TYPES = ['sbo', 'so', 'vso', 'pro', 'bovenschools'] as const;
export type TlvType = (typeof TLV_TYPES)[number];
export const TLV_KINDS = ['eerste_aanvraag', 'herbeoordeling', 'verlenging'] as const;
export type TlvKind = (typeof TLV_KINDS)[number];
/** `aanvullen`: the commission's secretary sent it back with what is missing; editable like a concept. */
export const TLV_STATUSES = ['concept', 'compleet', 'ingediend', 'aanvullen', 'toegekend', 'afgewezen', 'aangehouden'] as const;
/** Statuses in which the submitter may still edit the application. */
export const TLV_EDITABLE: readonly TlvStatus[] = ['concept', 'aanvullen'];
export type TlvStatus = (typeof TLV_STATUSES)[number];
/** Default bekostigingscategorieën; the labels are configurable per association. */
export const DEFAULT_CATEGORIES = ['laag', 'midden', 'hoog'] as const;
export const REQUIRED_DOCUMENTS = ['onderwijskundig_rapport', 'opp', 'ondersteuningshistorie', 'recent_verslag'] as const;
/** Documents that need the date of the report itself (recency is judged by the commission). */
export const DATED_DOCUMENTS: readonly string[] = ['recent_verslag'];
export const DEFAULT_DECISION_WEEKS = 6;
export const TLV_CONSENT = ['instemming', 'geen_instemming', 'nog_niet_gevraagd'] as const;

/** The next 31 July on or after `start` (a start after 31 July ends 31 July of the next year). */
export function defaultPeriodEnd(start: string): string {
  const y = Number(start.slice(0, 4));
  return start.slice(5) <= '07-31' ? `${y}-07-31` : `${y + 1}-07-31`;
}

/** A herbeoordeling must be decided before 15 April of the year the TLV ends. */
export const herbeoordelingDeadline = (periodEnd: string): string => `${periodEnd.slice(0, 4)}-04-15`;

/**
 * Decision due: `weeks` × 7 calendar days after the Amsterdam day the file became complete.
 * `completeAt` may be a date or a UTC instant (23:30Z in summer is already the next day in Amsterdam).
 */
export const decisionDue = (completeAt: string, weeks: number = DEFAULT_DECISION_WEEKS): string =>
  addDays(completeAt.length > 10 ? todayInAmsterdam(new Date(completeAt)) : completeAt, weeks * 7);

export interface TlvAdviceFacts { name: string; discipline: string; date: string; advice: string; attachmentId: string | null }
export interface TlvDocumentFacts { key: string; attachmentIds: readonly string[]; date: string }
export interface TlvFacts {
  requiredDocuments: readonly string[];
  documents: readonly TlvDocumentFacts[];
  advices: readonly TlvAdviceFacts[];
  parentsView: string;
  consent: { besluit: (typeof TLV_CONSENT)[number]; datum: string };
  childView: string;
}

/** Missing items as `{ path, key }` (keys under `validation.`); empty = complete. */
export function completeness(app: TlvFacts): { path: string; key: string }[] {
  const out: { path: string; key: string }[] = [];
  for (const i of [0, 1]) {
    const a = app.advices[i];
    const p = `advices.${i}`;
    if (!a) { out.push({ path: p, key: 'tlv_advice_missing' }); continue; }
    if (!a.name.trim()) out.push({ path: `${p}.name`, key: 'tlv_advice_name' });
    if (!a.discipline.trim()) out.push({ path: `${p}.discipline`, key: 'tlv_advice_discipline' });
    if (!a.date) out.push({ path: `${p}.date`, key: 'tlv_advice_date' });
    if (!a.advice.trim()) out.push({ path: `${p}.advice`, key: 'tlv_advice_text' });
    if (!a.attachmentId) out.push({ path: `${p}.attachmentId`, key: 'tlv_advice_attachment' });
  }
  const [a0, a1] = app.advices;
  if (a0 && a1 && a0.name.trim() && a0.name.trim().toLowerCase() === a1.name.trim().toLowerCase()) {
    out.push({ path: 'advices.1.name', key: 'tlv_advice_same_expert' });
  }
  for (const key of app.requiredDocuments) {
    const d = app.documents.find((x) => x.key === key);
    if (!d || d.attachmentIds.length === 0) out.push({ path: `documents.${key}`, key: 'tlv_document_missing' });
    if (DATED_DOCUMENTS.includes(key) && !d?.date) out.push({ path: `documents.${key}.date`, key: 'tlv_document_date' });
  }
  if (!app.parentsView.trim()) out.push({ path: 'parentsView', key: 'tlv_parents_view' });
  if (app.consent.besluit === 'nog_niet_gevraagd' || !app.consent.datum) out.push({ path: 'consent', key: 'tlv_consent' });
  if (!app.childView.trim()) out.push({ path: 'childView', key: 'tlv_child_view' });
  return out;
}
