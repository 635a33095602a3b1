// The sync screens in the real app, without a store. First run: linking right away against an
// address where nothing listens fails with the Dutch offline message. After setting up with own
// details: the header says "Niet gekoppeld", Instellingen checks the enrolment form at the fields
// (empty fields, a bad URL) and, since the device now holds data, explains that linking needs an
// empty database; Conflicten shows its empty states. axe on setup, Instellingen and Conflicten.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E } from './support/chromium.js';
import { startAppSession, type AppSession } from './support/app-session.js';
import { t } from './support/veldwerk-page.js';

describeE2E('sync screens in Chromium (no store)', () => {
  let s: AppSession;
  const label = (key: string) => s.page.getByLabel(t(key), { exact: true });
  const button = (key: string) => s.page.getByRole('button', { name: t(key), exact: true });
  const h1 = (name: string) => s.page.getByRole('heading', { level: 1, name });
  const indicator = () => s.page.getByRole('banner').getByRole('group', { name: t('sync.indicator.label') });
  /** The accessible description of a field: its hint and its error. */
  const descriptionOf = (key: string) =>
    label(key).evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );

  beforeAll(async () => {
    s = await startAppSession();
    await s.app.open();
    await s.app.choosePassphrase('een lange test-wachtwoordzin');
    await h1(t('setup.title')).waitFor({ timeout: 20_000 });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('first run: linking against an address where nothing listens fails with the Dutch offline message', async () => {
    const form = s.page.getByRole('form', { name: t('sync.settings.enroll_heading') });
    await form.getByLabel(t('sync.settings.store_url'), { exact: true }).fill('http://127.0.0.1:9');
    await form.getByLabel(t('sync.settings.code'), { exact: true }).fill('ABCD-1234');
    await form.getByRole('button', { name: t('sync.settings.enroll'), exact: true }).click();
    await form.getByRole('alert').filter({ hasText: t('errors.sync_offline') }).waitFor({ timeout: 30_000 });
    await h1(t('setup.title')).waitFor();
    await s.app.axe('setup screen (enrolment failed)');
  });

  it('sets up with own details instead', async () => {
    await label('setup.name').fill('Fenna Testconsulent');
    await s.page.getByRole('radio', { name: t('enums.role.consulent') }).check();
    await label('setup.association').fill('SWV Testkust');
    await button('setup.complete').click();
    await h1(t('dossiers.title')).waitFor({ timeout: 20_000 });
  });

  it('shows "Niet gekoppeld" in the header, with "Nu synchroniseren" disabled', async () => {
    await indicator().getByText(t('sync.indicator.not_enrolled'), { exact: true }).waitFor({ timeout: 20_000 });
    expect(await indicator().getByRole('button', { name: t('sync.indicator.sync_now') }).isDisabled()).toBe(true);
  });

  it('opens Instellingen from the navigation: the enrolment form, accessible', async () => {
    await s.page.getByRole('navigation').getByRole('link', { name: t('sync.nav_settings'), exact: true }).click();
    await h1(t('sync.settings.title')).waitFor();
    await s.page.getByRole('heading', { level: 2, name: t('sync.settings.enroll_heading') }).waitFor();
    expect(await label('sync.settings.device_name').inputValue()).toBe('Laptop van Fenna Testconsulent');
    await s.app.axe('instellingen (enrolment form)');
  });

  it('checks empty fields and a bad URL at the fields, in Dutch', async () => {
    await label('sync.settings.device_name').fill('');
    await button('sync.settings.enroll').click();
    await s.page.getByText(t('validation.required')).first().waitFor();
    expect(await descriptionOf('sync.settings.store_url')).toContain(t('validation.required'));
    expect(await descriptionOf('sync.settings.code')).toContain(t('validation.code_invalid'));
    expect(await descriptionOf('sync.settings.device_name')).toContain(t('validation.required'));
    expect(await label('sync.settings.store_url').getAttribute('aria-invalid')).toBe('true');

    await label('sync.settings.store_url').fill('geen adres');
    await label('sync.settings.code').fill('ABCD-1234');
    await label('sync.settings.device_name').fill('Testlaptop');
    await button('sync.settings.enroll').click();
    await s.page.getByText(t('validation.url_invalid')).waitFor();
    expect(await descriptionOf('sync.settings.store_url')).toContain(t('validation.url_invalid'));
    expect(await label('sync.settings.code').getAttribute('aria-invalid')).toBeNull();
    await s.app.axe('instellingen (field errors)');
  });

  it('explains that linking needs an empty database once the device holds data', async () => {
    await label('sync.settings.store_url').fill('http://127.0.0.1:9');
    await button('sync.settings.enroll').click();
    await s.page.getByRole('alert').filter({ hasText: t('errors.sync_local_data_present') }).waitFor({ timeout: 30_000 });
    // Nothing changed: still not linked, the form keeps what was typed.
    expect(await label('sync.settings.code').inputValue()).toBe('ABCD-1234');
    const status = await s.app.callApi('sync:status', {}, true);
    expect(status.body).toMatchObject({ ok: true, value: { state: 'not_enrolled' } });
    await s.app.axe('instellingen (enrolment refused)');
  });

  it('shows Conflicten with its empty states, accessible', async () => {
    await s.page.evaluate(() => (window.location.hash = '#/conflicten'));
    await h1(t('sync.conflicts.title')).waitFor();
    await s.page.getByText(t('sync.conflicts.empty'), { exact: true }).waitFor();
    await s.page.getByText(t('sync.rejections.empty'), { exact: true }).waitFor();
    await s.app.axe('conflicten (empty)');
  });

  it('ran without script errors', () => {
    expect(s.problems.pageErrors).toEqual([]);
  });
});
