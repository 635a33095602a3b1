// Lock states for component tests.
import type { LockStatus } from '../../../shared/contract/index.js';

export const LOCK_OPEN: LockStatus = {
  locked: false, hasPin: false, hasPassphrase: true, idleMinutes: 5, failedAttempts: 0, retryAfterMs: 0,
};
export const lockStatus = (over: Partial<LockStatus> = {}): LockStatus => ({ ...LOCK_OPEN, ...over });
