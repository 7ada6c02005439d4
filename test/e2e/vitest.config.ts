import { defineConfig } from 'vitest/config';

/** Browser tests: `rdspg serve` driven in Debian's Chromium with playwright-core, against real PostgreSQL over TLS. */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
