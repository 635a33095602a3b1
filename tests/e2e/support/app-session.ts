// One e2e session: the built web host (child process) + Chromium + a fresh context and page, with
// the page's console errors, uncaught errors and CSP violations collected. `close()` always
// closes browser and host, even after a failure; call it from afterAll.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { startHostProcess, type HostProcess, type HostProcessOptions } from './web-host-process.js';
import { VeldwerkPage } from './veldwerk-page.js';

export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  /** From `securitypolicyviolation` events and CSP console messages. */
  cspViolations(): Promise<string[]>;
}

export interface AppSession {
  host: HostProcess;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  app: VeldwerkPage;
  problems: PageProblems;
  /** Closes browser, then host (SIGTERM). Resolves to the host's exit code (0 = clean shutdown). */
  close(): Promise<number | null>;
}

declare global {
  interface Window {
    __veldwerkCsp?: string[];
  }
}

const CSP_RE = /Content Security Policy|Content-Security-Policy|violates the following/i;

export async function startAppSession(opts: HostProcessOptions = {}): Promise<AppSession> {
  const host = await startHostProcess(opts);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    // Runs before the app's scripts; injected by the driver, so the page's CSP does not block it.
    await context.addInitScript(() => {
      window.__veldwerkCsp = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        const where = e.sourceFile ? ` at ${e.sourceFile.replace(/^https?:\/\/[^/]+/, '')}:${e.lineNumber}:${e.columnNumber}` : '';
        window.__veldwerkCsp!.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}${where}`);
      });
    });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    const pageErrors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const where = msg.location().url.replace(/#token=[^&]*/, '#token=…');
      // The browser asks for /favicon.ico on its own; a missing one is not an app error.
      if (/\/favicon\.ico$/.test(where)) return;
      consoleErrors.push(where ? `${msg.text()} (${where})` : msg.text());
    });
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    const problems: PageProblems = {
      consoleErrors,
      pageErrors,
      async cspViolations() {
        const fromEvents = await page.evaluate(() => window.__veldwerkCsp ?? []).catch(() => [] as string[]);
        return [...fromEvents, ...consoleErrors.filter((m) => CSP_RE.test(m))];
      },
    };
    const opened = browser;
    let closing: Promise<number | null> | null = null;
    return {
      host,
      browser,
      context,
      page,
      app: new VeldwerkPage(page, host),
      problems,
      close() {
        closing ??= opened
          .close()
          .catch(() => undefined)
          .then(() => host.stop());
        return closing;
      },
    };
  } catch (err) {
    await browser?.close().catch(() => undefined);
    await host.stop();
    throw err;
  }
}
