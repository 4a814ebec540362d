import { configDefaults, defineConfig } from 'vitest/config';

// Browser tests: the built extension in real Chromium, one file at a time (2 cores, one browser).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    // Firefox's own behaviour runs in the Firefox config (vitest.e2e.firefox.config.ts).
    exclude: [...configDefaults.exclude, 'test/e2e/firefox.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: 'test-results/e2e.json' }]],
  },
});
