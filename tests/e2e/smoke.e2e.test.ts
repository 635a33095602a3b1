// Smoke: the built web host serves the built renderer to Chromium under the strict CSP, the first
// screen (choose a passphrase) appears, and the page cannot call the contract without the token.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E } from './support/chromium.js';
import { startAppSession, type AppSession } from './support/app-session.js';
import { t } from './support/veldwerk-page.js';

describeE2E('smoke: web host + renderer in Chromium', () => {
  let s: AppSession;

  beforeAll(async () => {
    s = await startAppSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('prints the URL with a token on 127.0.0.1 and a test-only scrypt warning', () => {
    expect(s.host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
    expect(s.host.output()).toContain(t('host.running'));
    expect(s.host.output()).toContain(t('host.test_scrypt'));
  });

  it('loads the app and shows the vault screen of a new data folder', async () => {
    await s.app.open();
    await s.app.heading().waitFor({ state: 'visible', timeout: 20_000 });
    expect(await s.page.title()).toMatch(/Veldwerk/);
    expect((await s.app.heading().textContent())?.trim()).toBe(t('vault.new_title'));
    expect(await s.page.getAttribute('html', 'lang')).toBe('nl');
  });

  it('runs under the CSP without violations and without script errors', async () => {
    expect(await s.problems.cspViolations()).toEqual([]);
    expect(s.problems.pageErrors).toEqual([]);
    expect(s.problems.consoleErrors).toEqual([]);
  });

  it('removes the token from the visible URL', () => {
    expect(s.page.url()).not.toContain(s.host.token);
  });

  it('refuses a contract call from the page without the token, and serves one with it', async () => {
    const without = await s.app.callApi('vault:status', {}, false);
    expect(without.status).toBe(403);
    expect(without.body).toMatchObject({ ok: false, error: { code: 'forbidden', message: t('errors.forbidden') } });
    // With the token the same browser request (Origin, Sec-Fetch-Site: same-origin) is accepted.
    const withToken = await s.app.callApi('vault:status', {}, true);
    expect(withToken).toEqual({ status: 200, body: { ok: true, value: { state: 'new', protection: 'passphrase' } } });
  });

  it('has no serious or critical accessibility violations on the vault screen', async () => {
    await s.app.axe('vault screen (new)');
  });

  it('stops cleanly on SIGTERM (exit code 0)', async () => {
    expect(await s.close()).toBe(0);
    expect(s.host.output()).toContain(t('host.stopped'));
  });
});
