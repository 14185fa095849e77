// Line actions at the till: quantity on the keypad (dialog and "digits then *"), a line discount,
// a discount on the whole sale, a price change and a note, each checked against the core's cart.
import { DEMO_BARCODES } from '../../src-main/core/demo/seed-demo-store';
import { coreCart, gbp, openCheckout, scanInto } from './support/checkout-page';
import { expect, test } from './support/fixtures';

test('quantity by keypad: F2 and the on-screen keys, or digits then * in the search box', async ({ page, webHost }, testInfo) => {
  const rpc = await openCheckout(page, webHost.url);
  await scanInto(page, DEMO_BARCODES.milk, 1);
  await scanInto(page, DEMO_BARCODES.bread, 2);
  // The new line is selected; ↑ selects the one above.
  await expect(page.getByTestId('cart-line').nth(1)).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('cart-line').nth(0)).toHaveAttribute('data-selected', 'true');

  await page.keyboard.press('F2');
  await expect(page.getByTestId('quantity-dialog')).toBeVisible();
  await page.getByTestId('quantity-keypad-1').click();
  await page.getByTestId('quantity-keypad-2').click();
  await expect(page.getByTestId('quantity-input')).toHaveValue('12');
  await page.screenshot({ path: testInfo.outputPath('quantity-dialog.png') });
  await page.getByTestId('quantity-keypad-enter').click();
  await expect(page.getByTestId('quantity-dialog')).toHaveCount(0);
  await expect(page.getByTestId('line-quantity').nth(0)).toHaveText('12');

  // Digits typed in the search box, then *: the selected line (bread, after ↓) takes that quantity.
  await page.keyboard.press('ArrowDown');
  await page.getByTestId('search-input').pressSequentially('3');
  await page.getByTestId('search-input').press('*');
  await expect(page.getByTestId('line-quantity').nth(1)).toHaveText('3');
  await expect(page.getByTestId('search-input')).toHaveValue('');

  const cart = await coreCart(rpc);
  expect(cart.lines.map((line) => line.quantity)).toEqual([12, 3]);
});

test('a line discount in percent and a discount on the whole sale in an amount', async ({ page, webHost }, testInfo) => {
  const rpc = await openCheckout(page, webHost.url);
  await scanInto(page, DEMO_BARCODES.cola, 1);
  await scanInto(page, DEMO_BARCODES.cola, 1);
  await scanInto(page, DEMO_BARCODES.eggs, 2);
  const before = await coreCart(rpc);

  // Cola (2 × £2.25): select it with a click, F3, 10 %.
  await page.getByTestId('cart-line').nth(0).click();
  await page.keyboard.press('F3');
  await expect(page.getByTestId('line-discount-dialog')).toBeVisible();
  await page.getByTestId('discount-input').fill('10');
  await page.getByTestId('discount-input').press('Enter');
  await expect(page.getByTestId('line-discount')).toHaveText(`Discount 10%: −${gbp(45)}`);
  await expect(page.getByTestId('line-total').nth(0)).toHaveText(gbp(450 - 45));

  // The whole sale: F7, Amount (F3), £1.00.
  await page.keyboard.press('F7');
  await expect(page.getByTestId('cart-discount-dialog')).toBeVisible();
  await page.keyboard.press('F3');
  await expect(page.getByTestId('discount-amount')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('discount-input').fill('1');
  await page.getByTestId('discount-ok').click();
  await expect(page.getByTestId('total-discount')).toHaveText(`You save ${gbp(145)}`);

  const after = await coreCart(rpc);
  expect(after.totals.discountMinor).toBe(145);
  expect(after.totals.cartDiscountMinor).toBe(100);
  expect(after.totals.totalMinor).toBe(before.totals.totalMinor! - 145);
  await expect(page.getByTestId('cart-total')).toHaveText(gbp(after.totals.totalMinor!));
  await page.screenshot({ path: testInfo.outputPath('cart.png') });

  // The payment screen lists the savings.
  await page.keyboard.press('F12');
  await expect(page.getByTestId('payment-discounts')).toHaveText(`−${gbp(145)}`);
  await page.screenshot({ path: testInfo.outputPath('tender.png') });
});

test('a price change and notes on a line and on the sale', async ({ page, webHost }) => {
  const rpc = await openCheckout(page, webHost.url);
  await scanInto(page, DEMO_BARCODES.chocolate, 1);
  await page.keyboard.press('F4');
  await page.getByTestId('price-input').fill('0.99');
  await page.getByTestId('price-input').press('Enter');
  await expect(page.getByTestId('line-price')).toHaveText(`Price changed (was ${gbp(125)})`);
  await expect(page.getByTestId('line-unit-price')).toHaveText(gbp(99));

  await page.keyboard.press('F6');
  await page.getByTestId('note-input').fill('Slightly dented');
  await page.getByTestId('note-input').press('Enter');
  await expect(page.getByTestId('line-note')).toHaveText('Note: Slightly dented');
  await page.keyboard.press('Shift+F6');
  await page.getByTestId('note-input').fill('Gift wrap please');
  await page.getByTestId('note-input').press('Enter');
  await expect(page.getByTestId('sale-note')).toHaveText('Note: Gift wrap please');

  const cart = await coreCart(rpc);
  expect(cart.lines[0]).toMatchObject({ unitPriceMinor: 99, catalogPriceMinor: 125, note: 'Slightly dented' });
  expect(cart).toMatchObject({ note: 'Gift wrap please' });
});
