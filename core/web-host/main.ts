// CLI entry of the web host, bundled to dist/host/web-host.mjs. Parses flags, starts the host,
// prints the URL with the per-run token, and shuts down cleanly on SIGINT/SIGTERM.
// The passphrase is never asked here: the app's first screen asks for it in the browser.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { message } from '../../shared/i18n/index.js';
import { parseCliArgs } from './cli-args.js';
import { bundledPaths, resolveDataDir, testScryptFromEnv } from './host-paths.js';
import { openBrowser } from './open-browser.js';
import { startWebHost } from './server.js';

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const err = (line: string): void => void process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  const args = parseCliArgs(process.argv.slice(2));
  if ('error' in args) {
    err(message(args.error));
    err(message('host.usage'));
    return 2;
  }
  if (args.help) {
    out(message('host.usage'));
    return 0;
  }
  const scrypt = testScryptFromEnv();
  if (scrypt === 'invalid') {
    err(message('host.test_scrypt_invalid'));
    return 2;
  }
  if (scrypt) err(message('host.test_scrypt'));

  const { migrationsFolder, rendererDir, fontsDir } = bundledPaths(import.meta.url);
  if (!existsSync(join(rendererDir, 'index.html'))) err(message('host.renderer_missing'));
  const dataDir = resolveDataDir(args.dataDir);

  let host;
  try {
    host = await startWebHost({
      dataDir,
      migrationsFolder,
      rendererDir,
      fontsDir,
      port: args.port,
      ...(scrypt ? { scrypt } : {}),
      log: err,
      logRequests: args.verbose,
    });
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? String(e.code) : '';
    err(message(code === 'EADDRINUSE' ? 'host.port_in_use' : 'host.start_failed'));
    return 1;
  }

  out(`${message('host.running')} ${host.url}`);
  out(`${message('host.data_dir')} ${dataDir}`);
  out(message('host.stop_hint'));
  if (args.open) openBrowser(host.url, () => err(message('host.no_browser')));

  const running = host;
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (): void => {
      if (stopping) {
        // A second Ctrl+C: the user wants out now.
        resolve(130);
        return;
      }
      stopping = true;
      err(message('host.stopping'));
      running.close().then(
        () => {
          err(message('host.stopped'));
          resolve(0);
        },
        () => resolve(1),
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

// Exit explicitly: nothing left pending (a browser opener, a timer) may keep a stopped host alive.
process.exit(await main());
