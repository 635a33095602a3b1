// The arrangement as the form holds it: amounts and hours as the user typed them ("2,5", "52,50"),
// parsed with the shared money rules. The editor is the generic AutosaveEditor over arrangements:save.
import {
  arrangementInputSchema, type Arrangement, type ArrangementInput, type Dossier,
} from '../../../../shared/contract/index.js';
import { EDITABLE_STATUSES, type InzetType, type InzetUnit, type Route, type Target } from '../../../../shared/domain/arrangement.js';
import { addMonths } from '../../../../shared/domain/calendar.js';
import { formatDecimal, lineCostCents, parseDecimal, totalCents } from '../../../../shared/domain/money.js';
import { issuesOf, todayInAmsterdam } from '../../../../shared/domain/validation.js';
import { AutosaveEditor } from '../../components/autosave.js';
import type { Transport } from '../../transport/transport.js';

let keySeq = 0;
const newKey = () => `a${++keySeq}`;

export interface GoalDraft { key: string; id?: string; wat: string; resultaat: string; wanneer: string }
export interface InzetDraft {
  key: string; id?: string; type: InzetType | ''; typeOther: string; provider: string; unit: InzetUnit;
  hours: string; weeks: string; rate: string;
}
export interface ArrDraft {
  title: string; route: Route; targets: Target[]; pupilScope: ArrangementInput['pupilScope'];
  /** As typed; for a group the number of pupils, and for a group across the werkgebied its schools. */
  pupilCount: string; schoolIds: string[];
  ondersteuningsvraag: string; toelichting: string; startDate: string; endDate: string;
  /** For the commission: the parents' view and the child's opinion. */
  parentsView: string; childView: string;
  evaluationDates: { key: string; date: string }[]; goals: GoalDraft[]; inzet: InzetDraft[];
}

/** Defaults for a new arrangement of a dossier: route 1, aimed at the child, today → +6 months. */
export function newArrangementInput(dossier: Dossier, title: string, now = new Date()): ArrangementInput {
  const start = todayInAmsterdam(now);
  return {
    title, dossierId: dossier.id, werkgebiedId: dossier.werkgebiedId, schoolId: dossier.schoolId, route: 1,
    targets: ['kind'], pupilScope: 'een_leerling', pupils: [{ dossierId: dossier.id, schoolId: dossier.schoolId, label: '' }],
    pupilCount: 1, ondersteuningsvraag: '', goals: [], inzet: [], startDate: start, endDate: addMonths(start, 6),
    evaluationDates: [], mdoId: null, toelichting: '',
  };
}

/** Defaults for an innovation project (route 3): no pupil dossier, aimed at the team, today → +6 months. */
export function newInnovationInput(werkgebiedId: string, title: string, now = new Date()): ArrangementInput {
  const start = todayInAmsterdam(now);
  return {
    title, dossierId: null, werkgebiedId, schoolId: null, route: 3, targets: ['team'], pupilScope: 'groep_school', pupils: [],
    pupilCount: 0, ondersteuningsvraag: '', goals: [], inzet: [], startDate: start, endDate: addMonths(start, 6),
    evaluationDates: [], mdoId: null, toelichting: '',
  };
}

export function draftFromArrangement(a: Arrangement): ArrDraft {
  return {
    title: a.title, route: a.route, targets: [...a.targets], pupilScope: a.pupilScope,
    pupilCount: String(a.pupilCount), schoolIds: [...new Set(a.pupils.flatMap((p) => (p.schoolId ? [p.schoolId] : [])))],
    ondersteuningsvraag: a.ondersteuningsvraag ?? '', toelichting: a.toelichting ?? '', startDate: a.startDate, endDate: a.endDate,
    parentsView: a.parentsView ?? '', childView: a.childView ?? '',
    evaluationDates: a.evaluationDates.map((date) => ({ key: newKey(), date })),
    goals: a.goals.map((g) => ({ key: newKey(), id: g.id, wat: g.wat, resultaat: g.resultaat ?? '', wanneer: g.wanneer })),
    inzet: a.inzet.map((l) => ({
      key: newKey(), id: l.id, type: l.type, typeOther: l.typeOther ?? '', provider: l.provider ?? '', unit: l.unit,
      hours: l.unit === 'uur' ? formatDecimal(l.hoursPerWeekCenti, 2) : '', weeks: l.unit === 'uur' ? String(l.weeks) : '',
      rate: formatDecimal(l.rateCents, 2),
    })),
  };
}

const int = (s: string): number => (/^\s*\d+\s*$/.test(s) ? Number(s) : -1);

/** Parsed numbers of a line; -1 where the text is not a number (the schema then names the field). */
export function parseLine(l: InzetDraft) {
  const vast = l.unit === 'vast';
  return {
    hoursPerWeekCenti: vast ? 0 : (parseDecimal(l.hours, 2) ?? -1),
    weeks: vast ? 0 : int(l.weeks),
    rateCents: parseDecimal(l.rate, 2) ?? -1,
  };
}

/** The line's cost, or null while a number is missing or invalid. */
export function lineCost(l: InzetDraft): number | null {
  const p = parseLine(l);
  if (p.hoursPerWeekCenti < 0 || p.weeks < 0 || p.rateCents < 0) return null;
  return lineCostCents({ unit: l.unit, ...p });
}

export const draftTotal = (d: ArrDraft): number =>
  totalCents(d.inzet.map((l) => ({ unit: l.unit, ...parseLine(l) })).filter((l) => l.hoursPerWeekCenti >= 0 && l.weeks >= 0 && l.rateCents >= 0));

export function toArrangementInput(d: ArrDraft, saved: Arrangement): ArrangementInput {
  return {
    title: d.title, dossierId: saved.dossierId, werkgebiedId: saved.werkgebiedId, schoolId: saved.schoolId, route: d.route,
    targets: d.targets, pupilScope: d.pupilScope, pupils: pupilsOf(d, saved), pupilCount: d.pupilScope === 'een_leerling' ? 1 : int(d.pupilCount),
    ondersteuningsvraag: d.ondersteuningsvraag, toelichting: d.toelichting, startDate: d.startDate, endDate: d.endDate,
    parentsView: d.parentsView, childView: d.childView,
    evaluationDates: d.evaluationDates.map((e) => e.date), mdoId: saved.mdoId,
    goals: d.goals.map(({ key: _k, id, ...g }) => ({ ...(id ? { id } : {}), ...g })),
    inzet: d.inzet.map(({ key: _k, id, type, hours: _h, weeks: _w, rate: _r, ...l }, i) => ({
      ...(id ? { id } : {}), ...l, type: type as InzetType, ...parseLine(d.inzet[i]!),
    })),
  };
}

/**
 * Pupils: the dossier(s) the arrangement was made for stay; a group across the werkgebied adds one entry
 * per participating school (no names: a group is counted, not listed).
 */
function pupilsOf(d: ArrDraft, saved: Arrangement): ArrangementInput['pupils'] {
  const linked = saved.pupils.filter((p) => p.dossierId);
  if (d.pupilScope !== 'groep_werkgebied') return linked;
  const covered = new Set(linked.map((p) => p.schoolId));
  return [...linked, ...d.schoolIds.filter((s) => !covered.has(s)).map((schoolId) => ({ dossierId: null, schoolId, label: '' }))];
}

export type ArrEditor = AutosaveEditor<ArrDraft, Arrangement>;

export function createArrEditor(transport: Transport, initial: Arrangement, delayMs?: number): ArrEditor {
  const validate = (d: ArrDraft, saved: Arrangement) => {
    const parsed = arrangementInputSchema.safeParse(toArrangementInput(d, saved));
    const out: Record<string, string> = {};
    if (!parsed.success) for (const issue of issuesOf(parsed.error)) out[issue.path] ??= issue.key;
    return out;
  };
  let current = initial;
  return new AutosaveEditor<ArrDraft, Arrangement>(
    {
      toDraft: (a) => ((current = a), draftFromArrangement(a)),
      validate: (d) => validate(d, current),
      send: (draft, saved) =>
        transport.call('arrangements:save', { id: saved.id, baseRevision: saved.revision, arrangement: toArrangementInput(draft, saved) }),
      readOnly: (a) => !EDITABLE_STATUSES.includes(a.status),
      adopt: (cur, sent, saved) => {
        current = saved;
        const fill = <T extends { key: string; id?: string }>(rows: T[], sentRows: T[], ids: { id: string }[]) => {
          const m = new Map<string, string>();
          sentRows.forEach((r, i) => !r.id && ids[i] && m.set(r.key, ids[i].id));
          return rows.map((r) => (!r.id && m.has(r.key) ? { ...r, id: m.get(r.key)! } : r));
        };
        return { ...cur, goals: fill(cur.goals, sent.goals, saved.goals), inzet: fill(cur.inzet, sent.inzet, saved.inzet) };
      },
    },
    initial,
    delayMs,
  );
}

export const emptyGoal = (): GoalDraft => ({ key: newKey(), wat: '', resultaat: '', wanneer: '' });
export const emptyLine = (): InzetDraft => ({
  key: newKey(), type: '', typeOther: '', provider: '', unit: 'uur', hours: '', weeks: '', rate: '',
});
export const newDateRow = (date = '') => ({ key: newKey(), date });
export const arrFieldId = (path: string) => `a-${path.replace(/\./g, '-')}`;
