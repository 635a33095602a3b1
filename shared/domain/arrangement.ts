// Arrangements (route 1/2/3): vocabulary, the status machine and period rules. Pure: the UI shows
// the same reasons the core enforces.
import { addYears } from './calendar.js';
export { INZET_UNITS, type InzetUnit } from './money.js';

export const ROUTES = [1, 2, 3] as const;
export type Route = (typeof ROUTES)[number];
export const TARGETS = ['kind', 'leerkracht', 'team', 'groep'] as const;
export type Target = (typeof TARGETS)[number];
export const INZET_TYPES = [
  'inclusie_ondersteuner', 'ambulante_begeleiding', 'externe_expertise', 'extra_handen', 'materialen', 'anders',
] as const;
export type InzetType = (typeof INZET_TYPES)[number];
export const ARR_STATUSES = [
  'concept', 'ingediend', 'aanvullen', 'toegekend', 'afgewezen', 'aangehouden', 'lopend', 'geevalueerd', 'afgesloten', 'verlengd',
] as const;
export type ArrStatus = (typeof ARR_STATUSES)[number];
export const GOAL_RESULTS = ['behaald', 'deels', 'niet'] as const;
export type GoalResult = (typeof GOAL_RESULTS)[number];
/** Pupils involved: one pupil, a group at one school, or (route 2) a group across schools. */
export const PUPIL_SCOPES = ['een_leerling', 'groep_school', 'groep_werkgebied'] as const;
export const ARR_SORT_FIELDS = ['updatedAt', 'createdAt', 'startDate', 'totalCents', 'status', 'title'] as const;

/**
 * Legal moves. aangehouden → ingediend is a resubmission. afgewezen, afgesloten and verlengd are
 * terminal: a verlenging is a new linked concept (`followUpOf`), not a state change back.
 */
export const TRANSITIONS: Readonly<Record<ArrStatus, readonly ArrStatus[]>> = {
  concept: ['ingediend'],
  // aanvullen: sent back by the commission's secretary (commission:sendBack), resubmitted by the consultant.
  ingediend: ['toegekend', 'afgewezen', 'aangehouden', 'aanvullen'],
  aanvullen: ['ingediend'],
  aangehouden: ['ingediend', 'toegekend', 'afgewezen'],
  toegekend: ['lopend'],
  afgewezen: [],
  lopend: ['geevalueerd'],
  geevalueerd: ['afgesloten', 'verlengd'],
  afgesloten: [],
  verlengd: [],
};

export const TERMINAL_STATUSES: readonly ArrStatus[] = ['afgewezen', 'afgesloten', 'verlengd'];
/** A decision was taken on these: their goals/inzet are frozen. */
export const EDITABLE_STATUSES: readonly ArrStatus[] = ['concept', 'aanvullen'];

const ORDER: Record<ArrStatus, number> = {
  concept: 0, ingediend: 1, aanvullen: 1, aangehouden: 2, toegekend: 3, afgewezen: 3, lopend: 4, geevalueerd: 5, afgesloten: 6, verlengd: 6,
};

export type TransitionCheck = { ok: true } | { ok: false; key: string };

/** Why a move is not allowed, as an i18n key under `validation.`. */
export function canTransition(from: ArrStatus, to: ArrStatus): TransitionCheck {
  if (TRANSITIONS[from].includes(to)) return { ok: true };
  if (from === to) return { ok: false, key: 'arr_transition_same' };
  if (from === 'afgewezen') return { ok: false, key: 'arr_transition_rejected_final' };
  if (TERMINAL_STATUSES.includes(from)) return { ok: false, key: 'arr_transition_closed_final' };
  if (to === 'concept') return { ok: false, key: 'arr_transition_no_back_to_concept' };
  if (['toegekend', 'afgewezen', 'aangehouden'].includes(to) && from === 'concept') {
    return { ok: false, key: 'arr_transition_submit_first' };
  }
  if (to === 'lopend') return { ok: false, key: 'arr_transition_grant_first' };
  if (to === 'geevalueerd') return { ok: false, key: 'arr_transition_start_first' };
  if (to === 'afgesloten' || to === 'verlengd') return { ok: false, key: 'arr_transition_evaluate_first' };
  if (ORDER[to] < ORDER[from]) return { ok: false, key: 'arr_transition_backwards' };
  return { ok: false, key: 'arr_transition_not_allowed' };
}

/** Validation keys for a period; empty when fine. */
export function periodErrors(start: string, end: string): string[] {
  return start && end && end < start ? ['period_end_before_start'] : [];
}

/** Warnings (not blocking): a period longer than one year (start + 1 year, day for day). */
export function periodWarnings(start: string, end: string): 'period_over_one_year'[] {
  return start && end && end > addYears(start, 1) ? ['period_over_one_year'] : [];
}

/** "individual+group": aimed only at the child and/or the group, not at the teacher or team. */
export const isIndividualGroup = (targets: readonly Target[]): boolean =>
  targets.length > 0 && targets.every((t) => t === 'kind' || t === 'groep');
export const strengthensTeacherTeam = (targets: readonly Target[]): boolean =>
  targets.includes('leerkracht') || targets.includes('team');
