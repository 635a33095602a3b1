// Roles in the app, tested as a matrix against the contract: every method × every role, on a real core,
// standalone and linked. A call is 'forbidden' exactly when the declared table says so (an allowed call
// may still fail for other reasons, such as the empty input used here, but never with 'forbidden').
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHODS, type Method } from '../../shared/contract/index.js';
import { CONFIG_METHODS, METHOD_ROLES, NO_PROFILE_METHODS } from '../../shared/contract/roles.js';
import { ROLES, type Role } from '../../shared/domain/dossier.js';
import { message } from '../../shared/i18n/index.js';
import { markLinked, setUpAs } from '../helpers/roles.js';
import { tempCore, type TestCore } from '../helpers/temp-core.js';

/** The table as the spec reads it (kept apart from `mayCall`, which the core uses). */
function expectedForbidden(m: Method, role: Role | null, linked: boolean): boolean {
  if (role === null) return !NO_PROFILE_METHODS.includes(m);
  const roles = METHOD_ROLES[m];
  if (roles === 'any' || roles.includes(role)) return false;
  return linked || !CONFIG_METHODS.includes(m);
}

// Setup and the app lock last: the demo would make a profile before setup, and the lock must not lock the
// core halfway (without a PIN it cannot anyway).
const LAST = (m: Method) => m.startsWith('lock:') || m.startsWith('setup:');
const ORDERED = [...METHODS.filter((m) => !LAST(m)), ...METHODS.filter(LAST)];

async function forbiddenMethods(t: TestCore): Promise<Method[]> {
  const out: Method[] = [];
  for (const m of ORDERED) {
    const env = await t.raw(m, {});
    if (!env.ok && env.error.code === 'forbidden') {
      expect(env.error.message).toBe(message('errors.forbidden'));
      out.push(m);
    }
  }
  return out;
}

describe('the role table', () => {
  it('classifies every method of the contract, with known roles only', () => {
    for (const m of METHODS) {
      const roles = METHOD_ROLES[m];
      expect(roles, m).toBeDefined();
      if (roles !== 'any') {
        expect(roles.length, m).toBeGreaterThan(0);
        for (const r of roles) expect(ROLES, m).toContain(r);
      }
    }
    for (const m of [...CONFIG_METHODS, ...NO_PROFILE_METHODS]) expect(METHODS).toContain(m);
  });

  it('says what the spec says', () => {
    const may = (m: Method, r: Role) => METHOD_ROLES[m] === 'any' || (METHOD_ROLES[m] as readonly Role[]).includes(r);
    // The secretary: applications, attachments, decisions and dossiers, but no MDO or kindgesprek texts.
    for (const m of ['dossiers:get', 'tlv:get', 'arrangements:get', 'attachments:get', 'commission:inbox', 'commission:decide'] as const) expect(may(m, 'secretaris'), m).toBe(true);
    for (const m of ['mdo:get', 'mdo:list', 'mdo:pdf', 'kindgesprek:get', 'kindgesprek:pdf', 'actions:list', 'dossiers:create'] as const) expect(may(m, 'secretaris'), m).toBe(false);
    // The beheerder: configuration, not dossiers.
    for (const m of ['schools:save', 'schools:import', 'werkgebieden:save', 'budgets:saveSettings', 'commission:saveSettings', 'users:list', 'audit:search'] as const) {
      expect(may(m, 'beheerder'), m).toBe(true);
    }
    for (const m of ['dossiers:list', 'dossiers:get', 'mdo:get', 'tlv:get', 'arrangements:get', 'attachments:get', 'kindgesprek:get', 'termijnen:list'] as const) {
      expect(may(m, 'beheerder'), m).toBe(false);
    }
    // Casework is the consultant's and the school's, not the commission's.
    for (const r of ['consulent', 'school'] as const) for (const m of ['mdo:save', 'tlv:submit', 'dossiers:create'] as const) expect(may(m, r), `${m} ${r}`).toBe(true);
    for (const r of ['consulent', 'school', 'beheerder'] as const) expect(may('commission:inbox', r), r).toBe(false);
  });
});

describe('the core enforces the table for every method and role', () => {
  const cores: TestCore[] = [];
  afterAll(() => cores.forEach((t) => t.dispose()));
  const fresh = () => {
    const t = tempCore();
    cores.push(t);
    return t;
  };

  it('before setup only start-up, lock and linking answer', async () => {
    const t = fresh();
    const forbidden = await forbiddenMethods(t);
    expect(forbidden).toEqual(ORDERED.filter((m) => expectedForbidden(m, null, false)));
    expect(forbidden).toContain('dossiers:list');
    expect(forbidden).not.toContain('setup:complete');
  });

  for (const linked of [false, true]) {
    describe(linked ? 'linked to a store: the store’s role strictly' : 'standalone: the local user also configures', () => {
      const byRole = new Map<Role, TestCore>();
      beforeAll(async () => {
        for (const role of ROLES) {
          const t = fresh();
          await setUpAs(t, role);
          if (linked) markLinked(t, { role, schoolId: null });
          byRole.set(role, t);
        }
      });

      for (const role of ROLES) {
        it(`${role}`, async () => {
          const forbidden = await forbiddenMethods(byRole.get(role)!);
          expect(forbidden).toEqual(ORDERED.filter((m) => expectedForbidden(m, role, linked)));
        });
      }
    });
  }

  it('a role changed by the store counts at once (no restart)', async () => {
    const t = fresh();
    await setUpAs(t, 'consulent');
    markLinked(t, { role: 'consulent' });
    expect((await t.raw('mdo:list', { dossierId: '0190d6a0-0000-7000-8000-000000000001' })).ok).toBe(true);
    t.core.local!.sqlite.prepare(`UPDATE users SET role = 'secretaris'`).run();
    expect(await t.raw('mdo:list', { dossierId: '0190d6a0-0000-7000-8000-000000000001' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await t.raw('setup:status', {})).ok && (await t.call('setup:status', {})).profile?.role).toBe('secretaris');
  });

  it('answers forbidden before looking at the input, and app_locked before forbidden', async () => {
    const t = fresh();
    await setUpAs(t, 'beheerder');
    markLinked(t, { role: 'beheerder' });
    expect(await t.raw('dossiers:get', { id: 42 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await t.call('lock:setPin', { currentSecret: '', pin: '135790' });
    await t.call('lock:lock', {});
    expect(await t.raw('dossiers:get', { id: '0190d6a0-0000-7000-8000-000000000001' })).toMatchObject({ ok: false, error: { code: 'app_locked' } });
  });
});
