import { defineConfig } from 'vitest/config';

// End-to-end: the BUILT web host (dist/host/web-host.mjs) as a child process, driven in Chromium.
// `npm run test:e2e` builds first. One file at a time: each starts its own host and browser.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup-env.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
