// The app lock in the core, on a real encrypted database: data methods refused while locked, unlock
// with PIN or passphrase, backoff on an injected clock that survives a restart, PIN stored hashed.
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../core/core.js';
import { backoffMs } from '../../core/lock.js';
import { METHODS, type LockStatus } from '../../shared/contract/index.js';
import { message } from '../../shared/i18n/index.js';
import { MIGRATIONS, tempCore, tempDir, type TestCore } from '../helpers/temp-core.js';

const PIN = '482916';
const PASSPHRASE = 'een lange test-wachtwoordzin';
const scrypt = { N: 2 ** 10, r: 8, p: 1 };

let clock = Date.parse('2026-03-02T09:00:00Z');
const now = () => new Date(clock);
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  clock = Date.parse('2026-03-02T09:00:00Z');
});

/** An OS-keyring core (no passphrase) with a profile and the given PIN. */
async function osCoreWithPin(dir?: string, key?: Buffer): Promise<TestCore> {
  const t = tempCore({ now, ...(dir ? { dir } : {}), ...(key ? { key } : {}) });
  cleanups.push(() => t.dispose());
  if (!dir) {
    await t.call('setup:complete', { name: 'Ilse', role: 'consulent', associationName: 'SWV' });
    await t.call('lock:setPin', { currentSecret: '', pin: PIN });
  }
  return t;
}

/** A passphrase core (web host mode), unlocked. */
async function passphraseCore(): Promise<{ core: Core; dir: string }> {
  const d = tempDir();
  const core = createCore({ dataDir: d.dir, migrationsFolder: MIGRATIONS, scrypt, now, log: () => {}, checkOutputs: true });
  cleanups.push(() => {
    void core.close();
    d.remove();
  });
  expect((await core.call('vault:create', { passphrase: PASSPHRASE })).ok).toBe(true);
  await core.call('setup:complete', { name: 'Ilse', role: 'consulent', associationName: 'SWV' });
  return { core, dir: d.dir };
}

async function unlock(t: { raw: Core['call'] } | TestCore, secret: string) {
  const env = await t.raw('lock:unlock', { secret });
  if (!env.ok) throw new Error(env.error.code);
  return env.value as { result: 'unlocked' | 'wrong_secret' | 'wait'; status: LockStatus };
}

describe('app lock in the core', () => {
  it('refuses every data method with app_locked while locked, but answers the lock and vault:status', async () => {
    const t = await osCoreWithPin();
    expect((await t.call('lock:status', {})).locked).toBe(false);
    expect((await t.call('lock:lock', {})).locked).toBe(true);
    const refused = await t.raw('dossiers:list', {});
    expect(refused).toEqual({ ok: false, error: { code: 'app_locked', message: message('errors.app_locked') } });
    const calls: [string, unknown][] = [
      ['setup:status', {}], ['sync:status', {}], ['users:list', {}], ['werkgebieden:list', {}],
      ['lock:setPin', { currentSecret: PIN, pin: '11223344' }], ['lock:removePin', { currentSecret: PIN }],
      ['lock:saveSettings', { idleMinutes: 9 }], ['vault:unlock', { passphrase: 'wat dan ook' }],
    ];
    for (const [m, input] of calls) expect((await t.core.call(m, input)) as unknown, m).toMatchObject({ ok: false, error: { code: 'app_locked' } });
    expect((await t.raw('vault:status', {})).ok).toBe(true);
    expect((await t.raw('lock:status', {})).ok).toBe(true);
    // No other method of the contract answers (an empty input is refused at the boundary or by the lock).
    const open = ['vault:status', 'lock:status', 'lock:lock', 'lock:unlock'];
    for (const m of METHODS.filter((x) => !open.includes(x))) {
      const env = await t.core.call(m, {});
      expect(env.ok, m).toBe(false);
      if (!env.ok) expect(['app_locked', 'validation'], m).toContain(env.error.code);
    }
  });

  it('unlocks with the PIN; a wrong secret is counted, a success resets the count', async () => {
    const t = await osCoreWithPin();
    await t.call('lock:lock', {});
    const wrong = await unlock(t, '000000');
    expect(wrong.result).toBe('wrong_secret');
    expect(wrong.status).toMatchObject({ locked: true, failedAttempts: 1, retryAfterMs: 0 });
    const ok = await unlock(t, PIN);
    expect(ok.result).toBe('unlocked');
    expect(ok.status).toMatchObject({ locked: false, failedAttempts: 0 });
    expect((await t.raw('dossiers:list', {})).ok).toBe(true);
  });

  it('unlocks with the vault passphrase (and with a PIN next to it)', async () => {
    const { core } = await passphraseCore();
    const status = await core.call('lock:lock', {});
    expect(status).toMatchObject({ ok: true, value: { locked: true, hasPin: false, hasPassphrase: true } });
    expect((await core.call('dossiers:list', {})).ok).toBe(false);
    expect(await unlock({ raw: core.call }, 'een andere wachtwoordzin')).toMatchObject({ result: 'wrong_secret' });
    expect(await unlock({ raw: core.call }, PASSPHRASE)).toMatchObject({ result: 'unlocked', status: { locked: false } });
    expect((await core.call('dossiers:list', {})).ok).toBe(true);
    // With a PIN set (the passphrase is the current secret), both open the lock.
    expect((await core.call('lock:setPin', { currentSecret: PASSPHRASE, pin: PIN })).ok).toBe(true);
    await core.call('lock:lock', {});
    expect(await unlock({ raw: core.call }, PIN)).toMatchObject({ result: 'unlocked' });
    await core.call('lock:lock', {});
    expect(await unlock({ raw: core.call }, PASSPHRASE)).toMatchObject({ result: 'unlocked' });
  });

  it('backs off after three wrong secrets: even the right PIN waits until the clock has passed', async () => {
    const t = await osCoreWithPin();
    await t.call('lock:lock', {});
    for (let i = 0; i < 2; i++) expect((await unlock(t, '111111')).status.retryAfterMs).toBe(0);
    const third = await unlock(t, '111111');
    expect(third.status).toMatchObject({ failedAttempts: 3, retryAfterMs: 30_000 });
    // While waiting the secret is not checked at all: the right PIN gets `wait`, nothing is counted.
    clock += 29_000;
    expect(await unlock(t, PIN)).toMatchObject({ result: 'wait', status: { locked: true, failedAttempts: 3, retryAfterMs: 1_000 } });
    expect((await t.raw('dossiers:list', {})).ok).toBe(false);
    clock += 1_000;
    // The next wrong one doubles the wait.
    expect((await unlock(t, '222222')).status).toMatchObject({ failedAttempts: 4, retryAfterMs: 60_000 });
    clock += 60_000;
    expect(await unlock(t, PIN)).toMatchObject({ result: 'unlocked', status: { failedAttempts: 0, retryAfterMs: 0 } });
    expect([2, 3, 4, 5, 8, 30].map(backoffMs)).toEqual([0, 30_000, 60_000, 120_000, 900_000, 900_000]);
  });

  it('keeps the attempts across a restart, and an OS-key core with a PIN starts locked', async () => {
    const first = await osCoreWithPin();
    await first.call('lock:lock', {});
    for (let i = 0; i < 3; i++) await unlock(first, '999999');
    await first.core.close();
    const again = await osCoreWithPin(first.dir, first.key);
    const status = await again.call('lock:status', {});
    expect(status).toMatchObject({ locked: true, hasPin: true, hasPassphrase: false, failedAttempts: 3, retryAfterMs: 30_000 });
    expect((await again.raw('dossiers:list', {})).ok).toBe(false);
    expect((await unlock(again, PIN)).result).toBe('wait');
    clock += 30_000;
    expect((await unlock(again, PIN)).result).toBe('unlocked');
  });

  it('stores only a salted scrypt hash of the PIN in the local settings table', async () => {
    const t = await osCoreWithPin();
    const row = t.core.local!.sqlite.prepare<[], string>(`SELECT value FROM settings WHERE key = 'app_lock'`).pluck().get()!;
    expect(row).not.toContain(PIN);
    const stored = JSON.parse(row) as { pin: { salt: string; hash: string } };
    expect(Buffer.from(stored.pin.hash, 'base64')).toHaveLength(32);
    expect(Buffer.from(stored.pin.hash, 'base64').toString('latin1')).not.toContain(PIN);
    // A second core with the same PIN gets another salt, so another hash.
    const other = await osCoreWithPin();
    const otherRow = JSON.parse(other.core.local!.sqlite.prepare<[], string>(`SELECT value FROM settings WHERE key = 'app_lock'`).pluck().get()!) as typeof stored;
    expect(otherRow.pin.salt).not.toBe(stored.pin.salt);
    expect(otherRow.pin.hash).not.toBe(stored.pin.hash);
  });

  it('changes or removes the PIN only with the current secret; under the OS keyring a PIN stays required', async () => {
    const t = await osCoreWithPin();
    const wrong = await t.raw('lock:setPin', { currentSecret: '123123', pin: '55556666' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ path: 'currentSecret', key: 'secret_wrong' }] } });
    expect((await t.call('lock:status', {})).failedAttempts).toBe(1);
    await t.call('lock:setPin', { currentSecret: PIN, pin: '55556666' });
    await t.call('lock:lock', {});
    expect((await unlock(t, PIN)).result).toBe('wrong_secret');
    expect((await unlock(t, '55556666')).result).toBe('unlocked');
    expect(await t.raw('lock:removePin', { currentSecret: '55556666' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await t.raw('lock:setPin', { currentSecret: '55556666', pin: '12ab56' })).toMatchObject({
      ok: false, error: { code: 'validation', fields: [{ path: 'pin', key: 'pin_invalid' }] },
    });
  });

  it('refuses to lock when nothing could unlock it (OS keyring, no PIN yet); removes a PIN with the passphrase', async () => {
    const t = tempCore({ now });
    cleanups.push(() => t.dispose());
    expect(await t.raw('lock:lock', {})).toMatchObject({ ok: false, error: { code: 'bad_request', message: message('lock.errors.no_pin') } });
    await t.call('setup:complete', { name: 'Ilse', role: 'consulent', associationName: 'SWV' });
    expect((await t.raw('dossiers:list', {})).ok).toBe(true);
    const { core } = await passphraseCore();
    await core.call('lock:setPin', { currentSecret: PASSPHRASE, pin: PIN });
    expect(await core.call('lock:removePin', { currentSecret: PIN })).toMatchObject({ ok: true, value: { hasPin: false } });
    expect(await core.call('lock:saveSettings', { idleMinutes: 61 })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await core.call('lock:saveSettings', { idleMinutes: 12 })).toMatchObject({ ok: true, value: { idleMinutes: 12 } });
  });
});
