import { defineConfig } from 'vitest/config';

// Browser tests in Firefox ESR, against the Firefox E2E build: the flows meant to behave the same in
// both browsers (core-flows.e2e.ts) and what only Firefox does (firefox.e2e.ts). One Firefox per file:
// a launch takes 7-16 s on 2 cores.
export default defineConfig({
  test: {
    include: ['test/e2e/core-flows.e2e.ts', 'test/e2e/firefox.e2e.ts'],
    globalSetup: ['test/e2e/global-setup-firefox.ts'],
    env: { PARTWISE_E2E_BROWSER: 'firefox' },
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
    reporters: ['default', ['json', { outputFile: 'test-results/e2e-firefox.json' }]],
  },
});
