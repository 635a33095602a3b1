// The sync protocol between a device and the association's store (docs/sync-protocol.md). Every
// request and reply is parsed with these schemas on both sides; the JSON schemas in
// docs/sync-schemas/ are generated from them.
import { z } from 'zod';
import { ROLES } from '../domain/dossier.js';
import { SYNC_ENTITIES } from './entities.js';

/** Wire protocol version. The store accepts [MIN_PROTOCOL, PROTOCOL]; anything else gets 426 `upgrade_required`. */
export const PROTOCOL = 1;
export const MIN_PROTOCOL = 1;
export const PROTOCOL_HEADER = 'x-veldwerk-protocol';
export const SCHEMA_HEADER = 'x-veldwerk-schema';

export const LIMITS = {
  /** Mutations per push request. */
  pushBatch: 500,
  /** Changes per pull page (one checkpoint). */
  pullPage: 1000,
  /** Request body of push and enroll. Larger → 413 `too_large`. */
  bodyBytes: 8 * 1024 * 1024,
  /** One chunk of an attachment upload. */
  chunkBytes: 1024 * 1024,
  /** One attachment. */
  blobBytes: 50 * 1024 * 1024,
  /** Enrolment attempts per client address per 15 minutes. */
  enrollAttempts: 10,
  /** TLV numbers per reservation. */
  tlvNumbersBlock: 200,
} as const;

const id = z.string().min(1).max(200);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** A row on the wire: column name → SQLite value. Checked per entity against ENTITY_DEFS by the store. */
export const rowSchema = z.record(z.string().max(64), z.union([z.string().max(1_000_000), z.number(), z.null()]));
export type WireRow = z.infer<typeof rowSchema>;

export const mutationSchema = z.object({
  /** The device's monotonic sequence number (the outbox seq). (deviceId, seq) is the idempotency key. */
  seq: z.number().int().positive(),
  mutationId: id,
  entity: z.enum(SYNC_ENTITIES),
  id,
  /**
   * `purge`: destroy the record (a dossier or a TLV) and everything below it under the association's retention
   * rules (docs/retention.md); data and base are null.
   */
  op: z.enum(['upsert', 'delete', 'purge']),
  /** The full row after the change (null for a delete or purge). */
  data: rowSchema.nullable(),
  /** The full row before the change as the device knew it (null when the device created it). */
  base: rowSchema.nullable(),
  /** Device clock when the change was made: informational only, never used to order changes. */
  at: z.string().max(40),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.object({
  mutations: z.array(mutationSchema).max(LIMITS.pushBatch),
});

/** The store's current state of a record, sent with conflicts and rejections so the device can catch up at once. */
export const recordStateSchema = z.object({
  version: z.number().int(),
  deleted: z.boolean(),
  data: rowSchema,
});

export const REJECT_REASONS = [
  'invalid', // the row does not match the entity's schema
  'forbidden', // this role may not write this entity
  'out_of_scope', // the record lies outside the user's werkgebieden/school
  'parent_missing', // the dossier (or owner) it belongs to is unknown to the store
  'finalised', // the record is vastgesteld/afgerond and immutable
  'edited_elsewhere', // a delete lost against a concurrent edit
  'not_deletable',
  'blob_missing', // attachment pushed before its content was uploaded
  'stale_sequence', // a sequence number lower than one already applied, never seen before
  'not_due', // a purge of a record whose retention period has not passed (by the store's rules and clock)
  'purged', // the record was destroyed under the retention rules: it cannot be written again
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const mutationResultSchema = z.discriminatedUnion('status', [
  z.object({ seq: z.number().int(), status: z.literal('applied'), version: z.number().int() }),
  z.object({
    seq: z.number().int(),
    status: z.literal('conflict'),
    version: z.number().int(),
    /** Ids of the conflict records created (one per narrative field that could not be merged). */
    conflictIds: z.array(id),
    current: recordStateSchema,
  }),
  z.object({
    seq: z.number().int(),
    status: z.literal('rejected'),
    reason: z.enum(REJECT_REASONS),
    current: recordStateSchema.nullable(),
  }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;
export const pushResponseSchema = z.object({ results: z.array(mutationResultSchema) });

export const pullRequestSchema = z.object({
  /** The last version this device applied (0 at first). */
  cursor: z.number().int().min(0),
  limit: z.number().int().min(1).max(LIMITS.pullPage).optional(),
});

export const changeSchema = z.object({
  entity: z.enum(SYNC_ENTITIES),
  id,
  version: z.number().int(),
  /**
   * `evict`: the record left this user's scope; remove it from the device without pushing a delete.
   * `purge`: the record was destroyed under the retention rules; remove it and every local trace of it.
   */
  op: z.enum(['upsert', 'delete', 'evict', 'purge']),
  data: rowSchema.nullable(),
  /** Who made the change and when (store clock), and which fields changed: the document's history. */
  by: z.string().nullable(),
  at: z.string(),
  fields: z.array(z.string()),
});
export type Change = z.infer<typeof changeSchema>;

export const scopeSchema = z.object({
  /** Changes whenever the user's role or scope changes: the device then purges and pulls from 0. */
  epoch: z.number().int(),
  role: z.enum(ROLES),
  werkgebiedIds: z.array(id),
  schoolId: id.nullable(),
});
export type Scope = z.infer<typeof scopeSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  /** Apply all changes and store this cursor in one transaction: a checkpoint. */
  cursor: z.number().int(),
  /** More pages follow: pull again with the new cursor. */
  more: z.boolean(),
  /** The highest version in the user's association now (for progress: "x van y"). */
  head: z.number().int(),
  scope: scopeSchema,
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const enrollRequestSchema = z.object({
  code: z.string().min(6).max(64),
  deviceName: z.string().min(1).max(120),
});
export const enrollResponseSchema = z.object({
  deviceId: id,
  /** The device token: sent as `Authorization: Bearer …` on every request. Shown once. */
  token: z.string().min(32),
  user: z.object({ id, name: z.string(), role: z.enum(ROLES) }),
  association: z.object({ id, name: z.string() }),
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

/** The series a TLV number counts in: a calendar year, a school year or one running series (shared/domain/commission.ts). */
export const TLV_SERIES = /^(\d{4}|\d{4}-\d{4}|doorlopend)$/;
/** Reserve a block of TLV numbers (secretaris only). Idempotent on (deviceId, requestId): a replay returns the same block. */
export const tlvNumbersRequestSchema = z.object({
  requestId: z.uuid(),
  series: z.string().regex(TLV_SERIES),
  count: z.number().int().min(1).max(LIMITS.tlvNumbersBlock),
});
/** The block `first`..`last` (inclusive) of `series`, given to this device only. */
export const tlvNumbersResponseSchema = z.object({
  series: z.string().regex(TLV_SERIES),
  first: z.number().int().positive(),
  last: z.number().int().positive(),
});
export type TlvNumbersRequest = z.infer<typeof tlvNumbersRequestSchema>;
export type TlvNumbersResponse = z.infer<typeof tlvNumbersResponseSchema>;

export const blobStatusSchema = z.object({ sha256, size: z.number().int(), received: z.number().int(), complete: z.boolean() });

export const STORE_ERROR_CODES = [
  'bad_request', 'unauthorized', 'device_revoked', 'forbidden', 'not_found', 'too_large', 'rate_limited',
  'upgrade_required', 'hash_mismatch', 'offset_mismatch', 'unavailable', 'internal',
] as const;
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];
/** Every non-2xx reply: a code, and an English message for logs (the app shows its own Dutch text per code). */
export const errorResponseSchema = z.object({ error: z.object({ code: z.enum(STORE_ERROR_CODES), message: z.string() }) });

export const healthResponseSchema = z.object({
  ok: z.boolean(),
  protocol: z.object({ min: z.number().int(), max: z.number().int() }),
  schema: z.number().int(),
  /** The operator allows plain http from non-loopback clients (a small school's own network). */
  allowInsecureHttp: z.boolean(),
});

/**
 * HTTP endpoints. All under /v1 except health carry `Authorization: Bearer <device token>` (not enroll),
 * `x-veldwerk-protocol` and `x-veldwerk-schema`. Errors: 400 bad_request, 401 unauthorized|device_revoked,
 * 403 forbidden, 404 not_found, 409 offset_mismatch, 413 too_large, 422 hash_mismatch, 426 upgrade_required,
 * 429 rate_limited, 503 unavailable — always with an `errorResponseSchema` body.
 */
export const ENDPOINTS = {
  health: '/v1/health', // GET → healthResponseSchema
  enroll: '/v1/enroll', // POST enrollRequestSchema → enrollResponseSchema
  push: '/v1/push', // POST pushRequestSchema → pushResponseSchema
  pull: '/v1/pull', // POST pullRequestSchema → pullResponseSchema
  /** POST tlvNumbersRequestSchema → tlvNumbersResponseSchema; 403 forbidden for every role but secretaris. */
  tlvNumbers: '/v1/tlv-numbers',
  /**
   * `/v1/blobs/<sha256>`: GET → the bytes (honours `Range: bytes=<from>-`, replies 206);
   * PATCH with headers `upload-offset` and `upload-length` (total size) and an octet-stream chunk
   * (≤ LIMITS.chunkBytes) → blobStatusSchema; once all bytes are in, the store verifies the sha-256
   * (422 hash_mismatch discards the upload). `/v1/blobs/<sha256>/status` GET → blobStatusSchema or 404.
   */
  blobs: '/v1/blobs/',
} as const;
export type HealthResponse = z.infer<typeof healthResponseSchema>;
export type BlobStatus = z.infer<typeof blobStatusSchema>;
export type PushRequest = z.infer<typeof pushRequestSchema>;
export type PullRequest = z.infer<typeof pullRequestSchema>;
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;
export type PushResponse = z.infer<typeof pushResponseSchema>;
