import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code; test/integration crosses processes. Browser end-to-end tests
// run under Playwright (playwright.config.ts), benchmarks under `npm run bench`, never here.
export default defineConfig({
  test: {
    include: ['src-*/**/*.test.{ts,tsx}', 'sync-server/**/*.test.ts', 'migrations/**/*.test.ts', 'scripts/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/lint/**/*.test.ts', 'test/bench/**/*.test.ts', 'test/faults/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
