// The Commissie van Toewijzing: inbox with completeness checks, meetings with an agenda, meeting
// packs (full and pseudonymised), decisions with TLV numbers, decision letters and notulen.
import { z } from 'zod';
import { ROUTES } from '../domain/arrangement.js';
import {
  CASE_CHECKS, CLOCK_STATES, COMMISSION_SUBJECTS, DECISIONS, GUEST_KINDS, LETTER_RECIPIENTS, MEETING_STATUSES,
  NOTULEN_STATUSES, PACK_VARIANTS, numberPatternError,
} from '../domain/commission.js';
import { isValidIsoDate, requiredText, trimmed } from '../domain/validation.js';
import { def, emptyInput, fieldIssueSchema, idSchema, instantSchema } from './common.js';
import { pdfSchema } from './mdo.js';

const TEXT = 20_000;
const requiredDate = z.string().trim().refine(isValidIsoDate, { message: 'date_invalid' });
const time = z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time_invalid' });
const cents = z.number().int({ message: 'amount_invalid' }).min(0, { message: 'amount_invalid' }).max(1e12, { message: 'amount_too_large' });
const roleKey = z.string().regex(/^[a-z0-9_]{1,30}$/, { message: 'invalid' });

// ---------------------------------------------------------------------------------------------
// Settings (synced for the whole association: `association_settings` key 'commission')

export const commissionSettingsSchema = z.object({
  rules: z.object({
    requireParentsView: z.boolean(),
    requireConsent: z.boolean(),
    requireChildView: z.boolean(),
    /** 0 = no age rule. */
    oppMaxAgeMonths: z.number().int().min(0, { message: 'invalid' }).max(60, { message: 'invalid' }),
  }),
  /** Arrangements on these routes always go to the commission. */
  arrangementRoutes: z.array(z.literal(ROUTES)).max(3),
  /** Arrangements of at least this amount go to the commission; null = no amount rule. */
  arrangementThresholdCents: cents.nullable(),
  /** e.g. `TLV-{jaar}-{nummer:4}`; tokens {jaar}, {schooljaar}, {nummer} or {nummer:N}. */
  tlvNumberPattern: z.string().trim().superRefine((p, c) => {
    const key = numberPatternError(p);
    if (key) c.addIssue({ code: 'custom', message: key });
  }),
  memberRoles: z.array(z.object({ key: roleKey, label: requiredText(80), voting: z.boolean() }))
    .min(1, { message: 'required' }).max(12, { message: 'too_many' }),
  defaultItemMinutes: z.number().int().min(5, { message: 'invalid' }).max(120, { message: 'invalid' }),
  /** Where and how to lodge a bezwaar, printed on every decision letter. */
  bezwaar: z.object({
    instantie: requiredText(200),
    adres: trimmed(400),
    weeks: z.number().int().min(1, { message: 'invalid' }).max(12, { message: 'invalid' }),
  }),
  /** The association's name and address as sender of letters. */
  afzender: trimmed(400),
});
export type CommissionSettings = z.output<typeof commissionSettingsSchema>;

// ---------------------------------------------------------------------------------------------
// Inbox

export const clockSchema = z.object({ due: z.string(), daysLeft: z.number().int(), state: z.enum(CLOCK_STATES) });

export const inboxRowSchema = z.object({
  subjectType: z.enum(COMMISSION_SUBJECTS),
  subjectId: idSchema,
  dossierId: idSchema.nullable(),
  /** Pupil's name (TLV, one-pupil arrangement) or the arrangement's title. */
  title: z.string(),
  schoolName: z.string(),
  werkgebiedName: z.string(),
  /** i18n key under `enums.commission_kind`: eerste_aanvraag, herbeoordeling, verlenging (TLV), arrangement, arrangement_verlenging. */
  kind: z.string(),
  /** The subject's own status (ingediend, aangehouden). */
  status: z.string(),
  submittedAt: instantSchema.nullable(),
  /** What the association's rules find missing; empty = complete. */
  missing: z.array(fieldIssueSchema),
  clock: clockSchema.nullable(),
  /** The meeting this case is on the agenda of (not yet decided), if any. */
  meetingId: idSchema.nullable(),
  meetingDatum: z.string().nullable(),
});
export type InboxRow = z.infer<typeof inboxRowSchema>;

/** The request that went back to the submitter (`aanvullen`), shown on the TLV/arrangement screen. */
export const sendBackSchema = z.object({
  at: instantSchema,
  byName: z.string(),
  missing: z.array(fieldIssueSchema),
  note: z.string(),
});

// ---------------------------------------------------------------------------------------------
// Meetings

export const memberSchema = z.object({ name: requiredText(160), role: roleKey });
export const guestSchema = z.object({ name: requiredText(160), kind: z.enum(GUEST_KINDS, { message: 'choose_option' }), note: trimmed(200) });

export const meetingInputSchema = z.object({
  datum: requiredDate,
  tijd: time,
  /** A place, or empty when online. */
  locatie: trimmed(200),
  online: z.boolean(),
  /** Only for online meetings; shown, never opened by the app. */
  link: trimmed(400),
  members: z.array(memberSchema).max(20, { message: 'too_many' }),
}).refine((m) => m.online || m.locatie.length > 0, { path: ['locatie'], message: 'meeting_place_required' });
export type MeetingInput = z.input<typeof meetingInputSchema>;

export const decisionInputSchema = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('toegekend'),
    /** TLV: a category key from the settings; arrangements: ''. */
    category: z.string().max(30),
    startDate: requiredDate,
    endDate: requiredDate,
    conditions: trimmed(TEXT),
  }).refine((d) => d.endDate >= d.startDate, { path: ['endDate'], message: 'period_end_before_start' }),
  z.object({ decision: z.literal('afgewezen'), reasons: requiredText(TEXT) }),
  z.object({ decision: z.literal('aangehouden'), needed: requiredText(TEXT) }),
]);
export type DecisionInput = z.input<typeof decisionInputSchema>;

export const decisionSchema = z.object({
  decision: z.enum(DECISIONS),
  category: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  conditions: z.string(),
  reasons: z.string(),
  needed: z.string(),
  /** TLV number (toegekend TLV only), else ''. */
  tlvNumber: z.string(),
  decidedAt: instantSchema,
  decidedByName: z.string(),
  /** The meeting's date: the date of the decision. */
  datum: z.string(),
});
export type DecisionRecord = z.infer<typeof decisionSchema>;

export const itemSchema = z.object({
  id: idSchema,
  meetingId: idSchema,
  position: z.number().int(),
  subjectType: z.enum(COMMISSION_SUBJECTS),
  subjectId: idSchema,
  dossierId: idSchema.nullable(),
  title: z.string(),
  kind: z.string(),
  /** Start time computed from the meeting's time and the minutes before it. */
  startsAt: z.string(),
  minutes: z.number().int(),
  guests: z.array(guestSchema),
  checks: z.record(z.enum(CASE_CHECKS), z.boolean()),
  /** What is missing now (the subject may have changed since it was put on the agenda). */
  missing: z.array(fieldIssueSchema),
  decision: decisionSchema.nullable(),
  lettersSentAt: instantSchema.nullable(),
});
export type MeetingItem = z.infer<typeof itemSchema>;

export const meetingSchema = z.object({
  id: idSchema,
  revision: z.number().int(),
  datum: z.string(),
  tijd: z.string(),
  locatie: z.string(),
  online: z.boolean(),
  link: z.string(),
  members: z.array(memberSchema),
  status: z.enum(MEETING_STATUSES),
  notulen: z.string(),
  notulenStatus: z.enum(NOTULEN_STATUSES),
  vastgesteldAt: instantSchema.nullable(),
  vastgesteldByName: z.string(),
  items: z.array(itemSchema),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Meeting = z.infer<typeof meetingSchema>;

export const meetingRowSchema = z.object({
  id: idSchema, datum: z.string(), tijd: z.string(), locatie: z.string(), online: z.boolean(), status: z.enum(MEETING_STATUSES),
  itemCount: z.number().int(), decidedCount: z.number().int(),
});

export const packJobSchema = z.object({
  jobId: idSchema,
  state: z.enum(['running', 'done', 'failed']),
  /** Steps done of the total (one per case, plus cover/agenda and assembling). */
  done: z.number().int(),
  total: z.number().int(),
  /** Present once, when done: taken from the job (a second status call no longer has it). */
  pdf: pdfSchema.nullable(),
  /** i18n key under `errors.` when failed. */
  errorKey: z.string().nullable(),
});

const ref = { meetingId: idSchema, baseRevision: z.number().int() };

export const commissionContract = {
  'commission:settings': def(emptyInput, commissionSettingsSchema),
  'commission:saveSettings': def(commissionSettingsSchema, commissionSettingsSchema),
  /** Submitted TLVs (ingediend, aangehouden) and arrangements that need the commission, oldest clock first. */
  'commission:inbox': def(emptyInput, z.array(inboxRowSchema)),
  /** ingediend → aanvullen with what is missing (the association's rules) and a note; reaches the submitter by sync. */
  'commission:sendBack': def(
    z.object({ subjectType: z.enum(COMMISSION_SUBJECTS), subjectId: idSchema, note: trimmed(4000) }),
    z.object({ subjectId: idSchema, status: z.literal('aanvullen') }),
  ),
  'commission:meetings': def(z.object({ includePast: z.boolean().default(false) }), z.array(meetingRowSchema)),
  'commission:meeting': def(z.object({ id: idSchema }), meetingSchema),
  'commission:createMeeting': def(z.object({ meeting: meetingInputSchema }), meetingSchema),
  /** Details only (not allowed once afgerond: `conflict` errors.meeting_closed). */
  'commission:saveMeeting': def(z.object({ ...ref, meeting: meetingInputSchema }), meetingSchema),
  /** Puts an inbox case on the agenda (at the end). A case can be on one open agenda at a time. */
  'commission:addItem': def(z.object({ ...ref, subjectType: z.enum(COMMISSION_SUBJECTS), subjectId: idSchema }), meetingSchema),
  'commission:removeItem': def(z.object({ ...ref, itemId: idSchema }), meetingSchema),
  /** Moves an item to position `to` (0-based) in the agenda. */
  'commission:moveItem': def(z.object({ ...ref, itemId: idSchema, to: z.number().int().min(0) }), meetingSchema),
  'commission:saveItem': def(
    z.object({
      ...ref, itemId: idSchema,
      minutes: z.number().int().min(5, { message: 'invalid' }).max(240, { message: 'invalid' }),
      guests: z.array(guestSchema).max(10, { message: 'too_many' }),
      checks: z.record(z.enum(CASE_CHECKS), z.boolean()),
    }),
    meetingSchema,
  ),
  /**
   * Records the decision and carries it to the TLV/arrangement (status, period, category, TLV number),
   * which sync brings to the dossier and the werkgebied budget. toegekend/afgewezen are final;
   * an aangehouden case can be decided again on a later agenda. A toegekend TLV gets the next number
   * from this device's reserved block (`conflict` errors.tlv_numbers_exhausted when none is left).
   */
  'commission:decide': def(z.object({ ...ref, itemId: idSchema, decision: decisionInputSchema }), meetingSchema),
  /** Autosave of the notulen while concept. */
  'commission:saveNotulen': def(z.object({ ...ref, notulen: trimmed(100_000) }), meetingSchema),
  /** Notulen vastgesteld: the meeting is afgerond and immutable. `validation` when an item has no decision. */
  'commission:finaliseNotulen': def(z.object(ref), meetingSchema),
  'commission:startPack': def(z.object({ meetingId: idSchema, variant: z.enum(PACK_VARIANTS) }), packJobSchema),
  'commission:packStatus': def(z.object({ jobId: idSchema }), packJobSchema),
  /** A decision letter for one recipient (the item must be decided). */
  'commission:letter': def(z.object({ itemId: idSchema, recipient: z.enum(LETTER_RECIPIENTS) }), pdfSchema),
  /** Records that the letters of an item were sent (by post or a secure channel: never e-mailed from the app). */
  'commission:markLettersSent': def(z.object({ ...ref, itemId: idSchema }), meetingSchema),
  'commission:notulenPdf': def(z.object({ meetingId: idSchema }), pdfSchema),
} as const;
