// An app session linked to a real store: linking on the first-run screen, calls through the web
// host's contract, and "Nu synchroniseren" with a wait on the core's own status (never on the clock).
import { expect } from 'vitest';
import type { SyncStatus } from '../../../shared/contract/index.js';
import type { AppSession } from './app-session.js';
import { t } from './veldwerk-page.js';

/** Calls a contract method through the web host with the session's token; throws on any error. */
export async function api<T>(s: AppSession, method: string, input: unknown): Promise<T> {
  const r = await s.app.callApi(method, input, true);
  const body = r.body as { ok: boolean; value?: T; error?: unknown };
  if (r.status !== 200 || !body.ok) throw new Error(`${method} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return body.value as T;
}

export const syncStatus = (s: AppSession) => api<SyncStatus>(s, 'sync:status', {});
export const syncIndicator = (s: AppSession) => s.page.getByRole('banner').getByRole('group', { name: t('sync.indicator.label') });

/**
 * Clicks "Nu synchroniseren" and waits until that round has ended (the core's status says when).
 * The button's call must answer 'syncing': the round starts at once, so the header shows it.
 */
export async function syncNow(s: AppSession, label: string): Promise<SyncStatus> {
  const before = await syncStatus(s);
  const answer = s.page.waitForResponse((r) => new URL(r.url()).pathname === `/api/${encodeURIComponent('sync:now')}`);
  await syncIndicator(s).getByRole('button', { name: t('sync.indicator.sync_now'), exact: true }).click();
  expect(((await (await answer).json()) as { value: SyncStatus }).value.state).toBe('syncing');
  let after = before;
  await expect
    .poll(
      async () => {
        after = await syncStatus(s);
        return after.state !== 'syncing' && (after.lastSyncAt !== before.lastSyncAt || after.state !== 'idle');
      },
      { timeout: 30_000, message: `${label}: the sync round did not end` },
    )
    .toBe(true);
  return after;
}

/** Chooses a passphrase and links the fresh device on the setup screen; waits for the first sync. */
export async function linkOnSetup(s: AppSession, o: { passphrase: string; storeUrl: string; code: string; deviceName: string }): Promise<void> {
  const h1 = (name: string) => s.page.getByRole('heading', { level: 1, name, exact: true });
  await s.app.open();
  await s.app.choosePassphrase(o.passphrase);
  await h1(t('setup.title')).waitFor({ timeout: 20_000 });
  const form = s.page.getByRole('form', { name: t('sync.settings.enroll_heading') });
  await form.getByLabel(t('sync.settings.store_url'), { exact: true }).fill(o.storeUrl);
  await form.getByLabel(t('sync.settings.code'), { exact: true }).fill(o.code);
  await form.getByLabel(t('sync.settings.device_name'), { exact: true }).fill(o.deviceName);
  await form.getByRole('button', { name: t('sync.settings.enroll'), exact: true }).click();
  // The store's user becomes this device's profile: the app opens on the role's start page (the dossier
  // list; the commission's inbox for the secretary, Beheer for the beheerder: renderer/src/roles/).
  await s.page.getByRole('navigation', { name: t('nav.label') }).waitFor({ timeout: 20_000 });
  await syncIndicator(s).locator('.sync-text').getByText(/^Bijgewerkt om \d{2}:\d{2}$/).waitFor({ timeout: 30_000 });
}
