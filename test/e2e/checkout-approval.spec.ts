// A cashier's discount above the store's threshold (10 % in the demo store) needs a manager: the
// approval dialog opens from the checkout, and once approved the same discount is applied.
import { DEMO_BARCODES } from '../../src-main/core/demo/seed-demo-store';
import { coreCart, gbp, rpcOf, scanInto } from './support/checkout-page';
import { expect, test } from './support/fixtures';
import { approveOverride, startTill } from './support/session';

test('a 25 % line discount by the cashier is approved by the manager, then applied', async ({ page, webHost }, testInfo) => {
  await page.goto(webHost.url);
  await startTill(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await scanInto(page, DEMO_BARCODES.cola, 1);

  await page.keyboard.press('F3');
  await page.getByTestId('discount-input').fill('25');
  await page.getByTestId('discount-input').press('Enter');
  await expect(page.getByTestId('override-dialog')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('approval.png') });
  await approveOverride(page);

  await expect(page.getByTestId('line-discount')).toHaveText(`Discount 25%: −${gbp(56)}`);
  expect((await coreCart(rpcOf(webHost.url))).lines[0]).toMatchObject({ discount: { kind: 'percent', bp: 2500 }, discountMinor: 56 });
});
