// Retention (bewaartermijnen): the association's rules, what is due today, and the purge that destroys
// it for real (docs/retention.md). A run is recorded by rule, day and count only.
import { z } from 'zod';
import { RETENTION_RULES, TLV_YEARS } from '../domain/retention.js';
import { def, emptyInput, idSchema, instantSchema } from './common.js';

export const retentionSettingsSchema = z.object({
  dossierClosedYears: z.number().int().min(1, { message: 'too_small' }).max(20, { message: 'too_big' }),
  tlvYears: z.union([z.literal(TLV_YEARS[0]), z.literal(TLV_YEARS[1])]),
});
export type RetentionSettingsInput = z.infer<typeof retentionSettingsSchema>;

export const retentionDueItemSchema = z.object({
  rule: z.enum(RETENTION_RULES),
  /** What the purge takes: the dossier (rule dossier_closed) or the TLV (rule tlv). */
  id: idSchema,
  dossierId: idSchema,
  /** The pupil's name for roles that work with names; initials otherwise (`named` says which). */
  label: z.string(),
  /** The day it became due (YYYY-MM-DD). */
  since: z.string(),
});
export type RetentionDueItem = z.infer<typeof retentionDueItemSchema>;

export const retentionRunSchema = z.object({
  id: idSchema,
  rule: z.enum(RETENTION_RULES),
  date: z.string(),
  count: z.number().int(),
  byName: z.string(),
  createdAt: instantSchema,
});
export type RetentionRun = z.infer<typeof retentionRunSchema>;

/** Most items one purge takes: a run stays one short transaction. */
export const RETENTION_PURGE_MAX = 500;

export const retentionContract = {
  'retention:settings': def(emptyInput, retentionSettingsSchema),
  'retention:saveSettings': def(retentionSettingsSchema, retentionSettingsSchema),
  /** Due today (Amsterdam day of the core's clock), oldest first. */
  'retention:due': def(
    emptyInput,
    z.object({ today: z.string(), named: z.boolean(), canPurge: z.boolean(), items: z.array(retentionDueItemSchema) }),
  ),
  /**
   * Destroys the given items of one rule (each must still be due today; ids that are not are refused as a
   * whole with `validation`). Answers what was recorded.
   */
  'retention:purge': def(
    z.object({ rule: z.enum(RETENTION_RULES), ids: z.array(idSchema).min(1).max(RETENTION_PURGE_MAX) }),
    z.object({ rule: z.enum(RETENTION_RULES), date: z.string(), count: z.number().int() }),
  ),
  'retention:runs': def(emptyInput, z.object({ runs: z.array(retentionRunSchema) })),
} as const;
