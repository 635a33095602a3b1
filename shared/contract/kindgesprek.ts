// Kindgesprek: the child's own words per topic, scales, what may be shared, a summary for the MDO.
import { z } from 'zod';
import { KG_AGE_BANDS, KG_STATUSES, KG_TOPICS } from '../domain/mdo.js';
import { isValidIsoDate, trimmed } from '../domain/validation.js';
import { def, idSchema, instantSchema } from './common.js';
import { pdfSchema } from './mdo.js';

const scale = (max: number) => z.number().int().min(1, { message: 'invalid' }).max(max, { message: 'invalid' }).nullable();

export const kgTopicSchema = z.object({
  topic: z.enum(KG_TOPICS),
  /** Five-face smiley scale: 1 (very sad) … 5 (very happy). */
  smiley: scale(5),
  /** Thermometer 1–10: where the child is now, and where it wants to get to. */
  nu: scale(10),
  doel: scale(10),
  /** The child's own words, verbatim. */
  woorden: trimmed(10_000),
});

export const kindgesprekInputSchema = z.object({
  datum: z.string().trim().refine(isValidIsoDate, { message: 'date_invalid' }),
  leeftijd: z.enum(KG_AGE_BANDS, { message: 'choose_option' }),
  topics: z.array(kgTopicSchema).max(KG_TOPICS.length),
  /** The consultant's observations, kept apart from the child's words. */
  observaties: trimmed(20_000),
  /** What the child agrees may be shared. */
  delenMetOuders: z.boolean(),
  delenMetSchool: z.boolean(),
  delenToelichting: trimmed(2_000),
  /** Summary that flows into the next MDO's stem van het kind. */
  samenvatting: trimmed(20_000),
});
export type KindgesprekInput = z.input<typeof kindgesprekInputSchema>;

export const kindgesprekSchema = kindgesprekInputSchema.extend({
  id: idSchema,
  dossierId: idSchema,
  status: z.enum(KG_STATUSES),
  revision: z.number().int(),
  afgerondAt: instantSchema.nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Kindgesprek = z.infer<typeof kindgesprekSchema>;

export const kindgesprekContract = {
  'kindgesprek:list': def(
    z.object({ dossierId: idSchema }),
    z.array(z.object({ id: idSchema, datum: z.string(), status: z.enum(KG_STATUSES), samenvatting: z.string(), updatedAt: instantSchema })),
  ),
  'kindgesprek:get': def(z.object({ id: idSchema }), kindgesprekSchema),
  /** Starts a conversation for the dossier; the age band follows the pupil's groep unless given. */
  'kindgesprek:create': def(z.object({ dossierId: idSchema }), kindgesprekSchema),
  'kindgesprek:save': def(z.object({ id: idSchema, baseRevision: z.number().int(), kindgesprek: kindgesprekInputSchema }), kindgesprekSchema),
  /** Ends it: the summary becomes readable for the MDO and appears on the timeline; no edits after. */
  'kindgesprek:finish': def(z.object({ id: idSchema, baseRevision: z.number().int() }), kindgesprekSchema),
  /** `kind`: simple and friendly, for the child; `professional`: everything, for the file. */
  'kindgesprek:pdf': def(z.object({ id: idSchema, version: z.enum(['kind', 'professional']) }), pdfSchema),
} as const;
