// Arrangements and TLV in a real browser: an MDO with an afspraak → "Arrangement opstellen uit dit
// MDO" → an inzet line (2,5 u × 38 wk × € 52,50) → budget effect → Indienen → Toekennen → Starten →
// Evalueren → the overview; the proposal PDF read back with pdftotext; a TLV refused while
// incomplete (both advices listed), then completed with uploaded PDFs and submitted; axe on the
// arrangement editor, the overview, budgets, the TLV editor and termijnen.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E } from './support/chromium.js';
import { startAppSession, type AppSession } from './support/app-session.js';
import { t } from './support/veldwerk-page.js';

const PASSPHRASE = 'een lange test-wachtwoordzin';
const PUPIL = 'Fenna Zwanenburg';
const AFSPRAAK = 'Inclusie-ondersteuner twee ochtenden per week';
const NBSP = /\u00a0/g;
const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`) });

describeE2E('Arrangements and TLV flow in Chromium', () => {
  let s: AppSession;
  let dossierId = '';
  let arrangementTitle = '';
  const tmp = mkdtempSync(join(tmpdir(), 'veldwerk-arr-e2e-'));
  const button = (key: string) => s.page.getByRole('button', { name: t(key), exact: true });
  const h1 = () => s.page.getByRole('heading', { level: 1 });
  const saved = () => s.page.getByText(/^Opgeslagen om \d{2}:\d{2}$/);
  const go = async (hash: string) => s.page.evaluate((h) => (window.location.hash = h), hash);

  beforeAll(async () => {
    s = await startAppSession();
  });
  afterAll(async () => {
    await s?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('sets up with the demo and opens a dossier', async () => {
    await s.app.setUpWithDemo(PASSPHRASE);
    dossierId = await s.app.createDossierWithParent({ voornaam: 'Fenna', achternaam: 'Zwanenburg', groep: 'g5' }, { name: 'Joost Zwanenburg', relation: 'vader' });
    await s.page.getByRole('heading', { level: 2, name: t('arrangements.list_title') }).waitFor();
  });

  it('drafts an arrangement from an MDO and sees the cost and the budget effect', async () => {
    await button('mdo.create').click();
    await h1().filter({ hasText: 'MDO' }).waitFor({ timeout: 20_000 });
    await button('mdo.afspraak_add').click();
    const row = s.page.getByRole('group', { name: 'Afspraak 1' });
    await row.getByLabel(t('mdo.afspraak_wat'), { exact: true }).fill(AFSPRAAK);
    await saved().waitFor({ timeout: 10_000 });
    await button('arrangements.from_mdo').click();
    await h1().filter({ hasText: 'Arrangement' }).waitFor({ timeout: 20_000 });
    // The core pre-filled the goals from the MDO's afspraken.
    await s.page.getByRole('group', { name: 'Doel 1' }).waitFor({ timeout: 10_000 });
    arrangementTitle = await s.page.getByLabel(t('arrangements.title_label'), { exact: false }).inputValue();
    await button('arrangements.inzet_add').click();
    const line = s.page.getByRole('group', { name: 'Inzet 1' });
    await line.getByLabel(t('arrangements.inzet_type'), { exact: true }).selectOption('inclusie_ondersteuner');
    await line.getByLabel(t('arrangements.inzet_provider'), { exact: true }).fill('Ambulant team');
    await line.getByLabel(t('arrangements.inzet_hours'), { exact: true }).fill('2,5');
    await line.getByLabel(t('arrangements.inzet_weeks'), { exact: true }).fill('38');
    await line.getByLabel(t('arrangements.inzet_rate'), { exact: true }).fill('52,50');
    expect((await s.page.getByTestId('arr-total').textContent())?.replace(NBSP, ' ')).toBe('Totaal: € 4.987,50');
    await saved().waitFor({ timeout: 10_000 });
    const budget = s.page.getByRole('region', { name: t('arrangements.budget_title') });
    await budget.getByText(t('arrangements.budget_after')).waitFor({ timeout: 10_000 });
    await s.app.axe('arrangement editor');
  });

  it('goes through Indienen → Toekennen → Starten → Evalueren', async () => {
    const step = async (action: string, note?: string) => {
      await button(`arrangements.action_${action}`).click();
      const dialog = s.page.getByRole('dialog');
      if (note) await dialog.getByRole('textbox').fill(note);
      await dialog.getByRole('button', { name: new RegExp(`bevestigen$`) }).click();
      await dialog.waitFor({ state: 'detached', timeout: 20_000 });
    };
    await step('ingediend');
    await s.page.getByText(t('arrangements.readonly_banner')).waitFor({ timeout: 20_000 });
    await step('toegekend', 'Past binnen het budget van het werkgebied.');
    await step('lopend');
    await button('arrangements.action_geevalueerd').click();
    const dialog = s.page.getByRole('dialog', { name: t('arrangements.evaluation_title') });
    for (const group of await dialog.getByRole('group', { name: t('arrangements.evaluation_result') }).all()) {
      await group.getByLabel(t('enums.goal_result.behaald'), { exact: true }).check();
    }
    await dialog.getByLabel(t('arrangements.evaluation_vervolg'), { exact: false }).fill('Afbouwen na de kerstvakantie.');
    await dialog.getByRole('button', { name: t('arrangements.evaluation_save') }).click();
    await dialog.waitFor({ state: 'detached', timeout: 20_000 });
    await s.page.getByText(`Huidige status: ${t('enums.arr_status.geevalueerd')}`).waitFor({ timeout: 20_000 });
  });

  it('downloads the proposal PDF with the total', async () => {
    const [download] = await Promise.all([s.page.waitForEvent('download', { timeout: 30_000 }), button('arrangements.pdf').click()]);
    const file = join(tmp, 'voorstel.pdf');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('4.987,50');
  });

  it('shows the arrangement with its total in the overview; axe on overview, budgets and termijnen', async () => {
    await s.page.getByRole('navigation').getByRole('link', { name: t('arrangements.nav') }).click();
    await s.page.getByRole('heading', { level: 1, name: t('arrangements.overview_title') }).waitFor({ timeout: 20_000 });
    const row = s.page.getByRole('row').filter({ has: s.page.getByRole('link', { name: arrangementTitle }) }).filter({ hasText: PUPIL });
    await row.first().waitFor({ timeout: 20_000 });
    expect((await row.first().textContent())?.replace(NBSP, ' ')).toContain('€ 4.987,50');
    await s.page.getByTestId('arr-totals').waitFor();
    await s.app.axe('arrangements overview');
    await s.page.getByRole('navigation').getByRole('link', { name: t('budgets.nav') }).click();
    await s.page.getByRole('table').waitFor({ timeout: 20_000 });
    await s.app.axe('budgets');
    await s.page.getByRole('navigation').getByRole('link', { name: t('termijnen.nav'), exact: true }).click();
    await s.page.getByRole('heading', { level: 1, name: t('termijnen.title') }).waitFor({ timeout: 20_000 });
    await s.page.getByRole('combobox', { name: t('termijnen.filter_werkgebied') }).waitFor();
    await s.app.axe('termijnen');
  });

  it('refuses an incomplete TLV, then completes and submits it with uploaded PDFs', async () => {
    await go(`#/dossiers/${dossierId}`);
    await s.page.getByRole('heading', { level: 1, name: PUPIL }).waitFor({ timeout: 20_000 });
    await button('tlv.create').click();
    await h1().filter({ hasText: 'TLV-aanvraag' }).waitFor({ timeout: 20_000 });
    await button('tlv.mark_complete').click();
    await s.page.getByRole('alert').filter({ hasText: 'Nog niet compleet' }).waitFor();
    const missing = s.page.getByRole('region', { name: t('tlv.missing_title') });
    await missing.getByText(`Deskundigenadvies 1: ${t('validation.tlv_advice_attachment')}`).waitFor();
    await missing.getByText(`Deskundigenadvies 2: ${t('validation.tlv_advice_attachment')}`).waitFor();

    const experts = [['Dr. A. de Wit', 'Orthopedagoog'], ['M. Bakker', 'Kinder- en jeugdpsycholoog']] as const;
    for (const [i, [name, discipline]] of experts.entries()) {
      const n = i + 1;
      await s.page.getByLabel(`Naam deskundige (advies ${n})`).fill(name);
      await s.page.getByLabel(`Discipline (advies ${n})`).fill(discipline);
      await s.page.getByLabel(`Datum van het advies (advies ${n})`).fill('2026-10-01');
      await s.page.getByLabel(`Advies (advies ${n})`, { exact: true }).fill('Speciaal onderwijs past het best.');
      await s.page.getByLabel(`Ondertekend advies toevoegen (advies ${n})`).setInputFiles(pdf(`advies-${n}.pdf`));
      await s.page.getByText(`advies-${n}.pdf`, { exact: true }).waitFor({ timeout: 20_000 });
    }
    for (const key of ['onderwijskundig_rapport', 'opp', 'ondersteuningshistorie', 'recent_verslag']) {
      await s.page.getByLabel(`Bestand toevoegen: ${t(`enums.tlv_document.${key}`)}`).setInputFiles(pdf(`${key}.pdf`));
      await s.page.getByText(`${key}.pdf`, { exact: true }).waitFor({ timeout: 20_000 });
    }
    await s.page.getByLabel(`Datum van het verslag: ${t('enums.tlv_document.recent_verslag')}`).fill('2026-09-15');
    await s.page.getByLabel(t('tlv.parents_view'), { exact: true }).fill('Ouders zien dat Fenna meer structuur nodig heeft.');
    await s.page.getByRole('group', { name: t('tlv.consent') }).getByLabel(t('enums.consent.instemming'), { exact: true }).check();
    await s.page.getByLabel(t('tlv.consent_date'), { exact: true }).fill('2026-10-05');
    await s.page.getByLabel(t('tlv.child_view'), { exact: true }).fill('Fenna wil een rustige klas.');
    await missing.getByText(t('tlv.missing_none')).waitFor({ timeout: 10_000 });
    await saved().waitFor({ timeout: 10_000 });
    await s.app.axe('TLV editor');
    await button('tlv.mark_complete').click();
    await s.page.getByText(/^Besluit uiterlijk op /).waitFor({ timeout: 20_000 });
    await button('tlv.submit').click();
    await s.page.locator('.badge-tlv-ingediend').waitFor({ timeout: 20_000 });
    expect(await s.problems.cspViolations()).toEqual([]);
    expect(s.problems.pageErrors).toEqual([]);
  });
});
