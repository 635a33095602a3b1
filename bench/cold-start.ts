// Web host cold start: spawn the built host on a data directory with N demo dossiers, open it in a
// running Chromium, unlock with the passphrase (real scrypt cost), until the first list row is visible.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../core/core.js';
import { launchChromium } from '../tests/e2e/support/chromium.js';
import { startHostProcess } from '../tests/e2e/support/web-host-process.js';
import { t } from '../tests/e2e/support/veldwerk-page.js';

const PASSPHRASE = 'benchmark wachtwoordzin';
const FIRST_ROW = '[role="table"] .dl-data-row .dl-col-name a';

export interface ColdStart {
  runs: number;
  /** Spawn → dossier list with rows, the unlock (scrypt N=2^17) included. */
  median: number;
  max: number;
  listenMedian: number;
  unlockMedian: number;
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

export async function runColdStartBench(dossiers: number, runs = 5): Promise<ColdStart> {
  const dataDir = await prepare(dossiers);
  const browser = await launchChromium();
  const totals: number[] = [];
  const listens: number[] = [];
  const unlocks: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      // The real scrypt parameters are in the key file: the test-only variable only affects new vaults.
      const host = await startHostProcess({ dataDir, env: { VELDWERK_TEST_SCRYPT_N: '' } });
      listens.push(performance.now() - t0);
      const page = await (await browser.newContext()).newPage();
      try {
        await page.goto(host.url);
        await page.getByLabel(t('vault.passphrase'), { exact: true }).fill(PASSPHRASE);
        const u0 = performance.now();
        await page.getByRole('button', { name: t('vault.unlock') }).click();
        await page.locator(FIRST_ROW).first().waitFor({ state: 'visible', timeout: 20_000 });
        const end = performance.now();
        unlocks.push(end - u0);
        totals.push(end - t0);
      } finally {
        await page.context().close();
        await host.stop();
      }
    }
  } finally {
    await browser.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { runs, median: median(totals), max: Math.max(...totals), listenMedian: median(listens), unlockMedian: median(unlocks) };
}
