// Sync test data: a status with sensible defaults.
import type { SyncStatus } from '../../../shared/contract/index.js';

export function makeSyncStatus(patch: Partial<SyncStatus> = {}): SyncStatus {
  return {
    state: 'idle',
    storeUrl: 'https://veldwerk.swv-test.nl',
    associationName: 'SWV Testkust',
    deviceName: 'Laptop van Ilse',
    insecure: false,
    progress: null,
    lastSyncAt: null,
    pending: 0,
    openConflicts: 0,
    rejected: 0,
    errorKey: null,
    ...patch,
  };
}

export const NOT_ENROLLED = makeSyncStatus({ state: 'not_enrolled', storeUrl: null, associationName: null, deviceName: null });
