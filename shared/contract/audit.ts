// The audit log's contract: searching it and verifying its hash chains (the privacy officer, who works
// with the beheerder role). What is recorded per method is classified in audit-rules.ts.
import { z } from 'zod';
import { def, emptyInput, idSchema } from './common.js';

/** What an audit event says happened. Never the content itself: ids and field names only. */
export const AUDIT_ACTIONS = [
  'view', // a record was opened
  'pdf', // a document was printed or made as PDF
  'export', // data left the app as a file (exports, transfers)
  'create',
  'change',
  'consent', // consent recorded or a finalisation that includes it
  'delete',
  'unlock', // the database or the app lock was opened
  'unlock_failed', // a wrong PIN or passphrase at the app lock
  'lock',
  'security', // PIN and lock settings changed, device linked
  'audit', // the audit log itself was searched or verified
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_PAGE_MAX = 200;

export const auditSearchInputSchema = z.object({
  userId: idSchema.optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  /** Matches the event's record id or its dossier id. */
  entityId: idSchema.optional(),
  /** YYYY-MM-DD, inclusive, in Europe/Amsterdam days as shown. */
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalid' }).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalid' }).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
});

export const auditRowSchema = z.object({
  id: z.string(),
  at: z.string(),
  deviceId: z.string(),
  deviceName: z.string().nullable(),
  seq: z.number().int(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  method: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  dossierId: z.string().nullable(),
  detail: z.string(),
});
export type AuditRow = z.infer<typeof auditRowSchema>;

export const auditBreakSchema = z.object({
  deviceId: z.string(),
  seq: z.number().int(),
  reason: z.enum(['hash', 'prev_hash', 'seq_gap', 'seq_order']),
});
export type AuditBreak = z.infer<typeof auditBreakSchema>;

export const auditContract = {
  'audit:search': def(auditSearchInputSchema, z.object({ total: z.number().int(), rows: z.array(auditRowSchema) })),
  'audit:verify': def(
    emptyInput,
    z.object({ ok: z.boolean(), devices: z.number().int(), events: z.number().int(), breaks: z.array(auditBreakSchema) }),
  ),
} as const;
