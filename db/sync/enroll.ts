// Linking this device to the association's store with a one-time code. Only an empty local database
// may be linked: a demo or a locally started association must never mix with the store's data.
import type Database from 'better-sqlite3';
import { ENTITY_DEFS } from '../../shared/sync/entities.js';
import type { EnrollResponse } from '../../shared/sync/protocol.js';
import { TransportError, type StoreTransport } from '../../shared/sync/transport.js';
import type { DeviceState } from './state.js';

/** A refusal with the i18n key (under `errors.`) of its message and the contract error code. */
export class SyncError extends Error {
  constructor(
    readonly key: string,
    readonly code: 'bad_request' | 'conflict' | 'forbidden' | 'validation' | 'not_found' = 'bad_request',
  ) {
    super(key);
    this.name = 'SyncError';
  }
}

/** https anywhere; plain http only to this machine (loopback). */
export function isSecureUrl(url: URL): boolean {
  if (url.protocol === 'https:') return true;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export function hasLocalData(sqlite: Database.Database): boolean {
  for (const def of ENTITY_DEFS) {
    if (sqlite.prepare(`SELECT 1 FROM "${def.table}" LIMIT 1`).get()) return true;
  }
  return Boolean(sqlite.prepare('SELECT 1 FROM outbox LIMIT 1').get());
}

const ENROLL_ERRORS: Record<string, string> = {
  bad_request: 'sync_enroll_invalid', unauthorized: 'sync_enroll_invalid', not_found: 'sync_enroll_invalid', forbidden: 'sync_enroll_invalid',
  rate_limited: 'sync_rate_limited', offline: 'sync_offline', unavailable: 'sync_offline', upgrade_required: 'sync_upgrade_required',
  too_large: 'sync_too_large',
};

export async function enrollDevice(
  sqlite: Database.Database,
  input: { storeUrl: string; code: string; deviceName: string },
  transport: StoreTransport,
  relink = false,
): Promise<{ device: DeviceState; response: EnrollResponse }> {
  const url = new URL(input.storeUrl);
  let insecure = false;
  try {
    if (!isSecureUrl(url)) {
      const health = await transport.health();
      if (!health.allowInsecureHttp) throw new SyncError('sync_insecure_refused', 'forbidden');
      insecure = true;
    }
    // Checked again here: the first check (before the network) may be minutes old.
    if (!relink && hasLocalData(sqlite)) throw new SyncError('sync_local_data_present', 'conflict');
    const response = await transport.enroll({ code: input.code, deviceName: input.deviceName });
    const device: DeviceState = {
      storeUrl: url.toString().replace(/\/$/, ''), token: response.token, deviceId: response.deviceId, deviceName: input.deviceName,
      userId: response.user.id, associationId: response.association.id, associationName: response.association.name, insecure,
    };
    return { device, response };
  } catch (err) {
    if (err instanceof TransportError) throw new SyncError(ENROLL_ERRORS[err.code] ?? 'sync_store_error');
    throw err;
  }
}
