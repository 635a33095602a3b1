// The audit log in the running app: a beheerder (the privacy officer's role) sets up, adds a werkgebied,
// finds that change and the setup in Auditlog with their name, filters by action, verifies the chain;
// axe on the screen.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E } from './support/chromium.js';
import { startAppSession, type AppSession } from './support/app-session.js';
import { t } from './support/veldwerk-page.js';

describeE2E('audit log in Chromium', () => {
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

  it('shows who changed what, filters it and verifies the chain', async () => {
    await s.app.open();
    await s.app.choosePassphrase('een lange test-wachtwoordzin');
    await h1(t('setup.title')).waitFor({ timeout: 20_000 });
    await label('setup.name').fill('Pim Privacy');
    await s.page.getByRole('radio', { name: t('enums.role.beheerder') }).check();
    await label('setup.association').fill('SWV Testkust');
    await button('setup.complete').click();
    const nav = s.page.getByRole('navigation');
    await nav.getByRole('link', { name: t('auditlog.nav'), exact: true }).waitFor({ timeout: 20_000 });
    await nav.getByRole('link', { name: t('nav.beheer'), exact: true }).click();
    await h1(t('beheer.title')).waitFor();
    await label('beheer.wg_name').fill('Kop van Noord');
    await s.page.keyboard.press('Enter');
    await s.page.getByText('Kop van Noord').first().waitFor();

    await nav.getByRole('link', { name: t('auditlog.nav'), exact: true }).click();
    await h1(t('auditlog.title')).waitFor();
    const table = s.page.getByRole('table', { name: new RegExp(t('auditlog.table_label')) });
    await table.waitFor();
    const text = await table.innerText();
    expect(text).toContain('Pim Privacy');
    expect(text).toContain(t('auditlog.actions.create'));
    expect(text).not.toContain('Kop van Noord'); // ids and field names only
    await s.app.axe('auditlog screen');

    await label('auditlog.action').selectOption({ label: t('auditlog.actions.create') });
    await label('auditlog.action').press('Enter');
    await s.page.getByText(/^1–2 van 2$/).waitFor();

    await button('auditlog.verify').click();
    await s.page.getByText(/De keten is intact/).waitFor();
  });
});
