// Finding and launching the system Chromium (Debian's package; Playwright's own browser download
// is not used). Without Chromium the e2e suites are skipped loudly, except in CI where they fail.
import { accessSync, constants } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { describe, it } from 'vitest';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Flags for a quiet, closed-network, root-run headless Chromium. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
}

/** Why Chromium cannot be used, or null when it can. */
export function chromiumMissing(): string | null {
  const path = chromiumPath();
  try {
    accessSync(path, constants.X_OK);
    return null;
  } catch {
    return `Chromium not found at ${path} (set CHROMIUM_PATH, or run scripts/ensure-system-deps.sh / apt-get install chromium).`;
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

function banner(reason: string, failing: boolean): string {
  const line = '!'.repeat(78);
  const what = failing ? 'END-TO-END TESTS CANNOT RUN (CI=true) / E2E-TESTS KUNNEN NIET DRAAIEN' : 'END-TO-END TESTS SKIPPED / E2E-TESTS OVERGESLAGEN';
  return `\n${line}\n!! ${what}\n!! ${reason}\n${line}\n`;
}

/**
 * `describe` for suites that need Chromium. When it is missing: skipped with a loud banner on a
 * developer machine, a failing test when CI=true (a green CI must mean the browser tests ran).
 */
export function describeE2E(name: string, body: () => void): void {
  const missing = chromiumMissing();
  if (!missing) {
    describe(name, body);
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs Chromium (CI=true: missing Chromium is a failure, not a skip)', () => {
        throw new Error(banner(missing, true));
      });
    });
  } else {
    console.warn(banner(missing, false));
    describe.skip(name, body);
  }
}
