// Test support for roles in the app: set up a profile with a role, switch it in place (as the store does
// when it changes a user's role), and mark the device linked with a scope (as enrolment and a pull do).
import { withoutCapture } from '../../db/open.js';
import { isMethod } from '../../shared/contract/index.js';
import { mayCall } from '../../shared/contract/roles.js';
import type { Role } from '../../shared/domain/dossier.js';
import type { TestCore } from './temp-core.js';

export async function setUpAs(t: TestCore, role: Role, name = `Test ${role}`): Promise<void> {
  await t.call('setup:complete', { name, role, associationName: 'SWV Test' });
}

/** Gives the profile's user another role (the store's role change, pulled with the user's record). */
export function actAs(t: TestCore, role: Role): void {
  const local = t.core.local!;
  const userId = (JSON.parse(local.sqlite.prepare<[], string>(`SELECT value FROM settings WHERE key = 'profile'`).pluck().get()!) as { userId: string }).userId;
  withoutCapture(local, () => local.sqlite.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, userId));
}

/**
 * Marks the device linked to a store (the device state enrolment writes) with the scope a pull page
 * carries. The core's sync engine read its device state at unlock, so it stays idle: only the role
 * gate and the app's scope see the link.
 */
export function markLinked(t: TestCore, scope: { role: Role; werkgebiedIds?: string[]; schoolId?: string | null }): void {
  const put = t.core.local!.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  put.run('sync.device', JSON.stringify({
    storeUrl: 'https://store.example', token: 't'.repeat(40), deviceId: 'dev-1', deviceName: 'Laptop', userId: 'u', associationId: 'a',
    associationName: 'SWV Test', insecure: false,
  }));
  put.run('sync.scope', JSON.stringify({ role: scope.role, werkgebiedIds: scope.werkgebiedIds ?? [], schoolId: scope.schoolId ?? null }));
}

const ROLE_ORDER: readonly Role[] = ['consulent', 'secretaris', 'beheerder', 'school'];

/**
 * Several people on one local database: before each call the profile takes a role that may make it (the
 * current one when it may). Stands in for the consultant's and the secretary's devices in tests of the
 * whole workflow (casework → commission → decision) that are not about roles; the role gate itself is
 * tested in tests/integration/roles-matrix.test.ts.
 */
export function multiRole(t: TestCore): TestCore {
  const ensure = (method: string) => {
    if (!isMethod(method)) return;
    const linked = t.core.local?.sqlite.prepare(`SELECT 1 FROM settings WHERE key = 'sync.device'`).get() !== undefined;
    const current = t.core.local?.sqlite.prepare<[], string>(
      `SELECT u.role FROM users u JOIN settings s ON s.key = 'profile' AND u.id = json_extract(s.value, '$.userId')`,
    ).pluck().get() as Role | undefined;
    if (!current) return; // no profile yet: setup decides
    if (mayCall(method, { role: current, linked })) return;
    const next = ROLE_ORDER.find((r) => mayCall(method, { role: r, linked }));
    if (next) actAs(t, next);
  };
  return {
    ...t,
    call: (m, input) => {
      ensure(m);
      return t.call(m, input);
    },
    raw: (m, input) => {
      ensure(m);
      return t.raw(m, input);
    },
  };
}
