// TLV applications (toelaatbaarheidsverklaring) and encrypted attachments.
import { z } from 'zod';
import { TLV_CONSENT, TLV_KINDS, TLV_STATUSES, TLV_TYPES } from '../domain/tlv.js';
import { ATTACHMENT_MEDIA_TYPES, ATTACHMENT_OWNERS } from '../domain/attachments.js';
import { isValidIsoDate, requiredText, trimmed } from '../domain/validation.js';
import { decisionSchema, sendBackSchema } from './commission.js';
import { def, fieldIssueSchema, idSchema, instantSchema } from './common.js';

const TEXT = 20_000;
const optionalDate = z.string().trim().refine((s) => s === '' || isValidIsoDate(s), { message: 'date_invalid' });
const docKey = z.string().regex(/^[a-z0-9_]{1,40}$/, { message: 'invalid' });

export const tlvAdviceSchema = z.object({
  name: trimmed(160),
  discipline: trimmed(160),
  date: optionalDate,
  advice: trimmed(TEXT),
  attachmentId: idSchema.nullable(),
});
export const tlvDocumentSchema = z.object({
  key: docKey,
  attachmentIds: z.array(idSchema).max(20, { message: 'too_many' }),
  /** Date of the report itself (required for recent reports). */
  date: optionalDate,
  note: trimmed(1000),
});

/** Everything edited on a TLV application before it is complete. */
export const tlvInputSchema = z
  .object({
    type: z.enum(TLV_TYPES, { message: 'choose_option' }),
    kind: z.enum(TLV_KINDS, { message: 'choose_option' }),
    receivingSchool: trimmed(200),
    /** A category key from the association's settings (default laag/midden/hoog). */
    category: docKey.or(z.literal('')),
    periodStart: optionalDate,
    /** Defaults to the next 31 July (`defaultPeriodEnd`). */
    periodEnd: optionalDate,
    documents: z.array(tlvDocumentSchema).max(30, { message: 'too_many' }),
    parentsView: trimmed(TEXT),
    consent: z.object({ besluit: z.enum(TLV_CONSENT, { message: 'choose_option' }), datum: optionalDate, byName: trimmed(160) }),
    childView: trimmed(TEXT),
    /** Exactly two separate deskundigenadviezen (law). */
    advices: z.tuple([tlvAdviceSchema, tlvAdviceSchema]),
    previousTlvNumber: trimmed(60),
    toelichting: trimmed(TEXT),
  })
  .refine((t) => !t.periodStart || !t.periodEnd || t.periodEnd >= t.periodStart, { path: ['periodEnd'], message: 'period_end_before_start' });
export type TlvInput = z.input<typeof tlvInputSchema>;

export const tlvSchema = z.object({
  ...tlvInputSchema.shape,
  id: idSchema,
  dossierId: idSchema,
  dossierName: z.string(),
  status: z.enum(TLV_STATUSES),
  revision: z.number().int(),
  /** Keys of the required documents (default list + the association's extra ones). */
  requiredDocuments: z.array(z.string()),
  /** What is still missing (the same as `completeness`); empty when complete. */
  missing: z.array(fieldIssueSchema),
  completeAt: instantSchema.nullable(),
  submittedAt: instantSchema.nullable(),
  /** completeAt + decisionWeeks (YYYY-MM-DD); null until complete. */
  decisionDue: z.string().nullable(),
  /** 15 April of the year the period ends, for a herbeoordeling; else null. */
  herbeoordelingDeadline: z.string().nullable(),
  tlvNumber: z.string(),
  /** The commission's decision, once taken (carries the TLV number on toegekend). */
  commissionDecision: decisionSchema.nullable(),
  /** The commission's last "aanvullen" request: what is missing and the secretary's note. */
  sendBack: sendBackSchema.nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Tlv = z.infer<typeof tlvSchema>;

export const tlvRowSchema = z.object({
  id: idSchema, dossierId: idSchema, dossierName: z.string(), type: z.enum(TLV_TYPES), kind: z.enum(TLV_KINDS),
  status: z.enum(TLV_STATUSES), periodEnd: z.string(), missingCount: z.number().int(), decisionDue: z.string().nullable(),
  updatedAt: instantSchema,
});

export const attachmentMetaSchema = z.object({
  id: idSchema,
  name: z.string(),
  sizeBytes: z.number().int(),
  mediaType: z.enum(ATTACHMENT_MEDIA_TYPES),
  sha256: z.string(),
  createdAt: instantSchema,
});

export const tlvContract = {
  'tlv:list': def(
    z.object({ dossierId: idSchema.optional(), status: z.array(z.enum(TLV_STATUSES)).optional() }),
    z.array(tlvRowSchema),
  ),
  'tlv:get': def(z.object({ id: idSchema }), tlvSchema),
  'tlv:create': def(z.object({ dossierId: idSchema }), tlvSchema),
  /** Autosave while concept or aanvullen; later statuses are `conflict` (errors.tlv_not_concept). */
  'tlv:save': def(z.object({ id: idSchema, baseRevision: z.number().int(), tlv: tlvInputSchema }), tlvSchema),
  /** concept → compleet; `validation` with the missing items as field issues when incomplete. Starts the decision clock. */
  'tlv:markComplete': def(z.object({ id: idSchema, baseRevision: z.number().int() }), tlvSchema),
  /** compleet → ingediend: submitted for the commission. */
  'tlv:submit': def(z.object({ id: idSchema, baseRevision: z.number().int() }), tlvSchema),
  /** Max 5 MiB decoded; type checked by content (magic bytes): validation.attachment_type / file_too_large. */
  'attachments:add': def(
    z.object({ ownerType: z.enum(ATTACHMENT_OWNERS), ownerId: idSchema, name: requiredText(200), base64: z.string().min(1, { message: 'required' }) }),
    attachmentMetaSchema,
  ),
  'attachments:get': def(z.object({ id: idSchema }), attachmentMetaSchema.extend({ base64: z.string() })),
  'attachments:remove': def(z.object({ id: idSchema }), z.object({ id: idSchema })),
} as const;
