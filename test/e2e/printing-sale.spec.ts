// Receipts and the cash drawer end to end: Chromium drives the web host, whose printer is the
// simulated Epson network printer (POS_PRINTER=tcp://127.0.0.1:<port>) running in this process.
import { DEMO_BARCODES } from '../../src-main/core/demo/seed-demo-store';
import { SimPrinter } from '../../src-main/hardware/sim/printer/sim-printer';
import { expect, test as base } from './support/fixtures';
import { wedgeScan } from './support/scan';
import { startTill } from './support/session';
import type { Page } from '@playwright/test';

const test = base.extend<{ sim: SimPrinter }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; the simulator has none.
  sim: async ({}, use) => {
    const sim = new SimPrinter();
    await sim.listen();
    await use(sim);
    await sim.close();
  },
  webHostOptions: async ({ sim }, use) => {
    await use({ demo: true, env: { POS_PRINTER: sim.url } });
  },
});

async function sellForCash(page: Page): Promise<string> {
  // The demo requires sign-in and an open shift (issue 4).
  await startTill(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await wedgeScan(page, DEMO_BARCODES.milk);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.getByTestId('pay-button').click();
  await page.getByTestId('tendered-input').fill('20');
  await page.getByTestId('complete-sale').click();
  await expect(page.getByTestId('sale-done')).toBeVisible();
  return (await page.getByTestId('receipt-no').innerText()).trim();
}

const receiptsFor = (sim: SimPrinter, receiptNo: string) =>
  sim.jobs.filter((job) => job.complete && job.decoded.lines.some((line) => line.includes(`Receipt ${receiptNo}`)));

test('a cash sale prints its receipt and kicks the drawer', async ({ page, webHost, sim }, testInfo) => {
  await page.goto(webHost.url);
  await expect(page.getByTestId('printer-status')).toHaveAttribute('data-state', 'ready');
  const receiptNo = await sellForCash(page);

  await sim.waitFor(() => receiptsFor(sim, receiptNo).length === 1 && sim.drawerKicks.length === 1);
  expect([...sim.drawerKicks[0]!.bytes]).toEqual([0x1b, 0x70, 0x00, 25, 250]);
  expect(receiptsFor(sim, receiptNo)[0]!.decoded.lines.join('\n')).toMatch(/TOTAL\s+£/);
  await testInfo.attach('receipt.txt', { body: receiptsFor(sim, receiptNo)[0]!.decoded.lines.join('\n'), contentType: 'text/plain' });
});

test('with the printer out of paper the sale completes, the screen says so, and the receipt prints once paper is back', async ({ page, webHost, sim }, testInfo) => {
  sim.setState('paperOut');
  await page.goto(webHost.url);
  await expect(page.getByTestId('printer-status')).toHaveAttribute('data-state', 'paperOut');

  const receiptNo = await sellForCash(page);
  expect(receiptNo).toMatch(/T01-1-\d+/);
  await expect(page.getByTestId('printer-status')).toContainText('Printer out of paper');
  await expect(page.getByTestId('printer-pending')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('paper-out.png') });
  expect(receiptsFor(sim, receiptNo)).toHaveLength(0);
  // The drawer still opens: the real-time kick works without paper.
  await sim.waitFor(() => sim.drawerKicks.length === 1);
  expect(sim.drawerKicks[0]!.kind).toBe('realtime');

  sim.setState('ready');
  await sim.waitFor(() => receiptsFor(sim, receiptNo).length === 1, 15_000);
  await expect(page.getByTestId('printer-status')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('printer-pending')).toHaveCount(0);
  // Once, and only once.
  await page.waitForTimeout(1_000);
  expect(receiptsFor(sim, receiptNo)).toHaveLength(1);
});
