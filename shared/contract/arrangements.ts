// Arrangements (route 1/2/3): drafted offline, submitted, decided, evaluated; budgets per werkgebied.
// Money is integer cents, hours integer hundredths, dates YYYY-MM-DD.
import { z } from 'zod';
import {
  ARR_SORT_FIELDS, ARR_STATUSES, GOAL_RESULTS, INZET_TYPES, INZET_UNITS, PUPIL_SCOPES, ROUTES, TARGETS,
} from '../domain/arrangement.js';
import { BUDGET_WARNINGS, BUDGET_YEAR_KINDS } from '../domain/budget.js';
import { isValidIsoDate, requiredText, trimmed } from '../domain/validation.js';
import { def, idSchema, instantSchema } from './common.js';
import { decisionSchema, sendBackSchema } from './commission.js';
import { consentSchema, pdfSchema } from './mdo.js';

const TEXT = 20_000;
const optionalDate = z.string().trim().refine((s) => s === '' || isValidIsoDate(s), { message: 'date_invalid' });
const requiredDate = z.string().trim().refine(isValidIsoDate, { message: 'date_invalid' });
const cents = z.number().int({ message: 'amount_invalid' }).min(0, { message: 'amount_invalid' }).max(1e12, { message: 'amount_too_large' });
const budgetYearKey = z.string().regex(/^\d{4}(-\d{4})?$/, { message: 'invalid' });

export const goalInputSchema = z.object({
  id: idSchema.optional(),
  /** SMART: what, the observable result, and by when. */
  wat: requiredText(1000),
  resultaat: trimmed(2000),
  wanneer: optionalDate,
});

export const inzetLineInputSchema = z.object({
  id: idSchema.optional(),
  type: z.enum(INZET_TYPES, { message: 'choose_option' }),
  typeOther: trimmed(80),
  provider: trimmed(200),
  unit: z.enum(INZET_UNITS, { message: 'choose_option' }),
  /** Hundredths of an hour per week (2,5 uur → 250); 0 for `vast`. */
  hoursPerWeekCenti: z.number().int({ message: 'hours_invalid' }).min(0, { message: 'hours_invalid' }).max(6000, { message: 'hours_invalid' }),
  weeks: z.number().int({ message: 'weeks_invalid' }).min(0, { message: 'weeks_invalid' }).max(104, { message: 'weeks_invalid' }),
  /** Per hour for `uur`; the fixed amount for `vast`. */
  rateCents: cents,
});

export const pupilRefSchema = z.object({ dossierId: idSchema.nullable(), schoolId: idSchema.nullable(), label: trimmed(160) });

/** Everything a consultant edits on an arrangement concept. */
export const arrangementInputSchema = z
  .object({
    title: requiredText(200),
    dossierId: idSchema.nullable(),
    werkgebiedId: idSchema,
    schoolId: idSchema.nullable(),
    route: z.literal(ROUTES, { message: 'choose_option' }),
    targets: z.array(z.enum(TARGETS, { message: 'choose_option' })).min(1, { message: 'arr_target_required' }).max(4),
    pupilScope: z.enum(PUPIL_SCOPES, { message: 'choose_option' }),
    /** Dossiers or, for a group, a count/label per school. */
    pupils: z.array(pupilRefSchema).max(500, { message: 'too_many' }),
    pupilCount: z.number().int().min(0).max(10_000),
    ondersteuningsvraag: trimmed(TEXT),
    goals: z.array(goalInputSchema).max(30, { message: 'too_many' }),
    inzet: z.array(inzetLineInputSchema).max(50, { message: 'too_many' }),
    startDate: requiredDate,
    endDate: requiredDate,
    evaluationDates: z.array(requiredDate).max(12, { message: 'too_many' }),
    /** The MDO this arrangement came from. */
    mdoId: idSchema.nullable(),
    toelichting: trimmed(TEXT),
    /** The parents' and the child's view, for the commission (pre-filled from the MDO). */
    parentsView: trimmed(TEXT).default(''),
    childView: trimmed(TEXT).default(''),
  })
  .refine((a) => !a.startDate || !a.endDate || a.endDate >= a.startDate, { path: ['endDate'], message: 'period_end_before_start' })
  .refine((a) => a.pupilScope !== 'groep_werkgebied' || a.route === 2, { path: ['pupilScope'], message: 'arr_scope_route2' });
export type ArrangementInput = z.input<typeof arrangementInputSchema>;

export const transitionSchema = z.object({
  from: z.enum(ARR_STATUSES), to: z.enum(ARR_STATUSES), at: instantSchema, byName: z.string(), reason: z.string(),
});

export const evaluationInputSchema = z.object({
  goals: z.array(z.object({ goalId: idSchema, result: z.enum(GOAL_RESULTS, { message: 'choose_option' }), toelichting: trimmed(4000) })),
  effectLeerkrachtTeam: trimmed(TEXT),
  visieKind: trimmed(TEXT),
  vervolgstap: requiredText(TEXT),
  /** Actual spend per budget year key, when known (replaces the pro-rata estimate). */
  actuals: z.array(z.object({ yearKey: budgetYearKey, cents })).max(5),
});

export const arrangementSchema = z.object({
  ...arrangementInputSchema.shape,
  id: idSchema,
  status: z.enum(ARR_STATUSES),
  revision: z.number().int(),
  goals: z.array(goalInputSchema.extend({ id: idSchema })),
  inzet: z.array(inzetLineInputSchema.extend({ id: idSchema, costCents: z.number().int() })),
  totalCents: z.number().int(),
  /** Key of the budget year of the start date (`2026-2027` or `2026`). */
  budgetYear: z.string(),
  /** Amount per budget year (pro rata by days when the period spans years). */
  perYear: z.array(z.object({ yearKey: z.string(), cents: z.number().int() })),
  warnings: z.array(z.enum(['period_over_one_year', ...BUDGET_WARNINGS])),
  history: z.array(transitionSchema),
  evaluation: evaluationInputSchema.extend({ at: instantSchema, byName: z.string() }).nullable(),
  decision: z.object({ decidedAt: z.string(), note: z.string() }).nullable(),
  /** The commission's decision, when it went through the commission. */
  commissionDecision: decisionSchema.nullable(),
  /** The commission's last "aanvullen" request. */
  sendBack: sendBackSchema.nullable(),
  /** Parents' consent (from the MDO or recorded here). */
  consent: z.array(consentSchema),
  followUpOf: idSchema.nullable(),
  followedBy: idSchema.nullable(),
  dossierName: z.string(),
  werkgebiedName: z.string(),
  schoolName: z.string(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Arrangement = z.infer<typeof arrangementSchema>;

export const arrangementRowSchema = z.object({
  id: idSchema,
  title: z.string(),
  route: z.literal(ROUTES),
  targets: z.array(z.enum(TARGETS)),
  status: z.enum(ARR_STATUSES),
  dossierId: idSchema.nullable(),
  dossierName: z.string(),
  werkgebiedId: idSchema,
  werkgebiedName: z.string(),
  schoolName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  totalCents: z.number().int(),
  updatedAt: instantSchema,
});

const snapshotSchema = z.object({ allocatedCents: z.number().int(), committedCents: z.number().int(), remainingCents: z.number().int() });
export const budgetEffectSchema = z.object({
  yearKey: z.string(), before: snapshotSchema, after: snapshotSchema, warnings: z.array(z.enum(BUDGET_WARNINGS)),
});

export const budgetSettingsSchema = z.object({
  yearKind: z.enum(BUDGET_YEAR_KINDS, { message: 'choose_option' }),
  /** Maximum per arrangement; null = no cap. */
  capCents: cents.nullable(),
  /** Labels of the TLV categories, keyed by category key (default laag/midden/hoog). */
  tlvCategories: z.array(z.object({ key: z.string().regex(/^[a-z0-9_]{1,30}$/, { message: 'invalid' }), label: requiredText(80) }))
    .min(1, { message: 'required' }).max(10, { message: 'too_many' }),
  decisionWeeks: z.number().int().min(1, { message: 'invalid' }).max(26, { message: 'invalid' }),
  /** Extra required TLV documents beyond the default list. */
  extraTlvDocuments: z.array(z.object({ key: z.string().regex(/^[a-z0-9_]{1,40}$/), label: requiredText(120) })).max(20),
});

/** KPI shares in basis points (10000 = 100%); null when there is nothing to divide by. */
export const kpisSchema = z.object({
  route3Share: z.number().int().nullable(),
  individualGroupShare: z.number().int().nullable(),
  teacherTeamShare: z.number().int().nullable(),
  route3Ok: z.boolean().nullable(),
  individualGroupOk: z.boolean().nullable(),
  teacherTeamOk: z.boolean().nullable(),
});
export const budgetLineSchema = z.object({
  allocatedCents: z.number().int(), committedCents: z.number().int(), spentCents: z.number().int(),
  remainingCents: z.number().int(), kpis: kpisSchema,
});

export const arrangementsContract = {
  'arrangements:list': def(
    z.object({
      werkgebiedId: idSchema.optional(), schoolId: idSchema.optional(), dossierId: idSchema.optional(),
      route: z.literal(ROUTES).optional(), status: z.array(z.enum(ARR_STATUSES)).optional(), target: z.enum(TARGETS).optional(),
      sort: z.enum(ARR_SORT_FIELDS).default('updatedAt'), dir: z.enum(['asc', 'desc']).default('desc'),
      offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100),
    }),
    z.object({ rows: z.array(arrangementRowSchema), totals: z.object({ count: z.number().int(), totalCents: z.number().int() }) }),
  ),
  'arrangements:get': def(z.object({ id: idSchema }), arrangementSchema),
  /** From an MDO, the core pre-fills goals from its cruciale doelen/afspraken when `goals` is empty. */
  'arrangements:create': def(z.object({ arrangement: arrangementInputSchema, fromMdoId: idSchema.optional() }), arrangementSchema),
  /** Autosave of a concept; anything past concept is `conflict` (errors.arr_not_concept). */
  'arrangements:save': def(z.object({ id: idSchema, baseRevision: z.number().int(), arrangement: arrangementInputSchema }), arrangementSchema),
  /** Illegal moves: `validation` with the key of `canTransition`. */
  'arrangements:transition': def(
    z.object({ id: idSchema, baseRevision: z.number().int(), to: z.enum(ARR_STATUSES), note: trimmed(4000) }),
    arrangementSchema,
  ),
  /** Records the evaluation and moves lopend → geevalueerd. */
  'arrangements:evaluate': def(z.object({ id: idSchema, baseRevision: z.number().int(), evaluation: evaluationInputSchema }), arrangementSchema),
  /** geevalueerd → verlengd, and returns the new linked concept (followUpOf = id). */
  'arrangements:extend': def(z.object({ id: idSchema, baseRevision: z.number().int(), note: trimmed(4000) }), arrangementSchema),
  'arrangements:budgetEffect': def(
    z.object({ werkgebiedId: idSchema, amountCents: cents, startDate: optionalDate.optional(), excludeId: idSchema.optional() }),
    budgetEffectSchema,
  ),
  'arrangements:pdf': def(z.object({ id: idSchema }), pdfSchema),
  'budgets:settings': def(z.object({}).strict(), budgetSettingsSchema),
  'budgets:saveSettings': def(budgetSettingsSchema, budgetSettingsSchema),
  'budgets:list': def(
    z.object({ year: budgetYearKey }),
    z.object({
      year: z.object({ key: z.string(), start: z.string(), end: z.string() }),
      werkgebieden: z.array(budgetLineSchema.extend({ werkgebiedId: idSchema, werkgebiedName: z.string() })),
      association: budgetLineSchema,
    }),
  ),
  'budgets:setAllocation': def(
    z.object({ werkgebiedId: idSchema, year: budgetYearKey, allocatedCents: cents }),
    z.object({ werkgebiedId: idSchema, year: z.string(), allocatedCents: z.number().int() }),
  ),
} as const;
