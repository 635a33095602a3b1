// Web host cold start: spawn the built host on a data directory with N demo dossiers, open it in a
// running Chromium, unlock with the passphrase (real scrypt cost), until the first list row is visible.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../core/core.js';
import { DEFAULT_SCRYPT, newDataKey, wrapKey } from '../db/keys.js';
import { launchChromium } from '../tests/e2e/support/chromium.js';
import { startHostProcess } from '../tests/e2e/support/web-host-process.js';
import { t } from '../tests/e2e/support/veldwerk-page.js';

const PASSPHRASE = 'benchmark wachtwoordzin';
const FIRST_ROW = '[role="table"] .dl-data-row .dl-col-name a';

export interface ColdStart {
  runs: number;
  /** Spawn → URL printed + page load → unlock screen ready + unlock click → rows visible (medians). */
  median: number;
  max: number;
  listenMedian: number;
  readyMedian: number;
  unlockMedian: number;
  /** The deliberate scrypt cost inside the unlock, measured alone in the same run. */
  kdfMs: number;
}

async function prepare(dossiers: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'veldwerk-cold-'));
  const core = createCore({ dataDir: dir, migrationsFolder: join(import.meta.dirname, '../db/migrations'), log: () => {} });
  for (const [m, input] of [['vault:create', { passphrase: PASSPHRASE }], ['setup:loadDemo', { dossiers }]] as const) {
    const env = await core.call(m, input);
    if (!env.ok) throw new Error(`${m}: ${env.error.code}`);
  }
  core.close();
  return dir;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Times are taken where they happen: the spawn on the Node clock, page phases on the page's own clock
 * (requestAnimationFrame polling), so the automation's typing and polling are not counted.
 */
export async function runColdStartBench(dossiers: number, runs = 5): Promise<ColdStart> {
  const dataDir = await prepare(dossiers);
  const browser = await launchChromium();
  const totals: number[] = [];
  const listens: number[] = [];
  const readies: number[] = [];
  const unlocks: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      // The real scrypt parameters are in the key file: the test-only variable only affects new vaults.
      const host = await startHostProcess({ dataDir, env: { VELDWERK_TEST_SCRYPT_N: '' } });
      const listen = performance.now() - t0;
      const page = await (await browser.newContext()).newPage();
      try {
        await page.goto(host.url);
        const input = page.getByLabel(t('vault.passphrase'), { exact: true });
        const ready = await (await page.waitForFunction(() => (document.querySelector('input[type=password]') ? performance.now() : 0), null, { polling: 'raf' })).jsonValue();
        await input.fill(PASSPHRASE);
        const clickAt = await page.evaluate(() => {
          (document.querySelector('form button[type=submit]') as HTMLButtonElement).click();
          return performance.now();
        });
        const rowsAt = await (
          await page.waitForFunction((sel) => (document.querySelector(sel) ? performance.now() : 0), FIRST_ROW, { polling: 'raf', timeout: 20_000 })
        ).jsonValue();
        listens.push(listen);
        readies.push(ready);
        unlocks.push(rowsAt - clickAt);
        totals.push(listen + ready + (rowsAt - clickAt));
      } finally {
        await page.context().close();
        await host.stop();
      }
    }
  } finally {
    await browser.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return {
    runs,
    median: median(totals),
    max: Math.max(...totals),
    listenMedian: median(listens),
    readyMedian: median(readies),
    unlockMedian: median(unlocks),
    kdfMs: await kdfCost(),
  };
}

async function kdfCost(): Promise<number> {
  const t0 = performance.now();
  await wrapKey(newDataKey(), PASSPHRASE, DEFAULT_SCRYPT);
  return performance.now() - t0;
}
