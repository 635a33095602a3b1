// The web host's life: where it listens, that data survives a restart, and that shutdown lets a
// running request finish before the database closes.
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_FILE, KEY_FILE } from '../../core/core.js';
import { DEFAULT_SCRYPT } from '../../db/keys.js';
import { apiCall, hostFixture, TEST_PASSPHRASE, type HostFixture } from '../../core/web-host/test-http.js';

let fx: HostFixture;
beforeEach(() => {
  fx = hostFixture();
});
afterEach(() => fx.cleanup());

function canConnect(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

describe('web host lifecycle', () => {
  it('binds to 127.0.0.1 only: not ::1, not the machine\'s other addresses', async () => {
    const host = await fx.start();
    expect(await canConnect('127.0.0.1', host.port)).toBe(true);
    expect(await canConnect('::1', host.port)).toBe(false);
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a!.address);
    for (const address of external) expect(await canConnect(address, host.port), address).toBe(false);
  });

  it('creates the data folder private to the user (0700 on POSIX)', async () => {
    await fx.start();
    if (process.platform !== 'win32') expect(statSync(fx.dataDir).mode & 0o777).toBe(0o700);
  });

  it('honours a fixed port', async () => {
    const first = await fx.start();
    const port = first.port;
    await first.close();
    const again = await fx.start({ port });
    expect(again.port).toBe(port);
    expect(again.url).toBe(`http://127.0.0.1:${port}/#token=${again.token}`);
  });

  it('fails to start (without leaking the database) when the port is taken', async () => {
    const first = await fx.start();
    await expect(fx.start({ port: first.port, dataDir: join(fx.root, 'other') })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('keeps the encrypted data across restarts; a new run has a new token', async () => {
    const first = await fx.start();
    expect((await apiCall(first, 'vault:create', { passphrase: TEST_PASSPHRASE })).json()).toMatchObject({ ok: true });
    await first.close();
    expect(existsSync(join(fx.dataDir, DB_FILE))).toBe(true);
    expect(existsSync(join(fx.dataDir, KEY_FILE))).toBe(true);

    const second = await fx.start();
    expect(second.token).not.toBe(first.token);
    expect((await apiCall(second, 'vault:status', {})).json()).toEqual({ ok: true, value: { state: 'locked', protection: 'passphrase' } });
    const wrong = (await apiCall(second, 'vault:unlock', { passphrase: 'not the passphrase' })).json();
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
    const right = (await apiCall(second, 'vault:unlock', { passphrase: TEST_PASSPHRASE })).json();
    expect(right).toEqual({ ok: true, value: { state: 'unlocked', protection: 'passphrase' } });
    // The old token is worthless now.
    expect((await apiCall({ port: second.port, token: first.token }, 'vault:status', {})).status).toBe(403);
  });

  it('logs method, status and timing only: never the body, the passphrase or the token', async () => {
    const lines: string[] = [];
    const host = await fx.start({ log: (l) => lines.push(l), logRequests: true });
    await apiCall(host, 'vault:create', { passphrase: TEST_PASSPHRASE });
    await apiCall(host, 'dossiers:get', { id: 'Jansen, Pietje' });
    await apiCall({ port: host.port, token: 'wrong' }, 'vault:status', {});
    const log = lines.join('\n');
    expect(log).toMatch(/POST vault:create 200 \d+ms/);
    expect(log).toMatch(/POST dossiers:get 200 \d+ms/);
    expect(log).toMatch(/POST - 403 \d+ms/);
    for (const secret of [TEST_PASSPHRASE, 'Pietje', host.token, 'wrong']) expect(log).not.toContain(secret);
  });

  it('on close: stops accepting, finishes the running request, then closes the database', async () => {
    // The real scrypt cost (~0.5 s) makes vault:create slow enough to still be running at close().
    const host = await fx.start({ scrypt: DEFAULT_SCRYPT });
    const running = apiCall(host, 'vault:create', { passphrase: TEST_PASSPHRASE });
    await new Promise((r) => setTimeout(r, 50));
    const closed = host.close();
    expect(host.close()).toBe(closed); // idempotent
    const res = await running;
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ ok: true, value: { state: 'unlocked', protection: 'passphrase' } });
    await closed;
    expect(await canConnect('127.0.0.1', host.port)).toBe(false);
    // The database was closed cleanly: a new run opens it with the passphrase.
    const next = await fx.start();
    expect((await apiCall(next, 'vault:unlock', { passphrase: TEST_PASSPHRASE })).json()).toMatchObject({ ok: true });
  });
});
