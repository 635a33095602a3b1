// Beheer: werkgebieden and schools, including the CSV import of schools.
import { z } from 'zod';
import { brinSchema, requiredText, trimmed } from '../domain/validation.js';
import { def, emptyInput, idSchema } from './common.js';

export const werkgebiedSchema = z.object({ id: idSchema, name: z.string(), schoolCount: z.number().int() });
export type Werkgebied = z.infer<typeof werkgebiedSchema>;

export const schoolSchema = z.object({
  id: idSchema,
  name: z.string(),
  brin: z.string(),
  place: z.string(),
  werkgebiedId: idSchema,
  werkgebiedName: z.string(),
  dossierCount: z.number().int(),
});
export type School = z.infer<typeof schoolSchema>;

export const werkgebiedInputSchema = z.object({ id: idSchema.optional(), name: requiredText(120) });
export const schoolInputSchema = z.object({
  id: idSchema.optional(),
  name: requiredText(200),
  brin: brinSchema,
  place: trimmed(120),
  werkgebiedId: idSchema.or(z.literal('')).refine((s) => s !== '', { message: 'werkgebied_required' }),
});
export type SchoolInput = z.input<typeof schoolInputSchema>;

/** Max size of a pasted or chosen CSV file (about 20,000 schools). */
export const CSV_MAX_CHARS = 2_000_000;

export const schoolImportResultSchema = z.object({
  /** Rows that are (or would be) imported. */
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  /** Werkgebieden named in the file that do not exist yet and are (or would be) created. */
  newWerkgebieden: z.array(z.string()),
  applied: z.boolean(),
});
export type SchoolImportResult = z.infer<typeof schoolImportResultSchema>;

export const beheerContract = {
  'werkgebieden:list': def(emptyInput, z.array(werkgebiedSchema)),
  'werkgebieden:save': def(werkgebiedInputSchema, werkgebiedSchema),
  'schools:list': def(z.object({ werkgebiedId: idSchema.optional() }), z.array(schoolSchema)),
  'schools:save': def(schoolInputSchema, schoolSchema),
  /**
   * Validates the whole file; with `apply: true` imports it in one transaction, or nothing at all.
   * Invalid files fail with code `validation` and per-line problems in `lines`.
   */
  'schools:import': def(
    z.object({ csv: z.string().max(CSV_MAX_CHARS, { message: 'file_too_large' }), apply: z.boolean() }),
    schoolImportResultSchema,
  ),
} as const;
