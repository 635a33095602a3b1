// The app lock's state in the encrypted database's local `settings` table (never synced: it belongs
// to this device). Failed attempts live here too, so restarting the app does not reset the backoff.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { IDLE_MINUTES_DEFAULT } from '../../shared/contract/lock.js';

const KEY = 'app_lock';

const storedLock = z.object({
  idleMinutes: z.number().int(),
  /** scrypt hash of the PIN with its own salt; the PIN itself is never stored. */
  pin: z.object({ salt: z.string(), hash: z.string(), N: z.number().int(), r: z.number().int(), p: z.number().int() }).nullable(),
  failedAttempts: z.number().int(),
  /** UTC instant until which unlocking is refused without checking the secret. */
  blockedUntil: z.string().nullable(),
});
export type StoredLock = z.infer<typeof storedLock>;

const EMPTY: StoredLock = { idleMinutes: IDLE_MINUTES_DEFAULT, pin: null, failedAttempts: 0, blockedUntil: null };

export function lockRepo(sqlite: Database.Database) {
  const get = sqlite.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck();
  const put = sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  return {
    read(): StoredLock {
      const raw = get.get(KEY);
      if (!raw) return { ...EMPTY };
      const parsed = storedLock.safeParse(JSON.parse(raw));
      // Unreadable (should not happen): start over; where a PIN is required the app asks for a new one.
      return parsed.success ? parsed.data : { ...EMPTY };
    },
    write(next: StoredLock): void {
      put.run(KEY, JSON.stringify(next));
    },
  };
}
export type LockRepo = ReturnType<typeof lockRepo>;
