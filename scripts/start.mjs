// `npm start` (after `npm run build`): runs the desktop app with Electron when its binary is
// installed, otherwise the web host in the default browser. Looks for the binary itself instead
// of `require('electron')`, which would try to download it.
import { spawn as nodeSpawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const FALLBACK_LINE =
  'Electron is op deze machine niet beschikbaar (het programma kon niet worden gedownload); Veldwerk opent nu via de webhost in uw browser.';
export const NOT_BUILT_LINE = 'Veldwerk is nog niet gebouwd: voer eerst `npm run build` uit.';

/** The Electron executable, or null when it is not installed. Never downloads. */
export function findElectron({ root = ROOT, env = process.env, exists = existsSync, read = readFileSync } = {}) {
  const electronDir = join(root, 'node_modules', 'electron');
  const pathFile = join(electronDir, 'path.txt');
  let executable = null;
  try {
    if (exists(pathFile)) executable = String(read(pathFile, 'utf8')).trim() || null;
  } catch {
    executable = null;
  }
  // Same rule as electron/index.js: the override directory plus path.txt (or plain `electron`).
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(env.ELECTRON_OVERRIDE_DIST_PATH, executable ?? 'electron');
    return exists(candidate) ? candidate : null;
  }
  if (!executable) return null;
  const candidate = join(electronDir, 'dist', executable);
  return exists(candidate) ? candidate : null;
}

/** Runs a child with inherited stdio, passes Ctrl+C / SIGTERM on, resolves with its exit code. */
function runChild(spawn, command, args, proc, env) {
  return new Promise((resolveCode) => {
    const child = spawn(command, args, { stdio: 'inherit', windowsHide: false, env });
    const forward = (signal) => () => {
      if (child.exitCode === null) child.kill(signal);
    };
    const onInt = forward('SIGINT');
    const onTerm = forward('SIGTERM');
    proc.on('SIGINT', onInt);
    proc.on('SIGTERM', onTerm);
    const done = (code) => {
      proc.off('SIGINT', onInt);
      proc.off('SIGTERM', onTerm);
      resolveCode(code);
    };
    child.on('error', () => done(1));
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

/** Returns the exit code for `npm start`. Dependencies are parameters so it can be tested. */
export async function start({
  root = ROOT,
  env = process.env,
  spawn = nodeSpawn,
  log = (line) => console.log(line),
  proc = process,
  exists = existsSync,
} = {}) {
  const electron = findElectron({ root, env, exists });
  if (electron) {
    if (!exists(join(root, 'dist', 'electron', 'main.cjs'))) {
      log(NOT_BUILT_LINE);
      return 1;
    }
    return runChild(spawn, electron, [root], proc, env);
  }
  const webHost = join(root, 'dist', 'host', 'web-host.mjs');
  if (!exists(webHost)) {
    log(NOT_BUILT_LINE);
    return 1;
  }
  log(FALLBACK_LINE);
  return runChild(spawn, proc.execPath, [webHost, '--open'], proc, env);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exit(await start());
}
