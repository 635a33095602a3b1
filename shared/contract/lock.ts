// The app lock: after idle minutes or on demand the core refuses every data method (`app_locked`)
// until the user enters the PIN or the vault passphrase. The database stays open underneath, so
// background sync keeps running; the key never leaves the core.
import { z } from 'zod';
import { def, emptyInput } from './common.js';

export const IDLE_MINUTES_MIN = 1;
export const IDLE_MINUTES_MAX = 60;
export const IDLE_MINUTES_DEFAULT = 5;
export const PIN_RE = /^[0-9]{6,12}$/;
/** Wrong secrets before the first wait; then 30 s, doubling up to 15 minutes. */
export const LOCK_FREE_ATTEMPTS = 3;
export const LOCK_BACKOFF_FIRST_MS = 30_000;
export const LOCK_BACKOFF_MAX_MS = 15 * 60_000;

export const lockStatusSchema = z.object({
  locked: z.boolean(),
  /** A PIN is set: it unlocks. */
  hasPin: z.boolean(),
  /** The vault has a passphrase (not the OS keyring): it unlocks too. */
  hasPassphrase: z.boolean(),
  idleMinutes: z.number().int(),
  failedAttempts: z.number().int(),
  /** How long unlocking is refused (backoff); 0 = an attempt may be made now. */
  retryAfterMs: z.number().int(),
});
export type LockStatus = z.infer<typeof lockStatusSchema>;

// A secret is a PIN or the passphrase: bounded like a passphrase.
const secret = z.string().min(1, { message: 'required' }).max(1024, { message: 'too_long' });
const pin = z.string().regex(PIN_RE, { message: 'pin_invalid' });

export const lockContract = {
  'lock:status': def(emptyInput, lockStatusSchema),
  /** Locks now. Refused (`bad_request`) when nothing could unlock it: OS keyring and no PIN. */
  'lock:lock': def(emptyInput, lockStatusSchema),
  /**
   * `unlocked`, `wrong_secret` (counted) or `wait` (backoff: not even checked). Returns the status
   * instead of an error so the renderer learns the remaining wait in the same answer.
   */
  'lock:unlock': def(
    z.object({ secret }),
    z.object({ result: z.enum(['unlocked', 'wrong_secret', 'wait']), status: lockStatusSchema }),
  ),
  'lock:saveSettings': def(
    z.object({ idleMinutes: z.number().int().min(IDLE_MINUTES_MIN, { message: 'idle_range' }).max(IDLE_MINUTES_MAX, { message: 'idle_range' }) }),
    lockStatusSchema,
  ),
  /** `currentSecret`: the current PIN or passphrase; may be empty only when neither exists (OS keyring, first PIN). */
  'lock:setPin': def(z.object({ currentSecret: z.string().max(1024), pin }), lockStatusSchema),
  'lock:removePin': def(z.object({ currentSecret: secret }), lockStatusSchema),
} as const;

export type LockMethod = keyof typeof lockContract;
export const LOCK_METHODS = Object.keys(lockContract) as LockMethod[];
/** What still answers while the app is locked: the lock itself and whether the vault is open. */
export const APP_LOCKED_METHODS: readonly string[] = ['vault:status', 'lock:status', 'lock:lock', 'lock:unlock'];
