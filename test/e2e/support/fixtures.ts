// Playwright fixtures for the end-to-end suites (https://playwright.dev/docs/test-fixtures).
// `webHost`: a web host on a fresh temp data directory per test, stopped and removed afterwards.
// `baseURL` follows it, so `page.goto('/')` opens the terminal UI of this test's host.
//
//   import { expect, test } from './support/fixtures';
//   test.use({ webHostOptions: { demo: false } });   // default: { demo: true }
//   test('sells', async ({ page, webHost }) => { await page.goto('/'); … await webHost.restart(); });
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { startWebHost, type WebHost, type WebHostOptions } from './web-host';

export { expect } from '@playwright/test';

export interface WebHostFixtures {
  /** How this test's host starts; the data directory is always a fresh one. */
  webHostOptions: Omit<WebHostOptions, 'dataDir'>;
  webHost: WebHost;
}

export const test = base.extend<WebHostFixtures>({
  webHostOptions: [{ demo: true }, { option: true }],
  webHost: [
    async ({ webHostOptions }, use, testInfo) => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tillpoint-e2e-'));
      let current: WebHost | undefined;
      // `restart()` starts a new process; teardown must stop whichever one runs last.
      const track = (host: WebHost): WebHost => {
        current = host;
        return { ...host, restart: async () => track(await host.restart()) };
      };
      try {
        await use(track(await startWebHost({ ...webHostOptions, dataDir })));
      } finally {
        if (current) {
          await current.kill();
          if (testInfo.status !== testInfo.expectedStatus) {
            await testInfo.attach('web-host.log', { body: current.output(), contentType: 'text/plain' });
          }
        }
        await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
      }
    },
    // Starting the host (migrations, demo data) is not charged to the test's own timeout.
    { timeout: 45_000 },
  ],
  baseURL: async ({ webHost }, use) => {
    await use(webHost.url);
  },
});
