import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer bundle: relative URLs (served from app:// and from the web host), no inline
// script or style (the CSP forbids both), output beside the other builds in dist/.
// Paths hang off this file's folder, so the build works from any working directory.
const here = import.meta.dirname;

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${here}/../dist/renderer`,
    emptyOutDir: true,
    // Keep assets as files: no data: URLs inlined into CSS/JS.
    assetsInlineLimit: 0,
    // The preload polyfill would be an inline script.
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
  server: { host: '127.0.0.1' },
});
