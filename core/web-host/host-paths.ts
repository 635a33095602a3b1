// Where the web host keeps its data and finds its files.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';

type Env = Record<string, string | undefined>;

/** The per-user app-data folder the OS expects: Linux (XDG), Windows (%APPDATA%), macOS. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: Env = process.env, home = homedir()): string {
  if (platform === 'win32') return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), 'Veldwerk');
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', 'Veldwerk');
  return posix.join(env.XDG_DATA_HOME || posix.join(home, '.local', 'share'), 'veldwerk');
}

/** `--data-dir` beats `VELDWERK_DATA_DIR` beats the OS default. */
export function resolveDataDir(flag: string | undefined, env: Env = process.env): string {
  return flag || env.VELDWERK_DATA_DIR || defaultDataDir(process.platform, env);
}

/**
 * The migrations and the built renderer, relative to the running module: `dist/host/web-host.mjs`
 * finds `dist/migrations` and `dist/renderer`. Run from source (tsx core/web-host/main.ts) it
 * falls back to `db/migrations` and `dist/renderer`.
 */
export function bundledPaths(moduleUrl: string): { migrationsFolder: string; rendererDir: string; fontsDir: string } {
  const pick = (...candidates: string[]): string =>
    candidates.map((c) => fileURLToPath(new URL(c, moduleUrl))).find((p) => existsSync(p)) ??
    fileURLToPath(new URL(candidates[0]!, moduleUrl));
  return {
    migrationsFolder: pick('../migrations', '../../db/migrations'),
    rendererDir: pick('../renderer', '../../dist/renderer'),
    // PDF fonts: dist/fonts beside the bundle, resources/fonts from source.
    fontsDir: pick('../fonts', '../../resources/fonts'),
  };
}

/** Test-only: `VELDWERK_TEST_SCRYPT_N` (a power of two, 2^10..2^16) makes key wrapping fast. */
export function testScryptFromEnv(env: Env = process.env): { N: number; r: number; p: number } | undefined | 'invalid' {
  const raw = env.VELDWERK_TEST_SCRYPT_N;
  if (!raw) return undefined;
  const n = Number(raw);
  const ok = Number.isInteger(n) && n >= 2 ** 10 && n <= 2 ** 16 && (n & (n - 1)) === 0;
  return ok ? { N: n, r: 8, p: 1 } : 'invalid';
}
