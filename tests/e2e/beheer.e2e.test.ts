// First-run setup with own details, then Beheer: werkgebieden by keyboard, the CSV import of schools
// (a bad file imports nothing and shows per-line errors; a good file with BOM and ';' imports), a
// school's BRIN validated at the field, the English switch; axe on the setup and Beheer screens.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E } from './support/chromium.js';
import { startAppSession, type AppSession } from './support/app-session.js';
import { t } from './support/veldwerk-page.js';
import { en } from '../../shared/i18n/en.js';

const BAD_CSV = 'naam;brin;plaats;werkgebied\nOBS De Regenboog;12AB;Alkmaar;Kop van Noord\n;34CD;Schagen;Kop van Noord\nCBS Fout;1234;Heiloo;Zuid\n';
const GOOD_CSV = '\uFEFFnaam;brin;plaats;werkgebied\r\nOBS De Regenboog;12ab;Alkmaar;Kop van Noord\r\n"CBS ""Het"" Kompas";34CD;Schagen;Zuidkust\r\n';

describeE2E('setup and beheer in Chromium', () => {
  let s: AppSession;
  const label = (key: string) => s.page.getByLabel(t(key), { exact: true });
  const button = (key: string) => s.page.getByRole('button', { name: t(key), exact: true });
  const h1 = (name: string) => s.page.getByRole('heading', { level: 1, name });

  beforeAll(async () => {
    s = await startAppSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('completes the first-run setup with own name, role and association', async () => {
    await s.app.open();
    await s.app.choosePassphrase('een lange test-wachtwoordzin');
    await h1(t('setup.title')).waitFor({ timeout: 20_000 });
    await s.app.axe('setup screen');
    await button('setup.complete').click();
    await s.page.getByText(t('validation.required')).first().waitFor();
    await label('setup.name').fill('Fenna Testconsulent');
    await s.page.getByRole('radio', { name: t('enums.role.beheerder') }).check();
    await label('setup.association').fill('SWV Testkust');
    await button('setup.complete').click();
    // The beheerder's start page is Beheer (shared/contract/roles.ts: no dossiers for this role).
    await h1(t('beheer.title')).waitFor({ timeout: 20_000 });
    await s.page.getByText('Fenna Testconsulent').first().waitFor();
  });

  it('adds a werkgebied with the keyboard alone', async () => {
    await s.page.getByRole('navigation').getByRole('link', { name: t('nav.beheer'), exact: true }).click();
    await h1(t('beheer.title')).waitFor();
    await s.app.axe('beheer screen (empty)');
    await label('beheer.wg_name').focus();
    await s.page.keyboard.type('Kop van Noord');
    await s.page.keyboard.press('Enter');
    await s.page.getByText('Kop van Noord').first().waitFor();
  });

  it('rejects a CSV file with errors per line and imports nothing', async () => {
    await label('beheer.import_file').setInputFiles({ name: 'scholen.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) });
    await button('beheer.import_check').click();
    await s.page.getByText(t('errors.import_invalid')).first().waitFor();
    const errors = s.page.getByRole('table', { name: t('beheer.import_errors') });
    await errors.waitFor();
    const text = await errors.innerText();
    expect(text).toContain(t('validation.required'));
    expect(text).toContain(t('validation.brin_invalid'));
    expect(text).toMatch(/\b3\b/);
    expect(text).toMatch(/\b4\b/);
    const schools = await s.app.callApi('schools:list', {}, true);
    expect(schools.body).toEqual({ ok: true, value: [] });
    await s.app.axe('beheer screen with import errors');
  });

  it('previews and imports a good CSV file (BOM, semicolons, quotes)', async () => {
    await label('beheer.import_file').setInputFiles({ name: 'scholen.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_CSV) });
    await button('beheer.import_check').click();
    await s.page.getByText('2 scholen: 2 nieuw, 0 bijgewerkt.').waitFor();
    await s.page.getByText(/Zuidkust/).first().waitFor();
    await button('beheer.import_apply').click();
    await s.page.getByText(/^Import voltooid: 2 scholen/).waitFor();
    const table = s.page.getByRole('table', { name: t('beheer.schools_table') });
    await table.getByText('CBS "Het" Kompas').waitFor();
    await table.getByText('12AB').waitFor();
  });

  it('validates the BRIN code of a new school at the field', async () => {
    const form = s.page.getByRole('form', { name: t('beheer.school_form_add') }).or(s.page.locator('form', { hasText: t('beheer.school_save') })).first();
    await form.getByLabel(t('beheer.school_name'), { exact: true }).fill('IKC De Duinroos');
    await form.getByLabel(t('beheer.school_brin'), { exact: true }).fill('1A2B');
    await form.getByLabel(t('beheer.school_werkgebied'), { exact: true }).selectOption({ label: 'Kop van Noord' });
    await form.getByRole('button', { name: t('beheer.school_save') }).click();
    await form.getByText(t('validation.brin_invalid')).waitFor();
    await form.getByLabel(t('beheer.school_brin'), { exact: true }).fill('56ef');
    await form.getByRole('button', { name: t('beheer.school_save') }).click();
    await s.page.getByRole('table', { name: t('beheer.schools_table') }).getByText('56EF').waitFor();
  });

  it('switches the whole screen to English and back', async () => {
    await s.page.getByRole('button', { name: 'English', exact: true }).click();
    await h1(en.beheer.title).waitFor();
    await s.page.getByRole('navigation').getByRole('link', { name: en.nav.beheer, exact: true }).waitFor();
    expect(await s.page.getAttribute('html', 'lang')).toBe('en');
    await s.page.getByRole('button', { name: 'Nederlands', exact: true }).click();
    await h1(t('beheer.title')).waitFor();
  });

  it('ran without CSP violations or script errors', async () => {
    expect(await s.problems.cspViolations()).toEqual([]);
    expect(s.problems.pageErrors).toEqual([]);
  });
});
