// The store's tables, declared once for both dialects: schema-sqlite.ts and schema-pg.ts hand in
// their column builders. The store's queries (server/core/) are written once against these names.
// Integers that grow without bound (versions, sequence numbers, sizes) are `big` (bigint on PostgreSQL).

/** The part of a drizzle column builder used here. */
export interface Col {
  notNull(): Col;
  default(value: number | string): Col;
  primaryKey(): Col;
  unique(): Col;
}

export interface TableKit {
  table(name: string, columns: Record<string, Col>, extra?: (t: Record<string, unknown>) => unknown[]): unknown;
  text(name: string): Col;
  int(name: string): Col;
  big(name: string): Col;
  bytes(name: string): Col;
  primaryKey(columns: unknown[]): unknown;
  index(name: string, columns: unknown[]): unknown;
}

export function defineTables(k: TableKit) {
  const { table, text, int, big, bytes, primaryKey, index } = k;
  return {
    associations: table('associations', {
      id: text('id').primaryKey(),
      name: text('name').notNull(),
      head: big('head').notNull().default(0),
      createdAt: text('created_at').notNull(),
    }),
    users: table('users', {
      id: text('id').primaryKey(),
      associationId: text('association_id').notNull(),
      name: text('name').notNull(),
      role: text('role').notNull(),
      werkgebiedIds: text('werkgebied_ids').notNull().default('[]'),
      schoolId: text('school_id'),
      scopeEpoch: int('scope_epoch').notNull().default(1),
      createdAt: text('created_at').notNull(),
    }, (t) => [index('users_association', [t.associationId])]),
    devices: table('devices', {
      id: text('id').primaryKey(),
      associationId: text('association_id').notNull(),
      userId: text('user_id').notNull(),
      name: text('name').notNull(),
      tokenHash: text('token_hash').notNull().unique(),
      createdAt: text('created_at').notNull(),
      lastSeenAt: text('last_seen_at'),
      revokedAt: text('revoked_at'),
      lastSeq: big('last_seq').notNull().default(0),
    }, (t) => [index('devices_association', [t.associationId])]),
    enrollmentCodes: table('enrollment_codes', {
      codeHash: text('code_hash').primaryKey(),
      userId: text('user_id').notNull(),
      expiresAt: text('expires_at').notNull(),
      usedAt: text('used_at'),
    }),
    rateLimits: table('rate_limits', {
      bucket: text('bucket').notNull(),
      windowStart: big('window_start').notNull(),
      hits: int('hits').notNull().default(0),
    }, (t) => [primaryKey([t.bucket, t.windowStart])]),
    records: table('records', {
      associationId: text('association_id').notNull(),
      entity: text('entity').notNull(),
      id: text('id').notNull(),
      data: text('data').notNull(),
      version: big('version').notNull(),
      deleted: int('deleted').notNull().default(0),
      scopeWerkgebied: text('scope_werkgebied'),
      scopeSchool: text('scope_school'),
      /** `entity:id` of the record this one's scope derives from (school, parent, owner, subject). */
      scopeParent: text('scope_parent'),
      blobSha256: text('blob_sha256'),
      updatedBy: text('updated_by'),
      updatedAt: text('updated_at').notNull(),
      changed: text('changed').notNull().default('[]'),
    }, (t) => [
      primaryKey([t.associationId, t.entity, t.id]),
      index('records_version', [t.associationId, t.version]),
      index('records_scope_parent', [t.associationId, t.scopeParent]),
      index('records_blob', [t.associationId, t.blobSha256]),
    ]),
    /** A record left a scope: old scope (who had it) and new scope (who still sees it). */
    evictions: table('evictions', {
      associationId: text('association_id').notNull(),
      version: big('version').notNull(),
      entity: text('entity').notNull(),
      id: text('id').notNull(),
      scopeWerkgebied: text('scope_werkgebied'),
      scopeSchool: text('scope_school'),
      newWerkgebied: text('new_werkgebied'),
      newSchool: text('new_school'),
      changedAt: text('changed_at').notNull(),
    }, (t) => [
      primaryKey([t.associationId, t.version]),
      // Every push asks whether the records it writes were destroyed by a retention purge (purge.ts).
      index('evictions_record', [t.associationId, t.id]),
    ]),
    seen: table('seen', {
      deviceId: text('device_id').notNull(),
      seq: big('seq').notNull(),
      result: text('result').notNull(),
    }, (t) => [primaryKey([t.deviceId, t.seq])]),
    history: table('history', {
      associationId: text('association_id').notNull(),
      version: big('version').notNull(),
      entity: text('entity').notNull(),
      id: text('id').notNull(),
      userId: text('user_id'),
      deviceId: text('device_id'),
      changedAt: text('changed_at').notNull(),
      fields: text('fields').notNull(),
      lost: text('lost').notNull(),
    }, (t) => [primaryKey([t.associationId, t.version]), index('history_record', [t.associationId, t.entity, t.id])]),
    blobs: table('blobs', {
      associationId: text('association_id').notNull(),
      sha256: text('sha256').notNull(),
      size: big('size').notNull(),
      received: big('received').notNull().default(0),
      complete: int('complete').notNull().default(0),
      uploadedBy: text('uploaded_by'),
      createdAt: text('created_at').notNull(),
    }, (t) => [primaryKey([t.associationId, t.sha256])]),
    blobChunks: table('blob_chunks', {
      associationId: text('association_id').notNull(),
      sha256: text('sha256').notNull(),
      chunkOffset: big('chunk_offset').notNull(),
      bytes: bytes('bytes').notNull(),
    }, (t) => [primaryKey([t.associationId, t.sha256, t.chunkOffset])]),
    /** Blocks of TLV numbers handed to devices (numbers first..last of a series), each exactly once. */
    tlvNumberBlocks: table('tlv_number_blocks', {
      associationId: text('association_id').notNull(),
      series: text('series').notNull(),
      first: big('first').notNull(),
      last: big('last').notNull(),
      deviceId: text('device_id').notNull(),
      /** The device's idempotency key: a replayed request gets this block again. */
      requestId: text('request_id').notNull(),
      createdAt: text('created_at').notNull(),
    }, (t) => [primaryKey([t.deviceId, t.requestId]), index('tlv_number_blocks_series', [t.associationId, t.series, t.last])]),
  };
}
