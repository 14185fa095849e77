// Shifts and cash through the UI (issue 4): a cashier opens a shift with a counted float, sells,
// is refused a pay-out larger than the drawer, closes with a blind count whose variance a manager
// approves, and the Z report shows on screen. Closing with a sale in progress is refused.
import { expect, test } from './support/fixtures';
import { approveOverride, DEMO_MANAGER, sellForCash, startTill } from './support/session';

const gbp = (minor: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(minor / 100);

test('the shift closes with a variance a manager approves, and the Z report shows on screen', async ({ page, webHost }, testInfo) => {
  await page.goto('/');
  await startTill(page);
  const receiptNo = await sellForCash(page, 'bread');
  const sale = (await (await page.request.post(`${webHost.url}rpc/sale.get`, { data: { receiptNo } })).json()).value;
  const cashSales = sale.totals.totalMinor as number;

  await page.getByTestId('nav-cash').click();
  await expect(page.getByTestId('cash-office')).toBeVisible();

  // A pay-out larger than the drawer: a clear message, nothing recorded (the X report shows no pay-out).
  await page.getByTestId('cash-payOut').click();
  await page.getByTestId('cash-movement-amount').fill('500');
  // Refused before any approval is asked for: no manager is bothered for what cannot happen.
  await page.getByTestId('cash-movement-record').click();
  await expect(page.getByTestId('cash-movement-error')).toContainText('The drawer does not hold that much cash');
  await expect(page.getByTestId('cash-movement-error')).toContainText(gbp(10000 + cashSales));
  await page.screenshot({ path: testInfo.outputPath('payout-refused.png') });
  await page.getByTestId('cash-movement-dialog').getByRole('button', { name: 'Cancel' }).click();

  await page.getByTestId('cash-x-report').click();
  await expect(page.getByTestId('report-title')).toHaveText('X report 1');
  await expect(page.getByTestId('report-expected-cash')).toHaveText(gbp(10000 + cashSales));
  await page.screenshot({ path: testInfo.outputPath('x-report.png') });
  await page.getByTestId('report-close-button').click();

  // Blind count: £90 in notes, £10 short of the float plus the sale's cash.
  await page.getByTestId('cash-close-shift').click();
  await expect(page.getByTestId('close-shift-screen')).not.toContainText(gbp(10000 + cashSales));
  await page.getByTestId('close-count-2000').fill('4');
  await page.getByTestId('close-count-1000').fill('1');
  await expect(page.getByTestId('close-count-total')).toHaveText(gbp(9000));
  await page.screenshot({ path: testInfo.outputPath('blind-count.png') });
  await page.getByTestId('close-shift-confirm').click();
  await expect(page.getByTestId('override-variance')).toHaveText(`Cash count off by ${gbp(1000 + cashSales)}`);
  await page.screenshot({ path: testInfo.outputPath('variance-approval.png') });
  await approveOverride(page, DEMO_MANAGER);

  await expect(page.getByTestId('report-title')).toHaveText('Z report 1');
  const cashLine = page.locator('[data-testid="report-close-line"][data-tender="cash"]');
  await expect(cashLine.getByTestId('report-variance')).toHaveText(gbp(-(1000 + cashSales)));
  await expect(page.getByTestId('report-approved-by')).toContainText(DEMO_MANAGER.name);
  await page.screenshot({ path: testInfo.outputPath('z-report.png'), fullPage: true });

  const shift = await (await page.request.post(`${webHost.url}rpc/shift.current`, { data: {} })).json();
  expect(shift).toEqual({ ok: true, value: null });
  await page.getByTestId('report-close-button').click();
  await expect(page.getByTestId('open-shift-screen')).toBeVisible();
});

test('closing the shift with a sale in progress is refused and the shift stays open', async ({ page, webHost }, testInfo) => {
  await page.goto('/');
  await startTill(page);
  await page.getByTestId('search-input').fill('milk');
  await expect(page.getByTestId('search-result').first()).toBeVisible();
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);

  await page.getByTestId('nav-cash').click();
  await page.getByTestId('cash-close-shift').click();
  await expect(page.getByTestId('form-error')).toContainText('A sale is in progress');
  await page.screenshot({ path: testInfo.outputPath('close-with-cart.png') });
  const shift = await (await page.request.post(`${webHost.url}rpc/shift.current`, { data: {} })).json();
  expect(shift.value).not.toBeNull();
  expect(shift.value.closedAt).toBeNull();
});
