// A split-tender sale end to end: part on a card (amount and the terminal's approval reference),
// the rest in cash with change; then the receipt and its reprint marked COPY.
import { DEMO_BARCODES } from '../../src-main/core/demo/seed-demo-store';
import { coreCart, gbp, openCheckout, scanInto } from './support/checkout-page';
import { expect, test } from './support/fixtures';

test('card + cash split: the card takes an exact part with its reference, cash pays the rest with change', async ({ page, webHost }, testInfo) => {
  const rpc = await openCheckout(page, webHost.url);
  await scanInto(page, DEMO_BARCODES.cola, 1);
  await scanInto(page, DEMO_BARCODES.chocolate, 2);
  const total = (await coreCart(rpc)).totals.totalMinor!;
  await page.screenshot({ path: testInfo.outputPath('cart.png') });

  await page.keyboard.press('F12');
  await expect(page.getByTestId('tender-panel')).toBeVisible();
  // Card (F3): the rest is prefilled; the cashier types the part the card pays and the approval code.
  await page.keyboard.press('F3');
  await expect(page.getByTestId('tender-panel')).toHaveAttribute('data-method', 'card');
  await expect(page.getByTestId('tendered-input')).toHaveValue((total / 100).toFixed(2));
  await page.getByTestId('tendered-input').fill('2.00');
  await page.getByTestId('tendered-input').press('Enter');
  // No reference yet: refused with the reason, nothing added.
  await expect(page.getByTestId('tender-message')).toHaveText('Type the reference (approval code) first.');
  await expect(page.getByTestId('payment-row')).toHaveCount(0);
  await page.getByTestId('tender-reference').fill('APPR-0042');
  await page.getByTestId('tender-reference').press('Enter');
  await expect(page.getByTestId('payment-row')).toHaveCount(1);
  await expect(page.getByTestId('payment-row')).toContainText('APPR-0042');
  await expect(page.getByTestId('remaining-due')).toHaveText(gbp(total - 200));

  // Back to cash: what the customer gives, the change shown live.
  await expect(page.getByTestId('tender-panel')).toHaveAttribute('data-method', 'cash');
  await page.getByTestId('tendered-input').fill('5');
  await expect(page.getByTestId('change-due')).toHaveText(gbp(500 - (total - 200)));
  await page.screenshot({ path: testInfo.outputPath('tender.png') });
  await page.getByTestId('tendered-input').press('Enter');

  await expect(page.getByTestId('sale-done')).toBeVisible();
  await expect(page.getByTestId('change-due')).toHaveText(gbp(500 - (total - 200)));
  await expect(page.getByTestId('done-payment')).toHaveText(['Card · APPR-0042', 'Cash']);
  await expect(page.getByTestId('receipt-preview')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('receipt.png') });

  const receiptNo = (await page.getByTestId('receipt-no').innerText()).trim();
  const sale = await rpc('sale.get', { receiptNo });
  expect(sale).toMatchObject({
    ok: true,
    value: { payments: [{ tender: 'card', amountMinor: 200, reference: 'APPR-0042' }, { tender: 'cash', amountMinor: 500 }], changeMinor: 500 - (total - 200) },
  });

  // The on-screen copy says COPY (the same document a reprint prints).
  await page.keyboard.press('F6');
  await expect(page.getByTestId('receipt-preview')).toHaveAttribute('data-copy', 'true');
  const src = await page.getByTestId('receipt-preview').getAttribute('src');
  // receiptline draws one <tspan> per character: read the text back without the markup.
  const text = decodeURIComponent(src!.slice(src!.indexOf(',') + 1)).replace(/<[^>]+>/g, '').replace(/&#xa0;/g, ' ');
  expect(text).toContain('*** COPY ***');
  await page.screenshot({ path: testInfo.outputPath('receipt-copy.png') });
});

test('a card can never take more than what is left; the sale completes only when fully paid', async ({ page, webHost }) => {
  const rpc = await openCheckout(page, webHost.url);
  await scanInto(page, DEMO_BARCODES.milk, 1);
  const total = (await coreCart(rpc)).totals.totalMinor!;
  await page.getByTestId('pay-button').click();
  await page.getByTestId('tender-card').click();
  await page.getByTestId('tendered-input').fill(((total + 1) / 100).toFixed(2));
  await page.getByTestId('tender-reference').fill('X1');
  await expect(page.getByTestId('tender-message')).toContainText(`At most ${gbp(total)}`);
  await expect(page.getByTestId('add-payment')).toBeDisabled();

  // Mobile money for all of it: paid up, Enter completes.
  await page.keyboard.press('F4');
  await page.getByTestId('tender-reference').fill('MM-778');
  await page.getByTestId('tender-reference').press('Enter');
  await expect(page.getByTestId('remaining-due')).toHaveText(gbp(0));
  await expect(page.getByTestId('complete-sale')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sale-done')).toBeVisible();
  await expect(page.getByTestId('done-payment')).toHaveText(['Mobile money · MM-778']);
});
