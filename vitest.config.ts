import { defineConfig } from 'vitest/config';

// Unit, integration, component and property tests. End-to-end lives in tests/e2e (own config).
export default defineConfig({
  test: {
    include: ['{shared,db,core,renderer,electron,server,tests}/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
    setupFiles: ['tests/setup-env.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
