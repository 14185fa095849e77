// Parked sales: park with a note (the till is free at once), list, resume, delete with a reason.
import { DEMO_BARCODES } from '../../src-main/core/demo/seed-demo-store';
import { coreCart, openCheckout, scanInto } from './support/checkout-page';
import { expect, test } from './support/fixtures';

test('park a sale with a note, sell something else, resume the parked one; delete another with a reason', async ({ page, webHost }, testInfo) => {
  const rpc = await openCheckout(page, webHost.url);
  await scanInto(page, DEMO_BARCODES.eggs, 1);
  await scanInto(page, DEMO_BARCODES.banana, 2);
  const parkedCart = await coreCart(rpc);

  await page.keyboard.press('F8');
  await page.getByTestId('park-note').fill('Blue coat, back in 5');
  await page.getByTestId('park-note').press('Enter');
  await expect(page.getByTestId('cart-line')).toHaveCount(0);

  // A second customer: park that one too, without a note.
  await scanInto(page, DEMO_BARCODES.cola, 1);
  await page.getByTestId('action-park').click();
  await page.getByTestId('park-ok').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(0);

  // F8 on an empty cart opens the list, newest first.
  await page.keyboard.press('F8');
  await expect(page.getByTestId('parked-sale')).toHaveCount(2);
  await expect(page.getByTestId('parked-sale').nth(1)).toContainText('Blue coat, back in 5');
  await page.screenshot({ path: testInfo.outputPath('parked-list.png') });

  // Delete the cola sale: a reason is required (the button waits for it).
  await page.getByTestId('parked-sale').nth(0).getByTestId('parked-delete').click();
  await expect(page.getByTestId('parked-delete-confirm')).toBeDisabled();
  await page.getByTestId('parked-reason').fill('Customer left');
  await page.getByTestId('parked-reason').press('Enter');
  await expect(page.getByTestId('parked-sale')).toHaveCount(1);

  await page.getByTestId('parked-resume').click();
  await expect(page.getByTestId('parked-list')).toHaveCount(0);
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  const resumed = await coreCart(rpc);
  expect(resumed.lines.map((line) => [line.productId, line.quantity])).toEqual(parkedCart.lines.map((line) => [line.productId, line.quantity]));
  expect((await rpc('cart.listParked')).value).toEqual([]);
});
