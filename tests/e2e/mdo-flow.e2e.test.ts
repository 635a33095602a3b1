// The hoorrecht flow in a real browser: a kindgesprek in child mode (two topics, leaving with
// confirmation), finished with a summary; an MDO prepared, recorded, linked to the kindgesprek,
// finalised with the parent's consent, corrected into version 2; the verslag PDF downloaded and
// read back with pdftotext; axe on the MDO editor and on child mode.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E } from './support/chromium.js';
import { startAppSession, type AppSession } from './support/app-session.js';
import { t } from './support/veldwerk-page.js';

const PASSPHRASE = 'een lange test-wachtwoordzin';
const PARENT = 'Wilhelmina Quaedvlieg';
const PUPIL = 'Bram Quaedvlieg';
const AFSPRAAK_1 = 'Rustplek in de klas inrichten';
const AFSPRAAK_2 = 'Wekelijks gesprek met de IB’er';
const SUMMARY = 'Bram speelt graag buiten en vindt rekenen moeilijk.';

describeE2E('MDO and kindgesprek flow in Chromium', () => {
  let s: AppSession;
  let dossierId = '';
  const tmp = mkdtempSync(join(tmpdir(), 'veldwerk-mdo-e2e-'));
  const field = (key: string) => s.page.getByLabel(t(key), { exact: true });
  const button = (key: string) => s.page.getByRole('button', { name: t(key), exact: true });
  const h1 = () => s.page.getByRole('heading', { level: 1 });
  const saved = () => s.page.getByText(/^Opgeslagen om \d{2}:\d{2}$/);

  beforeAll(async () => {
    s = await startAppSession();
  });
  afterAll(async () => {
    await s?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('sets up, loads the demo and opens a fresh dossier with one parent with gezag', async () => {
    await s.app.setUpWithDemo(PASSPHRASE);
    dossierId = await s.app.createDossierWithParent({ voornaam: 'Bram', achternaam: 'Quaedvlieg', groep: 'g6' }, { name: PARENT, relation: 'moeder' });
  });

  it('starts a kindgesprek in child mode and answers two topics', async () => {
    await button('kindgesprek.create').click();
    await s.page.getByRole('heading', { level: 1, name: t('kg_prompt.g5_8.gaat_goed') }).waitFor({ timeout: 20_000 });
    expect(await s.page.locator('.app-header').count()).toBe(0);
    await s.page.getByRole('radio', { name: t('enums.smiley.5'), exact: true }).click();
    await field('kindgesprek.woorden').fill('Ik speel graag buiten.');
    await s.app.axe('kindgesprek child mode');
    await button('kindgesprek.next').click();
    await s.page.getByRole('heading', { level: 1, name: t('kg_prompt.g5_8.moeilijk') }).waitFor();
    await s.page.getByText('Onderwerp 2 van 7').waitFor();
    // Keyboard: focus the faces, move with the arrows, select with Space.
    await s.page.getByRole('radio', { name: t('enums.smiley.1'), exact: true }).focus();
    await s.page.keyboard.press('ArrowRight');
    await s.page.keyboard.press('Space');
    expect(await s.page.getByRole('radio', { name: t('enums.smiley.2'), exact: true }).getAttribute('aria-checked')).toBe('true');
    await field('kindgesprek.woorden').fill('Rekenen vind ik moeilijk.');
    await saved().waitFor({ timeout: 10_000 });
  });

  it('leaves child mode only after confirming', async () => {
    // The browser's back button asks too; cancelling keeps the child on the same topic.
    await s.page.goBack();
    const dialog = s.page.getByRole('dialog', { name: t('kindgesprek.exit_title') });
    await dialog.waitFor();
    await button('kindgesprek.exit_cancel').click();
    await dialog.waitFor({ state: 'detached' });
    await s.page.getByRole('heading', { level: 1, name: t('kg_prompt.g5_8.moeilijk') }).waitFor();
    expect(s.page.url()).toMatch(/\/kindgesprek\/[0-9a-f-]{36}\/kind$/);
    await button('kindgesprek.exit').click();
    await dialog.waitFor();
    await s.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await s.page.getByRole('heading', { level: 1, name: t('kg_prompt.g5_8.moeilijk') }).waitFor();
    await button('kindgesprek.exit').click();
    await button('kindgesprek.exit_confirm').click();
    await h1().filter({ hasText: 'Kindgesprek' }).waitFor({ timeout: 20_000 });
    await s.page.getByText('Rekenen vind ik moeilijk.').waitFor();
  });

  it('finishes the kindgesprek with a summary', async () => {
    await field('kindgesprek.samenvatting').fill(SUMMARY);
    await saved().waitFor({ timeout: 10_000 });
    await button('kindgesprek.finish').click();
    await s.page.getByText(/Dit kindgesprek is afgerond op/).waitFor({ timeout: 20_000 });
    expect(await field('kindgesprek.samenvatting').isDisabled()).toBe(true);
    const [download] = await Promise.all([s.page.waitForEvent('download', { timeout: 30_000 }), button('kindgesprek.pdf_kind').click()]);
    const file = join(tmp, 'kind.pdf');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('prepares and records an MDO', async () => {
    await s.page.getByRole('link', { name: `Terug naar het dossier van ${PUPIL}` }).click();
    await s.page.getByRole('heading', { level: 1, name: PUPIL }).waitFor();
    await button('mdo.create').click();
    await h1().filter({ hasText: 'MDO' }).waitFor({ timeout: 20_000 });
    await field('mdo.locatie').fill('De Regenboog, kamer IB');
    await field('mdo.tijd').fill('14:30');
    await button('mdo.agenda_add').click();
    await s.page.getByLabel('Agendapunt 1', { exact: true }).fill('Opening en kennismaking');
    await button('mdo.agenda_add').click();
    await s.page.getByLabel('Agendapunt 2', { exact: true }).fill('Wat zegt Bram zelf?');
    await s.page.getByRole('button', { name: 'Agendapunt 2 omhoog' }).click();
    expect(await s.page.getByLabel('Agendapunt 1', { exact: true }).inputValue()).toBe('Wat zegt Bram zelf?');
    await s.page.getByLabel(`${PARENT} (Moeder)`).check();
    await button('mdo.attendee_add').click();
    await field('mdo.attendee_name').fill('Anna Jansen');
    await field('mdo.attendee_role').selectOption('leerkracht');
    await field('mdo.field.watGaatGoed').fill('Bram is behulpzaam.');
    await field('mdo.field.zorgen').fill('Onrust bij rekenen.');
    for (const [i, wat] of [AFSPRAAK_1, AFSPRAAK_2].entries()) {
      await button('mdo.afspraak_add').click();
      const row = s.page.getByRole('group', { name: `Afspraak ${i + 1}` });
      await row.getByLabel(t('mdo.afspraak_wat'), { exact: true }).fill(wat);
      await row.getByLabel(t('mdo.afspraak_wie'), { exact: true }).fill('Anna Jansen');
    }
    await field('mdo.kindgesprek').selectOption({ index: 1 });
    await button('mdo.copy_summary').click();
    expect(await field('mdo.field.stemVanHetKind').inputValue()).toBe(SUMMARY);
    await field('mdo.field.wegingKindvisie').fill('Rustplek komt uit Brams eigen wens.');
    await field('mdo.field.evaluatiedatum').fill('2030-01-15');
    await saved().waitFor({ timeout: 10_000 });
    await expect.poll(() => s.page.locator('#mdo-blockers').count()).toBe(0);
    await s.app.axe('MDO editor');
  });

  it('finalises with consent, is read-only, and corrects into version 2', async () => {
    const consent = s.page.getByRole('group', { name: `Instemming van ${PARENT}` });
    await consent.getByLabel(t('enums.consent.instemming'), { exact: true }).check();
    await button('mdo.finalise').click();
    await button('mdo.correct').waitFor({ timeout: 20_000 });
    expect(await field('mdo.locatie').isDisabled()).toBe(true);
    await s.page.getByText(`${PARENT}: Instemming`, { exact: false }).waitFor();

    await button('mdo.correct').click();
    const dialog = s.page.getByRole('dialog', { name: t('mdo.correct_title') });
    await dialog.getByLabel(t('mdo.correct_reason')).fill('Tijd van het MDO was 15:00.');
    await dialog.getByRole('button', { name: t('mdo.correct_submit') }).click();
    await s.page.getByText('Versie 2 (Concept)').waitFor({ timeout: 20_000 });
    expect(await field('mdo.locatie').isDisabled()).toBe(false);
    await s.page.getByRole('link', { name: 'Versie 1 (Vastgesteld)' }).click();
    await s.page.getByText(/Dit is versie 1/).waitFor({ timeout: 20_000 });
    expect(await field('mdo.locatie').inputValue()).toBe('De Regenboog, kamer IB');
    expect(await field('mdo.locatie').isDisabled()).toBe(true);
  });

  it('downloads the verslag of version 1 as a PDF with the afspraken and the consent', async () => {
    const [download] = await Promise.all([s.page.waitForEvent('download', { timeout: 30_000 }), button('mdo.pdf_verslag').click()]);
    const file = join(tmp, 'verslag.pdf');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(AFSPRAAK_1);
    expect(text).toContain(AFSPRAAK_2);
    expect(text).toContain('Instemming');
  });

  it('lists the afspraken on the dossier and ran without CSP violations or script errors', async () => {
    await s.page.evaluate((h) => (window.location.hash = h), `#/dossiers/${dossierId}`);
    await s.page.getByRole('heading', { level: 1, name: PUPIL }).waitFor({ timeout: 20_000 });
    await s.page.getByRole('rowheader', { name: AFSPRAAK_1 }).waitFor({ timeout: 10_000 });
    expect(await s.problems.cspViolations()).toEqual([]);
    expect(s.problems.pageErrors).toEqual([]);
  });
});
