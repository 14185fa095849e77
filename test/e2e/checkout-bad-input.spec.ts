// Bad input at the till gets a clear message and changes nothing: quantity 0 or absurd, a discount
// over 100 % or over the line, a short or over tender, an unknown barcode (which offers search).
import { DEMO_BARCODES } from '../../src-main/core/demo/seed-demo-store';
import { coreCart, gbp, openCheckout, scanInto } from './support/checkout-page';
import { expect, test } from './support/fixtures';
import { wedgeScan } from './support/scan';

test('quantity 0, an absurd quantity and discounts over 100 % or over the line are refused, the cart unchanged', async ({ page, webHost }, testInfo) => {
  const rpc = await openCheckout(page, webHost.url);
  await scanInto(page, DEMO_BARCODES.milk, 1);
  const before = await coreCart(rpc);

  await page.keyboard.press('F2');
  await page.getByTestId('quantity-input').fill('0');
  await page.getByTestId('quantity-input').press('Enter');
  await expect(page.getByTestId('quantity-invalid')).toHaveText('A quantity must be at least 1. To take the item off, use Remove.');
  await page.getByTestId('quantity-input').fill('250000');
  await page.getByTestId('quantity-ok').click();
  await expect(page.getByTestId('quantity-invalid')).toHaveText('That quantity is too large (at most 9999 on one line).');
  await page.screenshot({ path: testInfo.outputPath('quantity-refused.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('quantity-dialog')).toHaveCount(0);

  // "0 *" in the search box: the same message in the banner.
  await page.getByTestId('search-input').pressSequentially('0');
  await page.getByTestId('search-input').press('*');
  await expect(page.getByTestId('error-banner')).toContainText('A quantity must be at least 1');

  await page.keyboard.press('F3');
  await page.getByTestId('discount-input').fill('150');
  await page.getByTestId('discount-input').press('Enter');
  await expect(page.getByTestId('discount-invalid')).toHaveText('A discount cannot be more than 100 %.');
  await page.keyboard.press('F3');
  await page.getByTestId('discount-input').fill('1.56');
  await page.getByTestId('discount-input').press('Enter');
  await expect(page.getByTestId('discount-invalid')).toHaveText(`A discount cannot be more than ${gbp(155)}.`);
  await page.screenshot({ path: testInfo.outputPath('discount-refused.png') });
  await page.keyboard.press('Escape');

  expect(await coreCart(rpc)).toEqual(before);
});

test('a short cash tender cannot complete; nothing is charged', async ({ page, webHost }, testInfo) => {
  const rpc = await openCheckout(page, webHost.url);
  await scanInto(page, DEMO_BARCODES.cola, 1);
  await page.keyboard.press('F12');
  await page.getByTestId('tendered-input').fill('2');
  await expect(page.getByTestId('still-due')).toHaveText(gbp(25));
  await page.getByTestId('tendered-input').fill('abc');
  await expect(page.getByTestId('tender-message')).toContainText('Not an amount');
  await expect(page.getByTestId('complete-sale')).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('tender-short.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  expect((await rpc('sale.listRecent', { limit: 5 })).value).toEqual([]);
});

test('an unknown barcode says so and offers search with the code filled in', async ({ page, webHost }, testInfo) => {
  await openCheckout(page, webHost.url);
  await wedgeScan(page, '4006381333931');
  await expect(page.getByTestId('error-banner')).toHaveAttribute('data-error-code', 'BARCODE_NOT_FOUND');
  await expect(page.getByTestId('error-banner')).toContainText('No product with barcode 4006381333931');
  await expect(page.getByTestId('search-input')).toHaveValue('4006381333931');
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('not-found.png') });

  // The cashier searches by name instead, from the same box.
  await page.getByTestId('search-input').fill('cola');
  await expect(page.getByTestId('search-result').first()).toBeVisible();
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
});
