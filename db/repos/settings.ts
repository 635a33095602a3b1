// Installation settings: who uses this device and for which association, and what they may see.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { ROLES, type Role } from '../../shared/domain/dossier.js';
import type { Profile } from '../../shared/contract/index.js';

const storedProfile = z.object({ userId: z.string(), associationName: z.string() });
/** The scope the store last sent with a pull page (db/sync/pull-apply.ts keeps it under `sync.scope`). */
const storeScope = z.object({ role: z.enum(ROLES), werkgebiedIds: z.array(z.string()), schoolId: z.string().nullable() });

export function settingsRepo(sqlite: Database.Database) {
  const get = sqlite.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const put = sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const userById = sqlite.prepare<[string], { id: string; name: string; role: string }>('SELECT id, name, role FROM users WHERE id = ?');
  const insertUser = sqlite.prepare('INSERT INTO users (id, name, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const firstSchool = sqlite.prepare<[], string>('SELECT id FROM schools ORDER BY created_at, rowid LIMIT 1').pluck();
  let stored: z.infer<typeof storedProfile> | null = null;

  // The stored part is cached once set (it is written once, by setup or linking, possibly through another
  // instance of this repo); the user row is read on every call, so a role changed by the store (pulled
  // with the user's record) counts at once, for the role gate too.
  function profile(): Profile | null {
    if (!stored) {
      const row = get.get('profile');
      stored = row ? storedProfile.parse(JSON.parse(row.value)) : null;
    }
    if (!stored) return null;
    const user = userById.get(stored.userId);
    if (!user) return null;
    return { userId: user.id, name: user.name, role: z.enum(ROLES).parse(user.role), associationName: stored.associationName, linked: linked() };
  }
  /** Linked to the association's store (db/sync/state.ts keeps the device under `sync.device`). */
  const linked = (): boolean => get.get('sync.device') !== undefined;
  function scope(): z.infer<typeof storeScope> | null {
    const row = get.get('sync.scope');
    const parsed = row ? storeScope.safeParse(JSON.parse(row.value)) : null;
    return parsed?.success ? parsed.data : null;
  }

  return {
    profile,
    linked,
    /** The current user's id, or null before setup (then changes are recorded without an actor). */
    actorId: (): string | null => profile()?.userId ?? null,
    /** Who is asking, for the role gate (core/roles.ts). */
    caller(): { role: Role | null; linked: boolean } {
      return { role: profile()?.role ?? null, linked: linked() };
    },
    /**
     * The schools whose dossiers this user may see on this device, or null for no restriction. Only the
     * school role is limited: linked, to the school the store names in its scope (none until the first
     * pull: fail closed); standalone, to the first school of the installation (the one they created
     * first; a school user's scope is one school, as at the store).
     */
    schoolScope(): string[] | null {
      const p = profile();
      if (p?.role !== 'school') return null;
      if (p.linked) {
        const s = scope();
        return s?.schoolId ? [s.schoolId] : [];
      }
      const first = firstSchool.get();
      return first ? [first] : [];
    },
    createUser(id: string, name: string, role: Profile['role'], at: string): void {
      insertUser.run(id, name, role, at, at);
    },
    setProfile(userId: string, associationName: string): void {
      put.run('profile', JSON.stringify({ userId, associationName }));
      stored = null;
    },
  };
}
export type SettingsRepo = ReturnType<typeof settingsRepo>;
