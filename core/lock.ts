// The app lock, enforced in the core: while locked every data method answers `app_locked`, so a
// reload, a second window or a script in the renderer cannot read data. The database stays open
// (background sync keeps running) and the key never leaves this process.
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import {
  APP_LOCKED_METHODS, LOCK_BACKOFF_FIRST_MS, LOCK_BACKOFF_MAX_MS, LOCK_FREE_ATTEMPTS, LOCK_METHODS,
  type LockMethod, type LockStatus, type ParsedInput,
} from '../shared/contract/index.js';
import { keyFileSchema, unwrapKey, WrongPassphraseError, type ScryptParams } from '../db/keys.js';
import { lockRepo, type StoredLock } from '../db/repos/lock.js';
import { CoreError, fieldError } from './errors.js';

/** 2^15 × 8 × 128 B = 32 MiB per guess: slows an offline guess of a PIN hash, keeps unlocking quick. */
export const PIN_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

export interface AppLockDeps {
  sqlite: Database.Database;
  now: () => Date;
  /** OS keyring: no passphrase exists, so a PIN is the only way to unlock and is required. */
  protection: 'os' | 'passphrase';
  /** True when the secret is the passphrase of the open database; null without a passphrase. */
  checkPassphrase: ((secret: string) => Promise<boolean>) | null;
  pinScrypt?: ScryptParams;
}

export interface AppLock {
  /** True when `method` must be refused with `app_locked` now. */
  refuses(method: string): boolean;
  handle(method: LockMethod, input: unknown): Promise<unknown>;
}

export const isLockMethod = (method: string): method is LockMethod => (LOCK_METHODS as string[]).includes(method);

function derive(secret: string, salt: Buffer, p: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(secret, salt, 32, { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r + 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

const sha256 = (b: Buffer): Buffer => createHash('sha256').update(b).digest();

/**
 * Verifies a passphrase the way `vault:unlock` does (unwrapping the key file), and also that the
 * unwrapped key is the key of the open database: a key file swapped on disk cannot unlock the app.
 * Keeps a digest of the key, not the key.
 */
export function passphraseChecker(keyFile: string, key: Buffer): (secret: string) => Promise<boolean> {
  const digest = sha256(key);
  return async (secret) => {
    try {
      const file = keyFileSchema.parse(JSON.parse(readFileSync(keyFile, 'utf8')));
      return timingSafeEqual(sha256(await unwrapKey(file, secret)), digest);
    } catch (err) {
      if (err instanceof WrongPassphraseError) return false;
      throw err;
    }
  };
}

/** The wait after `failed` wrong secrets: none for the first free ones, then 30 s doubling to 15 min. */
export function backoffMs(failed: number): number {
  if (failed < LOCK_FREE_ATTEMPTS) return 0;
  return Math.min(LOCK_BACKOFF_FIRST_MS * 2 ** Math.min(failed - LOCK_FREE_ATTEMPTS, 20), LOCK_BACKOFF_MAX_MS);
}

export function createAppLock(deps: AppLockDeps): AppLock {
  const repo = lockRepo(deps.sqlite);
  const pinScrypt = deps.pinScrypt ?? PIN_SCRYPT;
  // A core that opens with the OS key starts locked when a PIN is set: a running but sleeping
  // laptop restarts the app without anyone entering a secret. With a passphrase, entering it is the unlock.
  let locked = deps.protection === 'os' && repo.read().pin !== null;
  // One check at a time, so parallel guesses cannot all read the same attempt count.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  const waitOf = (s: StoredLock): number => (s.blockedUntil ? Math.max(0, Date.parse(s.blockedUntil) - deps.now().getTime()) : 0);
  const canUnlock = (s: StoredLock): boolean => s.pin !== null || deps.checkPassphrase !== null;
  const status = (): LockStatus => {
    const s = repo.read();
    return {
      locked, hasPin: s.pin !== null, hasPassphrase: deps.checkPassphrase !== null, idleMinutes: s.idleMinutes,
      failedAttempts: s.failedAttempts, retryAfterMs: waitOf(s),
    };
  };

  const pinMatches = async (pin: NonNullable<StoredLock['pin']>, secret: string): Promise<boolean> => {
    const hash = await derive(secret, Buffer.from(pin.salt, 'base64'), pin);
    return timingSafeEqual(hash, Buffer.from(pin.hash, 'base64'));
  };

  /** Checks a secret against the PIN and the passphrase. While backing off it is not even checked. */
  const verify = (secret: string): Promise<'ok' | 'wrong' | 'wait'> =>
    serial(async () => {
      const s = repo.read();
      if (waitOf(s) > 0) return 'wait';
      // Counted before checking: ending the process during the check does not give a free guess.
      const failed = s.failedAttempts + 1;
      const wait = backoffMs(failed);
      repo.write({ ...s, failedAttempts: failed, blockedUntil: wait ? new Date(deps.now().getTime() + wait).toISOString() : null });
      const ok = (s.pin !== null && (await pinMatches(s.pin, secret))) || (deps.checkPassphrase !== null && (await deps.checkPassphrase(secret)));
      if (ok) repo.write({ ...repo.read(), failedAttempts: 0, blockedUntil: null });
      return ok ? 'ok' : 'wrong';
    });

  /** For changing the PIN: the current secret must be right (the same backoff applies). */
  const requireSecret = async (secret: string): Promise<void> => {
    const outcome = await verify(secret);
    if (outcome === 'wait') throw fieldError('currentSecret', 'secret_wait');
    if (outcome === 'wrong') throw fieldError('currentSecret', 'secret_wrong');
  };

  const handlers: { [M in LockMethod]: (input: ParsedInput<M>) => Promise<unknown> } = {
    'lock:status': async () => status(),
    'lock:lock': async () => {
      if (!canUnlock(repo.read())) throw new CoreError('bad_request', undefined, undefined, 'lock.errors.no_pin');
      locked = true;
      return status();
    },
    'lock:unlock': async ({ secret }) => {
      // Already open: nothing to check (and no oracle for guessing).
      if (!locked) return { result: 'unlocked', status: status() };
      const outcome = await verify(secret);
      if (outcome === 'ok') locked = false;
      return { result: outcome === 'ok' ? 'unlocked' : outcome === 'wait' ? 'wait' : 'wrong_secret', status: status() };
    },
    'lock:saveSettings': async ({ idleMinutes }) => {
      repo.write({ ...repo.read(), idleMinutes });
      return status();
    },
    'lock:setPin': async ({ currentSecret, pin }) => {
      // The first PIN under the OS keyring: no secret exists yet to ask for.
      if (canUnlock(repo.read())) await requireSecret(currentSecret);
      const salt = randomBytes(16);
      const hash = await derive(pin, salt, pinScrypt);
      repo.write({ ...repo.read(), pin: { salt: salt.toString('base64'), hash: hash.toString('base64'), ...pinScrypt } });
      return status();
    },
    'lock:removePin': async ({ currentSecret }) => {
      if (deps.checkPassphrase === null) throw new CoreError('bad_request', undefined, undefined, 'lock.errors.pin_required');
      await requireSecret(currentSecret);
      repo.write({ ...repo.read(), pin: null });
      return status();
    },
  };

  return {
    refuses: (method) => locked && !APP_LOCKED_METHODS.includes(method),
    handle: (method, input) => (handlers[method] as (i: unknown) => Promise<unknown>)(input),
  };
}
