// Builds everything that runs outside vitest: the renderer (Vite), the web host and the Electron
// entries (esbuild, Node targets). Native modules stay external; migrations are copied beside them.
import { build } from 'esbuild';
import { electronBundleOptions } from './electron-bundle.mjs';
import { build as viteBuild } from 'vite';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const quiet = process.argv.includes('--quiet');

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

await viteBuild({ configFile: join(root, 'renderer/vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: ['better-sqlite3', 'electron'],
  logLevel: quiet ? 'warning' : 'info',
};

await build({
  ...common,
  entryPoints: { 'host/web-host': join(root, 'core/web-host/main.ts') },
  outdir: dist,
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});

const electronEntries = ['main', 'preload', 'core-process'].filter((e) => existsSync(join(root, `electron/${e}.ts`)));
if (electronEntries.length) {
  await build({
    ...electronBundleOptions,
    sourcemap: true,
    logLevel: common.logLevel,
    entryPoints: Object.fromEntries(electronEntries.map((e) => [`electron/${e}`, join(root, `electron/${e}.ts`)])),
    outdir: dist,
    outExtension: { '.js': '.cjs' },
  });
}

cpSync(join(root, 'db/migrations'), join(dist, 'migrations'), { recursive: true });
// Fonts embedded in generated PDFs (DejaVu Sans: every Latin letter of Dutch, Turkish, Polish… names).
cpSync(join(root, 'resources/fonts'), join(dist, 'fonts'), { recursive: true });
if (!quiet) console.log('Build klaar: dist/');
