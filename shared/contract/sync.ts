// Sync with the association's store, seen from the renderer: enrolment, status, conflicts, history.
import { z } from 'zod';

import { REJECT_REASONS } from '../sync/protocol.js';
import { SYNC_ENTITIES } from '../sync/entities.js';
import { def, emptyInput, idSchema, instantSchema } from './common.js';

export const SYNC_STATES = [
  'not_enrolled', // no store linked: everything stays on this device
  'idle', // linked, nothing running
  'syncing', // push/pull running: see `progress`
  'offline', // the store could not be reached (will retry)
  'revoked', // the device was revoked or its token refused: local data kept, sync stopped
  'upgrade_required', // the store speaks a newer protocol: "werk Veldwerk bij"
  'error', // anything else (message key in `errorKey`)
] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export const syncStatusSchema = z.object({
  state: z.enum(SYNC_STATES),
  storeUrl: z.string().nullable(),
  associationName: z.string().nullable(),
  deviceName: z.string().nullable(),
  /** Plain http to a non-loopback store, allowed by the store's operator: show a warning. */
  insecure: z.boolean(),
  /** While syncing: what is being done and how far (changes pushed/pulled of the total known). */
  progress: z.object({ phase: z.enum(['push', 'upload', 'pull', 'download']), done: z.number().int(), total: z.number().int() }).nullable(),
  lastSyncAt: instantSchema.nullable(),
  /** Local changes waiting to be pushed. */
  pending: z.number().int(),
  openConflicts: z.number().int(),
  rejected: z.number().int(),
  /** i18n key (`errors.sync_…`) of the last failure, if any. */
  errorKey: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncConflictSchema = z.object({
  id: idSchema,
  entity: z.enum(SYNC_ENTITIES),
  entityId: z.string(),
  field: z.string(),
  /** The dossier (pupil) the record belongs to, for orientation; null for records outside a dossier. */
  dossierId: idSchema.nullable(),
  title: z.string(),
  baseValue: z.string(),
  storeValue: z.string(),
  deviceValue: z.string(),
  createdAt: instantSchema,
});
export type SyncConflict = z.infer<typeof syncConflictSchema>;

export const syncRejectionSchema = z.object({
  seq: z.number().int(),
  entity: z.enum(SYNC_ENTITIES),
  entityId: z.string(),
  /** `purge`: a retention purge the store refused (docs/retention.md). */
  op: z.enum(['upsert', 'delete', 'purge']),
  reason: z.enum(REJECT_REASONS),
  title: z.string(),
  /** The rejected values of the changed fields, so nothing typed is lost (the user can copy them). */
  changed: z.array(z.object({ field: z.string(), value: z.string() })),
  at: instantSchema,
});
export type SyncRejection = z.infer<typeof syncRejectionSchema>;

export const historyEntrySchema = z.object({
  version: z.number().int().nullable(),
  by: z.string(),
  at: instantSchema,
  fields: z.array(z.string()),
  /** A local change not yet accepted by the store. */
  pending: z.boolean(),
});

const storeUrl = z
  .string()
  .trim()
  .min(1, { message: 'required' })
  .max(300, { message: 'too_long' })
  .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), { message: 'url_invalid' });

export const syncContract = {
  'sync:status': def(emptyInput, syncStatusSchema),
  'sync:enroll': def(
    z.object({
      storeUrl,
      code: z.string().trim().min(6, { message: 'code_invalid' }).max(64, { message: 'code_invalid' }),
      deviceName: z.string().trim().min(1, { message: 'required' }).max(120, { message: 'too_long' }),
    }),
    syncStatusSchema,
  ),
  /** Starts a sync now (if one is not running) and returns at once; poll `sync:status` for progress. */
  'sync:now': def(emptyInput, syncStatusSchema),
  'sync:conflicts': def(emptyInput, z.array(syncConflictSchema)),
  'sync:resolve': def(
    z.object({ id: idSchema, resolution: z.enum(['mine', 'theirs', 'merged']), text: z.string().max(1_000_000).optional() }),
    z.object({ ok: z.literal(true) }),
  ),
  'sync:rejections': def(emptyInput, z.array(syncRejectionSchema)),
  /** Marks the listed rejections as seen (they stay in the log). */
  'sync:dismissRejections': def(z.object({ seqs: z.array(z.number().int()).max(10_000) }), z.object({ ok: z.literal(true) })),
  'sync:history': def(z.object({ entity: z.enum(SYNC_ENTITIES), id: z.string().min(1).max(200) }), z.array(historyEntrySchema)),
} as const;

