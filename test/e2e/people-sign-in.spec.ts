// Sign-in, wrong PINs, lockout, lock screen and quick switch through the UI (issue 4).
import { expect, test } from './support/fixtures';
import { DEMO_CASHIER, DEMO_MANAGER, signIn, startTill } from './support/session';

test('a cashier signs in, locks the till, and a manager switches in: the lock screen shows nothing of the sale', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByTestId('sign-in-screen')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('sign-in.png') });

  await startTill(page);
  await page.getByTestId('search-input').fill('bread');
  await expect(page.getByTestId('search-result').first()).toBeVisible();
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);

  await page.getByTestId('lock-button').click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByTestId('lock-screen')).toContainText(DEMO_CASHIER.name);
  await expect(page.getByTestId('cart-line')).toHaveCount(0);
  await expect(page.getByTestId('cart-total')).toHaveCount(0);
  await expect(page.getByTestId('recent-sales-button')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('locked.png') });

  // Quick switch: the manager signs in over the locked session; the cart is still there.
  await page.getByTestId('lock-switch').click();
  await signIn(page, DEMO_MANAGER);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
});

test('a wrong PIN says how many tries are left; the fifth locks the person with the time it ends', async ({ page, webHost }, testInfo) => {
  await page.goto('/');
  await page.getByTestId('sign-in-person').filter({ hasText: DEMO_CASHIER.name }).click();
  const pin = page.getByTestId('pin-input');
  for (let left = 4; left >= 1; left -= 1) {
    await pin.fill('9999');
    await pin.press('Enter');
    await expect(page.getByTestId('sign-in-error')).toHaveText(new RegExp(`Wrong PIN\\. ${left} tr(y|ies) left`));
  }
  await page.screenshot({ path: testInfo.outputPath('wrong-pin.png') });
  await pin.fill('9999');
  await pin.press('Enter');
  await expect(page.getByTestId('sign-in-error')).toContainText('is locked after too many wrong PINs until');
  // The right PIN of a locked person is refused too, and nobody is signed in.
  await pin.fill(DEMO_CASHIER.pin);
  await pin.press('Enter');
  await expect(page.getByTestId('sign-in-error')).toContainText('is locked after too many wrong PINs until');
  await page.screenshot({ path: testInfo.outputPath('locked-person.png') });
  const session = await (await page.request.post(`${webHost.url}rpc/session.current`, { data: {} })).json();
  expect(session.value.state).toBe('signedOut');

  // Another person can still sign in.
  await page.getByTestId('sign-in-other').click();
  await signIn(page, DEMO_MANAGER);
});
