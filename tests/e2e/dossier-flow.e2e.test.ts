// The consultant's first run and dossier flow in a real browser: passphrase, demo association, a new
// dossier, found by search (diacritics folded), edited with autosave, persisted across a reload,
// validated at the field; axe on the list and dossier screens.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E } from './support/chromium.js';
import { startAppSession, type AppSession } from './support/app-session.js';
import { t } from './support/veldwerk-page.js';

const PASSPHRASE = 'een lange test-wachtwoordzin';
// Synthetic name that the demo generator never makes, with diacritics to fold in search.
const VOORNAAM = 'Quirijn';
const ACHTERNAAM = 'Ünalkamp';

describeE2E('dossier flow in Chromium', () => {
  let s: AppSession;
  const field = (key: string) => s.page.getByLabel(t(key), { exact: true });
  const saveStatus = () => s.page.getByText(/^Opgeslagen om \d{2}:\d{2}$/);

  beforeAll(async () => {
    s = await startAppSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('sets up with a passphrase and loads the demo association', async () => {
    await s.app.open();
    await s.app.choosePassphrase(PASSPHRASE);
    await s.page.getByRole('heading', { level: 1, name: t('setup.title') }).waitFor({ timeout: 20_000 });
    await s.app.loadDemo();
    await s.page.getByRole('heading', { level: 1, name: t('dossiers.title') }).waitFor({ timeout: 60_000 });
    await s.page.getByText('3.000 dossiers').waitFor({ timeout: 20_000 });
    await s.page.locator('.dl-data-row .dl-col-name a').first().waitFor();
  });

  it('has no serious or critical accessibility violations on the dossier list', async () => {
    await s.app.axe('dossier list');
  });

  it('moves through the list with the arrow keys and opens a dossier with Enter', async () => {
    const links = s.page.locator('.dl-data-row .dl-col-name a');
    await links.first().focus();
    await s.page.keyboard.press('ArrowDown');
    const second = (await links.nth(1).textContent())!;
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.textContent)).toBe(second);
    await s.page.keyboard.press('Enter');
    await s.page.getByRole('heading', { level: 1, name: second }).waitFor();
    await s.page.getByRole('navigation').getByRole('link', { name: t('nav.dossiers'), exact: true }).click();
    await s.page.getByRole('heading', { level: 1, name: t('dossiers.title') }).waitFor();
  });

  it('creates a new dossier', async () => {
    await s.page.getByRole('button', { name: t('dossiers.new') }).or(s.page.getByRole('link', { name: t('dossiers.new') })).first().click();
    await s.page.getByRole('heading', { level: 1, name: t('dossier.title_new') }).waitFor();
    await field('dossier.voornaam').fill(VOORNAAM);
    await field('dossier.achternaam').fill(ACHTERNAAM);
    await field('dossier.geboortedatum').fill('2016-03-04');
    await field('dossier.groep').selectOption({ label: t('enums.groep.g5') });
    const school = field('dossier.school');
    const firstSchool = await school.locator('option[value]:not([value=""])').first().getAttribute('value');
    await school.selectOption(firstSchool!);
    await s.page.getByRole('button', { name: t('dossier.create') }).click();
    await s.page.getByRole('heading', { level: 1, name: `${VOORNAAM} ${ACHTERNAAM}` }).waitFor({ timeout: 20_000 });
    await expect.poll(() => s.page.url()).toMatch(/#\/dossiers\/[0-9a-f-]{36}$/);
  });

  it('has no serious or critical accessibility violations on the dossier screen', async () => {
    await s.app.axe('dossier screen');
  });

  it('finds the dossier by typing without diacritics or capitals', async () => {
    await s.page.getByRole('navigation').getByRole('link', { name: t('nav.dossiers'), exact: true }).click();
    await field('dossiers.search').fill('unalk');
    const row = s.page.locator('.dl-data-row .dl-col-name a', { hasText: `${VOORNAAM} ${ACHTERNAAM}` });
    await row.waitFor({ timeout: 10_000 });
    await s.page.getByText('1 dossier', { exact: true }).waitFor();
    await row.click();
    await s.page.getByRole('heading', { level: 1, name: `${VOORNAAM} ${ACHTERNAAM}` }).waitFor();
  });

  it('autosaves an edit, shows when it was saved, and keeps it across a reload', async () => {
    await field('dossier.status').selectOption({ label: t('enums.status.lopend') });
    await field('dossier.notes').fill('Afspraak: evaluatie na zes weken met de IB’er.');
    await saveStatus().waitFor({ timeout: 10_000 });
    await s.app.reload();
    await s.page.getByRole('heading', { level: 1, name: `${VOORNAAM} ${ACHTERNAAM}` }).waitFor({ timeout: 20_000 });
    await expect.poll(() => field('dossier.notes').inputValue()).toBe('Afspraak: evaluatie na zes weken met de IB’er.');
    expect(await field('dossier.status').inputValue()).toBe('lopend');
    await s.page.getByText(t('enums.timeline.changed')).first().waitFor();
  });

  it('shows a Dutch validation message at the field for a birth date in the future, and does not save it', async () => {
    await field('dossier.geboortedatum').fill('2099-01-01');
    await s.page.getByText(t('validation.birthdate_future')).waitFor();
    await expect.poll(() => field('dossier.geboortedatum').getAttribute('aria-invalid')).toBe('true');
    await s.page.getByText(t('dossier.save_invalid')).waitFor();
    const list = await s.app.callApi('dossiers:list', { query: 'unalkamp' }, true);
    const id = (list.body as { value: { rows: { id: string }[] } }).value.rows[0]!.id;
    const stored = await s.app.callApi('dossiers:get', { id }, true);
    expect((stored.body as { value: { geboortedatum: string } }).value.geboortedatum).toBe('2016-03-04');
  });

  it('ran without CSP violations or script errors', async () => {
    expect(await s.problems.cspViolations()).toEqual([]);
    expect(s.problems.pageErrors).toEqual([]);
  });
});
