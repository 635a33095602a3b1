// The app lock in a real browser against the web host: Ctrl+L hides the open dossier, the core
// refuses data calls (even with the token) while locked, a reload stays locked, the passphrase
// unlocks and returns to the same screen; axe on the lock screen.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E } from './support/chromium.js';
import { startAppSession, type AppSession } from './support/app-session.js';
import { t } from './support/veldwerk-page.js';

const PASSPHRASE = 'een lange test-wachtwoordzin';
// Synthetic name the demo generator never makes.
const PUPIL = { voornaam: 'Wobbe', achternaam: 'Slotenmaker', groep: 'g6' };
const NAME = `${PUPIL.voornaam} ${PUPIL.achternaam}`;
const NOTE = 'Notitie vlak voor het vergrendelen';

describeE2E('app lock in Chromium', () => {
  let s: AppSession;
  let dossierId = '';
  const lockHeading = () => s.page.getByRole('heading', { level: 1, name: t('lock.title') });
  const secretField = () => s.page.getByLabel(t('lock.secret_passphrase'), { exact: true });

  beforeAll(async () => {
    s = await startAppSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('sets up and opens a dossier', async () => {
    await s.app.setUpWithDemo(PASSPHRASE);
    dossierId = await s.app.createDossierWithParent(PUPIL, { name: 'Ouder Slotenmaker', relation: 'moeder' });
    await s.page.getByRole('button', { name: t('lock.lock_now') }).waitFor();
  });

  it('locks on Ctrl+L: the name leaves the page and the title; a note typed just before is saved', async () => {
    // Typed and locked at once, before the autosave delay: locking saves what is pending first.
    await s.page.getByLabel(t('dossier.notes'), { exact: true }).fill(NOTE);
    await s.page.keyboard.press('Control+l');
    await lockHeading().waitFor({ timeout: 10_000 });
    await expect.poll(async () => (await s.page.content()).includes(PUPIL.achternaam)).toBe(false);
    expect(await s.page.title()).not.toContain(PUPIL.achternaam);
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.id)).toBe('lock-secret');
  });

  it('the core refuses data calls while locked, even from the page with the token', async () => {
    const status = await s.app.callApi('lock:status', {}, true);
    expect(status.body).toMatchObject({ ok: true, value: { locked: true, hasPassphrase: true } });
    for (const [method, input] of [['dossiers:get', { id: dossierId }], ['dossiers:list', {}], ['setup:status', {}]] as const) {
      const res = await s.app.callApi(method, input, true);
      expect(res.body, method).toEqual({ ok: false, error: { code: 'app_locked', message: t('errors.app_locked') } });
    }
  });

  it('has no serious or critical accessibility violations on the lock screen', async () => {
    await s.app.axe('lock screen');
  });

  it('stays locked after a reload', async () => {
    await s.app.reload();
    await lockHeading().waitFor({ timeout: 20_000 });
    expect(await s.page.content()).not.toContain(PUPIL.achternaam);
  });

  it('refuses a wrong passphrase at the field, then unlocks with the right one and shows the dossier again', async () => {
    await secretField().fill('een verkeerde wachtwoordzin');
    await s.page.keyboard.press('Enter');
    await s.page.getByText(t('lock.wrong_secret')).waitFor({ timeout: 20_000 });
    await secretField().fill(PASSPHRASE);
    await s.page.getByRole('button', { name: t('lock.unlock') }).click();
    await s.page.getByRole('heading', { level: 1, name: NAME }).waitFor({ timeout: 20_000 });
    const res = await s.app.callApi('dossiers:get', { id: dossierId }, true);
    expect(res.body).toMatchObject({ ok: true, value: { notes: NOTE } });
    await expect.poll(() => s.page.getByLabel(t('dossier.notes'), { exact: true }).inputValue()).toBe(NOTE);
  });

  it('locks with the header button too', async () => {
    await s.page.getByRole('button', { name: t('lock.lock_now') }).click();
    await lockHeading().waitFor({ timeout: 10_000 });
    expect(await s.page.content()).not.toContain(PUPIL.achternaam);
  });

  it('ran without CSP violations or script errors', async () => {
    expect(await s.problems.cspViolations()).toEqual([]);
    expect(s.problems.pageErrors).toEqual([]);
    expect(s.problems.consoleErrors).toEqual([]);
  });
});
