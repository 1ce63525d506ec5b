import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests that install things (the real pre-commit framework, `npm pack` + install + the real spectral-cli,
 * the README's install recipes): minutes each, so `npm test` leaves them to `npm run test:e2e` (E2E=1), which CI
 * (.ci/run) runs after `npm test`.
 */
const E2E = ['test/cli/pre-commit.test.ts', 'test/package/**/*.test.ts'];

export default defineConfig({
  test: {
    include: process.env.E2E === '1' ? E2E : ['test/**/*.test.ts'],
    exclude: process.env.E2E === '1' ? [] : E2E,
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
