// Installation settings: who uses this device and for which association.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { ROLES } from '../../shared/domain/dossier.js';
import type { Profile } from '../../shared/contract/index.js';

const storedProfile = z.object({ userId: z.string(), associationName: z.string() });

export function settingsRepo(sqlite: Database.Database) {
  const get = sqlite.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const put = sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const userById = sqlite.prepare<[string], { id: string; name: string; role: string }>('SELECT id, name, role FROM users WHERE id = ?');
  const insertUser = sqlite.prepare('INSERT INTO users (id, name, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  let cached: Profile | null | undefined;

  function profile(): Profile | null {
    if (cached !== undefined) return cached;
    const row = get.get('profile');
    if (!row) return (cached = null);
    const stored = storedProfile.parse(JSON.parse(row.value));
    const user = userById.get(stored.userId);
    if (!user) return (cached = null);
    return (cached = {
      userId: user.id,
      name: user.name,
      role: z.enum(ROLES).parse(user.role),
      associationName: stored.associationName,
    });
  }

  return {
    profile,
    /** The current user's id, or null before setup (then changes are recorded without an actor). */
    actorId: (): string | null => profile()?.userId ?? null,
    createUser(id: string, name: string, role: Profile['role'], at: string): void {
      insertUser.run(id, name, role, at, at);
    },
    setProfile(userId: string, associationName: string): void {
      put.run('profile', JSON.stringify({ userId, associationName }));
      cached = undefined;
    },
  };
}
export type SettingsRepo = ReturnType<typeof settingsRepo>;
