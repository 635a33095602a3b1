// The store's operations, independent of HTTP: the HTTP layer (server/http/) and the admin CLI
// call these; tests call them in-process too. Implemented in server/core/.
import type { Role } from '../shared/domain/dossier.js';
import type {
  BlobStatus, EnrollResponse, Mutation, MutationResult, PullResponse, TlvNumbersResponse, WireRow,
} from '../shared/sync/protocol.js';

/** Who is calling, resolved from the device token on every request. */
export interface DeviceContext {
  associationId: string;
  userId: string;
  deviceId: string;
  role: Role;
  werkgebiedIds: string[];
  schoolId: string | null;
  scopeEpoch: number;
}

export type AuthResult = { ok: true; ctx: DeviceContext } | { ok: false; code: 'unauthorized' | 'device_revoked' };

export interface StoreApi {
  readonly dialect: 'sqlite' | 'postgres';
  authenticate(token: string): Promise<AuthResult>;
  /** `clientKey` (the remote address) is rate-limited across all store processes (kept in the database). */
  enroll(code: string, deviceName: string, clientKey: string): Promise<EnrollResponse | 'invalid' | 'rate_limited'>;
  /** Applies the batch in order, idempotent on (deviceId, seq): a replayed seq returns its stored result. */
  push(ctx: DeviceContext, mutations: Mutation[]): Promise<MutationResult[]>;
  pull(ctx: DeviceContext, cursor: number, limit: number): Promise<PullResponse>;
  /** null when the blob is unknown or the caller may not see it. */
  blobStatus(ctx: DeviceContext, sha256: string): Promise<BlobStatus | null>;
  blobAppend(
    ctx: DeviceContext, sha256: string, size: number, offset: number, chunk: Buffer,
  ): Promise<BlobStatus | 'offset_mismatch' | 'hash_mismatch' | 'too_large'>;
  /** The bytes from `from`; 'not_found' also when no attachment in the caller's scope refers to it. */
  blobRead(ctx: DeviceContext, sha256: string, from: number): Promise<{ size: number; bytes: Buffer } | 'not_found'>;
  /**
   * Reserves `count` TLV numbers of `series` for the calling device: a block no other reservation in the
   * association overlaps. Idempotent on (deviceId, requestId): a replay returns the same block
   * (`invalid` when it names another series or count). `forbidden` for every role but secretaris.
   */
  reserveTlvNumbers(ctx: DeviceContext, requestId: string, series: string, count: number): Promise<TlvNumbersResponse | 'forbidden' | 'invalid'>;
  admin: AdminApi;
  /** Cheap database round trip for /v1/health. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface UserScopeInput {
  role: Role;
  /** consulent: the werkgebieden they work in. */
  werkgebiedIds: string[];
  /** school: the one school. */
  schoolId: string | null;
}

/** Admin operations. Reference data (werkgebieden, schools, users) is written as synced records. */
export interface AdminApi {
  createAssociation(name: string): Promise<{ id: string }>;
  listAssociations(): Promise<Array<{ id: string; name: string; head: number }>>;
  createWerkgebied(associationId: string, name: string): Promise<{ id: string }>;
  /** The app's school CSV format (shared/domain/csv.ts); nothing is written unless the whole file is valid. */
  importSchools(associationId: string, csv: string): Promise<{ created: number; updated: number; errors: Array<{ line: number; key: string }> }>;
  createUser(associationId: string, name: string, scope: UserScopeInput): Promise<{ id: string }>;
  /** Changes role/scope and bumps the user's scope epoch: their devices purge and re-pull at the next sync. */
  setUserScope(userId: string, scope: UserScopeInput): Promise<void>;
  listUsers(associationId: string): Promise<Array<{ id: string; name: string } & UserScopeInput>>;
  /** Werkgebieden and schools with their ids (needed for `user create --werkgebied/--school`). */
  listWerkgebieden(associationId: string): Promise<Array<{ id: string; name: string }>>;
  listSchools(associationId: string): Promise<Array<{ id: string; name: string; brin: string; werkgebiedId: string }>>;
  /** A one-time code (shown once; stored hashed) that expires after `ttlMinutes`. */
  issueEnrollmentCode(userId: string, ttlMinutes: number): Promise<{ code: string; expiresAt: string }>;
  listDevices(associationId: string): Promise<Array<{ id: string; userId: string; name: string; createdAt: string; lastSeenAt: string | null; revokedAt: string | null }>>;
  revokeDevice(deviceId: string): Promise<void>;
  /** The association's audit events as stored (rows of the `audit_event` entity). */
  auditEvents(associationId: string): Promise<WireRow[]>;
}
