// Exports of one dossier: inzage for the parents (AVG art. 15) and overdracht to another school or
// association. Both are a JSON document (this schema, published as docs/export-schema/) plus a PDF.
// The fields an overdracht leaves out (shared/domain/export-transfer.ts) are optional here, so one
// schema validates both kinds. Changing this file changes the published schema: bump the version.
import { z } from 'zod';
import { ATTACHMENT_MEDIA_TYPES, ATTACHMENT_OWNERS } from '../domain/attachments.js';
import { requiredText } from '../domain/validation.js';
import { arrangementSchema } from './arrangements.js';
import { def, idSchema, instantSchema } from './common.js';
import { dossierSchema, timelineEventSchema } from './dossiers.js';
import { kindgesprekSchema } from './kindgesprek.js';
import { actionSchema, mdoSchema, pdfSchema } from './mdo.js';
import { tlvSchema } from './tlv.js';

export const EXPORT_SCHEMA_VERSION = 1;
export const EXPORT_KINDS = ['inzage', 'overdracht'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

const AANPAK = 'Aanpak (handelingsdeel): left out of an overdracht.';
const EVALUATIE = 'Evaluatiedatum/evaluatie: left out of an overdracht.';
const INSTEMMING = 'Instemming (consent): left out of an overdracht.';
const left = <T extends z.ZodType>(schema: T, why: string) => schema.optional().meta({ description: why });

export const exportMdoSchema = mdoSchema
  .omit({ versions: true, revision: true })
  .extend({
    /** All versions of one MDO share the series id (the id of version 1). */
    seriesId: idSchema,
    crucialeDoelen: left(mdoSchema.shape.crucialeDoelen, AANPAK),
    afspraken: left(mdoSchema.shape.afspraken, AANPAK),
    regiehouder: left(mdoSchema.shape.regiehouder, AANPAK),
    evaluatiedatum: left(mdoSchema.shape.evaluatiedatum, EVALUATIE),
    consent: left(mdoSchema.shape.consent, INSTEMMING),
  })
  .meta({ description: 'One version of an MDO verslag (superseded versions included; `supersededBy` names the next one).' });

export const exportKindgesprekSchema = kindgesprekSchema.omit({ revision: true });

export const exportArrangementSchema = arrangementSchema
  // `pupils` may name other children of a group arrangement; `warnings` are budget previews.
  .omit({ revision: true, pupils: true, warnings: true })
  .extend({
    goals: left(arrangementSchema.shape.goals, AANPAK),
    inzet: left(arrangementSchema.shape.inzet, AANPAK),
    evaluationDates: left(arrangementSchema.shape.evaluationDates, EVALUATIE),
    evaluation: left(arrangementSchema.shape.evaluation, EVALUATIE),
    consent: left(arrangementSchema.shape.consent, INSTEMMING),
  });

export const exportTlvSchema = tlvSchema.omit({ revision: true }).extend({
  consent: left(tlvSchema.shape.consent, INSTEMMING),
});

export const exportAttachmentSchema = z.object({
  id: idSchema,
  ownerType: z.enum(ATTACHMENT_OWNERS),
  /** The TLV application or arrangement the file belongs to. */
  ownerId: idSchema,
  name: z.string(),
  sizeBytes: z.number().int(),
  mediaType: z.enum(ATTACHMENT_MEDIA_TYPES),
  /** Hex SHA-256 of the file's bytes: check it after decoding `base64`. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: instantSchema,
  /** Inzage: the file itself; null when its content has not reached this device yet. Absent in an overdracht. */
  base64: z.string().nullable().optional(),
});

export const exportProcessingSchema = z
  .object({
    controller: z.string(),
    purposes: z.array(z.string()),
    categories: z.array(z.string()),
    recipients: z.array(z.string()),
    retention: z.string(),
    rights: z.array(z.string()),
    complaint: z.string(),
  })
  .meta({ description: 'AVG art. 15 processing information (inzage only), in Dutch.' });

export const exportTransferSchema = z.object({
  /** The school or association the dossier goes to, as typed by the sender. */
  bestemming: z.string(),
  /** Dotted paths of what was left out, e.g. `mdos[].consent`. */
  leftOut: z.array(z.string()),
});

export const dossierExportSchema = z
  .object({
    schemaVersion: z.literal(EXPORT_SCHEMA_VERSION),
    kind: z.enum(EXPORT_KINDS),
    exportedAt: instantSchema,
    exportedByName: z.string(),
    association: z.object({ name: z.string() }),
    dossier: dossierSchema.omit({ timeline: true }),
    timeline: z.array(timelineEventSchema),
    mdos: z.array(exportMdoSchema),
    /** Status of the afspraken of finalised MDOs (aanpak: absent in an overdracht). */
    actions: left(z.array(actionSchema), AANPAK),
    kindgesprekken: z.array(exportKindgesprekSchema),
    arrangements: z.array(exportArrangementSchema),
    tlvs: z.array(exportTlvSchema),
    attachments: z.array(exportAttachmentSchema),
    processing: exportProcessingSchema.optional(),
    transfer: exportTransferSchema.optional(),
  })
  .meta({ title: 'Veldwerk dossier export', description: 'One pupil dossier: inzage (AVG art. 15) or overdracht.' });
export type DossierExport = z.infer<typeof dossierExportSchema>;

export const exportResultSchema = z.object({ json: z.string(), pdf: pdfSchema });

export const exportContract = {
  /** Everything kept about the pupil, for the parents: JSON (with the files) plus a readable PDF. */
  'export:inzage': def(z.object({ dossierId: idSchema }), exportResultSchema),
  /** For another school or association: without aanpak, evaluatiedata and instemming (docs/export.md). */
  'export:overdracht': def(z.object({ dossierId: idSchema, bestemming: requiredText(200) }), exportResultSchema),
} as const;
