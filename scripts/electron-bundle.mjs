// How the Electron entries are bundled: shared by scripts/build.mjs and the test that runs the real
// core-process bundle (electron/core-process.test.ts), so the test runs what ships.
export const electronBundleOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['better-sqlite3', 'electron'],
  // Bundled ESM dependencies (pdfkit's createRequire) read import.meta.url, which is empty in CommonJS.
  define: { 'import.meta.url': '__veldwerkImportMetaUrl' },
  banner: { js: "const __veldwerkImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};
