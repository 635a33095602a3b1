// Page helpers for e2e tests: what a user does, named as a user would. Locators use the Dutch
// texts from shared/i18n (via `t`), so a wording change needs no test change.
import type { Locator, Page } from 'playwright-core';
import { message } from '../../../shared/i18n/index.js';
import { expectNoSeriousA11yViolations, type AxeOptions } from './axe.js';
import type { HostProcess } from './web-host-process.js';

/** The Dutch text of an i18n key (`t('vault.create')`). */
export const t = (key: string): string => message(key, 'nl');

export interface ApiResult {
  status: number;
  body: unknown;
}

export class VeldwerkPage {
  constructor(
    readonly page: Page,
    readonly host: Pick<HostProcess, 'url' | 'origin' | 'token'>,
  ) {}

  /** Opens the app the way the printed link does: with the token in the fragment. */
  async open(): Promise<void> {
    await this.page.goto(this.host.url, { waitUntil: 'load' });
  }

  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: 'load' });
  }

  /** The page's main heading (h1). */
  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** A contract call made from inside the page (same origin), with or without the token. */
  async callApi(method: string, input: unknown, withToken: boolean): Promise<ApiResult> {
    return this.page.evaluate(
      async ({ method, input, token }) => {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (token) headers['x-veldwerk-token'] = token;
        const res = await fetch(`/api/${encodeURIComponent(method)}`, { method: 'POST', headers, body: JSON.stringify(input) });
        let body: unknown = null;
        try {
          body = await res.json();
        } catch {
          body = null;
        }
        return { status: res.status, body };
      },
      { method, input, token: withToken ? this.host.token : null },
    );
  }

  async axe(label: string, opts?: AxeOptions): Promise<void> {
    await expectNoSeriousA11yViolations(this.page, label, opts);
  }

  // ---- Flows. Written against the i18n texts before the screens landed: verify on first use. ----

  /** First run: choose the passphrase of the local encrypted database. */
  async choosePassphrase(passphrase: string): Promise<void> {
    await this.page.getByLabel(t('vault.passphrase'), { exact: true }).fill(passphrase);
    await this.page.getByLabel(t('vault.passphrase_repeat'), { exact: true }).fill(passphrase);
    await this.page.getByRole('button', { name: t('vault.create') }).click();
  }

  /** After a restart: unlock with the passphrase. */
  async unlock(passphrase: string): Promise<void> {
    await this.page.getByLabel(t('vault.passphrase'), { exact: true }).fill(passphrase);
    await this.page.getByRole('button', { name: t('vault.unlock') }).click();
  }

  /** On the setup screen: load the demo association. */
  async loadDemo(): Promise<void> {
    await this.page.getByRole('button', { name: t('setup.demo') }).click();
  }

  /** A new data folder: choose the passphrase, load the demo association, wait for the dossier list. */
  async setUpWithDemo(passphrase: string): Promise<void> {
    await this.open();
    await this.choosePassphrase(passphrase);
    await this.page.getByRole('heading', { level: 1, name: t('setup.title') }).waitFor({ timeout: 20_000 });
    await this.loadDemo();
    await this.page.getByRole('heading', { level: 1, name: t('dossiers.title') }).waitFor({ timeout: 60_000 });
  }

  /** Creates a dossier with one parent with gezag (through the contract) and opens it; returns its id. */
  async createDossierWithParent(pupil: { voornaam: string; achternaam: string; groep: string }, parent: { name: string; relation: string }): Promise<string> {
    const schools = (await this.callApi('schools:list', {}, true)).body as { value: { id: string }[] };
    const created = await this.callApi('dossiers:create', {
      ...pupil, tussenvoegsel: '', geboortedatum: '2015-05-05', schoolId: schools.value[0]!.id, consulentId: null, niveau: 2, notes: '',
      parents: [{ ...parent, gezag: true, phone: '', email: '' }], involved: [],
    }, true);
    if (created.status !== 200 || !(created.body as { ok: boolean }).ok) throw new Error(`dossiers:create failed: ${JSON.stringify(created.body)}`);
    const id = (created.body as { value: { id: string } }).value.id;
    await this.page.evaluate((h) => (window.location.hash = h), `#/dossiers/${id}`);
    await this.page.getByRole('heading', { level: 1, name: `${pupil.voornaam} ${pupil.achternaam}` }).waitFor({ timeout: 20_000 });
    return id;
  }
}
