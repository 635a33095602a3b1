// The Commissie van Toewijzing: what lands in the secretary's inbox, the association's
// completeness rules, the decision clock, TLV numbering, pseudonymisation of meeting packs and the
// bezwaar deadline on decision letters. Pure: the core enforces and the screens explain the same rules.
import { addDays, addMonths, diffDays } from './calendar.js';
import { foldSpecialLetters } from './dossier.js';
import { completeness, type TlvFacts } from './tlv.js';

export const COMMISSION_SUBJECTS = ['tlv', 'arrangement'] as const;
export type CommissionSubject = (typeof COMMISSION_SUBJECTS)[number];
export const DECISIONS = ['toegekend', 'afgewezen', 'aangehouden'] as const;
export type Decision = (typeof DECISIONS)[number];
/** A meeting is `afgerond` once its notulen are vastgesteld; nothing on it changes after that. */
export const MEETING_STATUSES = ['gepland', 'afgerond'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const NOTULEN_STATUSES = ['concept', 'vastgesteld'] as const;
/** Per-case checks of the commission (domain.md §6): ontvankelijk, volledig, navolgbaar. */
export const CASE_CHECKS = ['ontvankelijk', 'volledig', 'navolgbaar'] as const;
export type CaseCheck = (typeof CASE_CHECKS)[number];
export const GUEST_KINDS = ['school', 'ouders', 'anders'] as const;
export const LETTER_RECIPIENTS = ['school', 'ouders'] as const;
export type LetterRecipient = (typeof LETTER_RECIPIENTS)[number];
export const PACK_VARIANTS = ['volledig', 'gepseudonimiseerd'] as const;
export type PackVariant = (typeof PACK_VARIANTS)[number];
/** Default member roles (configurable per association; the secretary has no vote). */
export const DEFAULT_MEMBER_ROLE_KEYS = ['voorzitter', 'orthopedagoog', 'jeugdarts', 'consulent', 'secretaris'] as const;

// ---------------------------------------------------------------------------------------------
// Completeness (the association's rules on top of the legal minimum)

export interface CompletenessRules {
  requireParentsView: boolean;
  requireConsent: boolean;
  requireChildView: boolean;
  /** The OPP may be at most this many months old on the day of the check; 0 = no age rule. */
  oppMaxAgeMonths: number;
}

export interface ArrangementFacts {
  ondersteuningsvraag: string;
  goalCount: number;
  inzetCount: number;
  /** Parents' consent decisions recorded on the arrangement. */
  consent: readonly { besluit: string }[];
  parentsView: string;
  childView: string;
}

export type SubjectFacts = { type: 'tlv'; tlv: TlvFacts & { documents: readonly { key: string; date: string }[] } } | { type: 'arrangement'; arrangement: ArrangementFacts };

export interface Missing { path: string; key: string }

/** Keys the association may switch off; the two deskundigenadviezen and the documents are the law. */
const OPTIONAL_TLV_KEYS: Record<string, keyof CompletenessRules> = {
  tlv_parents_view: 'requireParentsView',
  tlv_consent: 'requireConsent',
  tlv_child_view: 'requireChildView',
};

/**
 * What is missing before the commission can treat a case (keys under `validation.`); empty = complete.
 * `today` is the Amsterdam calendar day of the check (the OPP's age is judged on it).
 */
export function commissionCheck(subject: SubjectFacts, rules: CompletenessRules, today: string): Missing[] {
  if (subject.type === 'arrangement') {
    const a = subject.arrangement;
    const out: Missing[] = [];
    if (!a.ondersteuningsvraag.trim()) out.push({ path: 'ondersteuningsvraag', key: 'commission_arr_question' });
    if (a.goalCount === 0) out.push({ path: 'goals', key: 'commission_arr_goals' });
    if (a.inzetCount === 0) out.push({ path: 'inzet', key: 'commission_arr_inzet' });
    if (rules.requireConsent && !a.consent.some((c) => c.besluit === 'instemming')) out.push({ path: 'consent', key: 'commission_arr_consent' });
    if (rules.requireParentsView && !a.parentsView.trim()) out.push({ path: 'parentsView', key: 'commission_arr_parents_view' });
    if (rules.requireChildView && !a.childView.trim()) out.push({ path: 'childView', key: 'commission_arr_child_view' });
    return out;
  }
  const t = subject.tlv;
  const out = completeness(t).filter((m) => {
    const rule = OPTIONAL_TLV_KEYS[m.key];
    return rule === undefined || rules[rule];
  });
  if (rules.oppMaxAgeMonths > 0 && t.requiredDocuments.includes('opp')) {
    const date = t.documents.find((d) => d.key === 'opp')?.date ?? '';
    if (!date) out.push({ path: 'documents.opp.date', key: 'commission_opp_date' });
    else if (date > today) out.push({ path: 'documents.opp.date', key: 'commission_opp_future' });
    else if (addMonths(date, rules.oppMaxAgeMonths) < today) out.push({ path: 'documents.opp.date', key: 'commission_opp_too_old' });
  }
  return out;
}

/** Whether an arrangement goes to the commission: its route always does, or its amount reaches the threshold. */
export function needsCommission(a: { route: number; totalCents: number }, s: { arrangementRoutes: readonly number[]; arrangementThresholdCents: number | null }): boolean {
  return s.arrangementRoutes.includes(a.route) || (s.arrangementThresholdCents !== null && a.totalCents >= s.arrangementThresholdCents);
}

// ---------------------------------------------------------------------------------------------
// The decision clock

export const CLOCK_STATES = ['op_tijd', 'bijna', 'verlopen'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];
/** Days before the due date from which the clock shows `bijna`. */
export const CLOCK_WARNING_DAYS = 7;

/** Due = the Amsterdam day the file became complete + weeks × 7; null while not complete. */
export function decisionClock(completeDay: string | null, weeks: number, today: string): { due: string; daysLeft: number; state: ClockState } | null {
  if (!completeDay) return null;
  const due = addDays(completeDay, weeks * 7);
  const daysLeft = diffDays(today, due);
  return { due, daysLeft, state: daysLeft < 0 ? 'verlopen' : daysLeft <= CLOCK_WARNING_DAYS ? 'bijna' : 'op_tijd' };
}

// ---------------------------------------------------------------------------------------------
// TLV numbers: a pattern per association, e.g. `TLV-{jaar}-{nummer:4}` → TLV-2026-0042.
// Numbers are unique within a series (the year or school year the pattern shows, else one running
// series); devices take them from blocks the store reserved for them (db/sync/tlv-numbers.ts).

export const DEFAULT_TLV_NUMBER_PATTERN = 'TLV-{jaar}-{nummer:4}';
const TOKEN = /\{([a-z]+)(?::(\d))?\}/g;
const LITERAL = /^[A-Za-z0-9 ./_-]*$/;

/** null when usable, else the i18n key under `validation.` saying what to fix. */
export function numberPatternError(pattern: string): string | null {
  if (pattern.length === 0 || pattern.length > 60) return 'tlv_pattern_length';
  const tokens = [...pattern.matchAll(TOKEN)];
  if (!LITERAL.test(pattern.replace(TOKEN, ''))) return 'tlv_pattern_chars';
  if (tokens.some((t) => !['jaar', 'schooljaar', 'nummer'].includes(t[1]!))) return 'tlv_pattern_unknown_token';
  if (tokens.filter((t) => t[1] === 'nummer').length !== 1) return 'tlv_pattern_needs_number';
  if (tokens.some((t) => t[1] === 'jaar') && tokens.some((t) => t[1] === 'schooljaar')) return 'tlv_pattern_two_years';
  return null;
}

/** The school year (1 August – 31 July) a date falls in, as `2026-2027`. */
export function schoolYearOf(date: string): string {
  const y = Number(date.slice(0, 4));
  return date.slice(5) >= '08-01' ? `${y}-${y + 1}` : `${y - 1}-${y}`;
}

/** The series a number is counted in on `date`: the year or school year the pattern shows, else `doorlopend`. */
export function numberSeries(pattern: string, date: string): string {
  if (pattern.includes('{jaar}')) return date.slice(0, 4);
  if (pattern.includes('{schooljaar}')) return schoolYearOf(date);
  return 'doorlopend';
}

/** The series after `series` (numbers for the next year are reserved ahead, for decisions made offline around New Year). */
export function nextSeries(series: string): string | null {
  if (/^\d{4}$/.test(series)) return String(Number(series) + 1);
  const m = /^(\d{4})-(\d{4})$/.exec(series);
  return m ? `${m[2]}-${Number(m[2]) + 1}` : null;
}

export function formatTlvNumber(pattern: string, date: string, n: number): string {
  return pattern.replace(TOKEN, (_all, name: string, width?: string) => {
    if (name === 'jaar') return date.slice(0, 4);
    if (name === 'schooljaar') return schoolYearOf(date);
    return String(n).padStart(Number(width ?? 1), '0');
  });
}

// ---------------------------------------------------------------------------------------------
// Pseudonymisation for the meeting pack that goes beyond the members

export interface PupilIdentity {
  voornaam: string;
  tussenvoegsel: string;
  achternaam: string;
  /** YYYY-MM-DD */
  geboortedatum: string;
  /** Parents', carers' and other named people's names: removed from the texts too. */
  otherNames: readonly string[];
}

/** `Sanne`, `de`, `Vries` → `S.d.V.` */
export function initialsOf(p: Pick<PupilIdentity, 'voornaam' | 'tussenvoegsel' | 'achternaam'>): string {
  // The first LETTER of each part: "'t Hart" gives t.H., not '.H.
  const letter = (s: string) => [...s].find((ch) => /\p{L}/u.test(ch));
  const first = (s: string) => (letter(s) ? `${letter(s)!.toUpperCase()}.` : '');
  const mid = p.tussenvoegsel.trim().split(/\s+/).map(letter).filter(Boolean).map((ch) => `${ch!.toLowerCase()}.`).join('');
  return `${first(p.voornaam)}${mid}${first(p.achternaam)}`;
}

const MONTHS = [
  ['januari', 'jan'], ['februari', 'feb'], ['maart', 'mrt'], ['april', 'apr'], ['mei', 'mei'], ['juni', 'jun'],
  ['juli', 'jul'], ['augustus', 'aug'], ['september', 'sep'], ['oktober', 'okt'], ['november', 'nov'], ['december', 'dec'],
] as const;
/** Words that are too common to blank out on their own (tussenvoegsels). */
const PARTICLES = new Set(['de', 'den', 'der', 'van', 'het', 'te', 'ten', 'ter', 'in', 'op', "'t", 'la', 'le', 'du', 'da', 'di', 'el', 'al']);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Diacritics off, and the letters a Dutch keyboard types differently (ı → i, ø → o, ß → ss) folded.
const strip = (s: string) => foldSpecialLetters(s).normalize('NFD').replace(/\p{M}/gu, '');

/** The spellings of a birth date a person might type: 2015-03-04, 4-3-2015, 04/03/2015, 4 maart 2015, 4 mrt. 2015… */
function dateSpellings(iso: string): string[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return [];
  const [, y, mm, dd] = m as unknown as [string, string, string, string];
  const d = String(Number(dd));
  const mo = String(Number(mm));
  const out = [iso];
  for (const day of new Set([dd, d])) {
    for (const month of new Set([mm, mo])) for (const sep of ['-', '/', '.']) out.push(`${day}${sep}${month}${sep}${y}`);
    const [long, short] = MONTHS[Number(mm) - 1]!;
    out.push(`${day} ${long} ${y}`, `${day} ${short} ${y}`, `${day} ${short}. ${y}`);
  }
  return out;
}

/**
 * The text with the pupil's names, the other named people's names and the birth date replaced.
 * Matching ignores case and diacritics and respects word edges; full names go before their parts,
 * so "Sanne de Vries" becomes one replacement. Over-blanking a common word is the safe side.
 */
export function pseudonymise(text: string, who: PupilIdentity, replacement: string, dateReplacement: string, otherReplacement: string): string {
  if (!text) return text;
  const pupilFull = [who.voornaam, who.tussenvoegsel, who.achternaam].map((s) => s.trim()).filter(Boolean).join(' ');
  const pupilParts = [who.voornaam, `${who.tussenvoegsel} ${who.achternaam}`.trim(), who.achternaam, ...who.voornaam.split(/[\s-]+/), ...who.achternaam.split(/[\s-]+/)];
  const others = who.otherNames.flatMap((n) => [n, ...n.split(/[\s-]+/)]);
  // [term, replacement, is a name]: a name also takes a possessive s ("Sannes moeder", "Thomas' fiets").
  const terms: Array<[string, string, boolean]> = [];
  const add = (raw: string, rep: string) => {
    const t = raw.trim();
    if ([...t].length < 2 || PARTICLES.has(t.toLowerCase())) return;
    terms.push([t, rep, true]);
  };
  for (const s of dateSpellings(who.geboortedatum)) terms.push([s, dateReplacement, false]);
  add(pupilFull, replacement);
  for (const p of pupilParts) add(p, replacement);
  for (const o of others) add(o, otherReplacement);
  // Longest first, so a full name is replaced before its parts.
  terms.sort((a, b) => b[0].length - a[0].length);
  // Match on a diacritic-free copy, then cut the same ranges out of the original: stripping only
  // removes combining marks, so map every original index to its stripped offset.
  const map: number[] = [];
  let flat = '';
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const cp = String.fromCodePoint(code);
    const s = code < 0x80 ? cp : strip(cp); // ASCII needs no folding (most of the text)
    for (let k = 0; k < s.length; k++) map.push(i);
    flat += s;
    i += cp.length;
  }
  map.push(text.length);
  const taken: Array<[number, number, string]> = [];
  for (const [term, rep, name] of terms) {
    const suffix = name ? "(?:['’]?s)?" : '';
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(strip(term)).replace(/\\? /g, '\\s+')}${suffix}(?![\\p{L}\\p{N}])`, 'giu');
    for (const m of flat.matchAll(re)) {
      const from = m.index;
      const to = from + m[0].length;
      if (taken.some(([a, b]) => from < b && to > a)) continue;
      taken.push([from, to, rep]);
    }
  }
  taken.sort((a, b) => b[0] - a[0]);
  let out = text;
  for (const [from, to, rep] of taken) {
    out = out.slice(0, map[from]) + rep + out.slice(map[to]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Agenda and letters

/** Start times of agenda items from the meeting's start time (HH:MM) and the minutes of each item. */
export function agendaTimes(start: string, minutes: readonly number[]): string[] {
  const m = /^(\d{1,2}):(\d{2})$/.exec(start);
  let t = m ? Number(m[1]) * 60 + Number(m[2]) : 0;
  return minutes.map((min) => {
    const at = `${String(Math.floor(t / 60) % 24).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
    t += min;
    return at;
  });
}

/** The last day to lodge a bezwaar: the letter's date + weeks × 7 (Awb: six weeks by default). */
export const bezwaarDeadline = (letterDate: string, weeks: number): string => addDays(letterDate, weeks * 7);
