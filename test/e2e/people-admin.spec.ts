// Admin mode (issue 4): a manager enters from the header with their PIN, edits roles and settings,
// and goes back to the till; the idle lock then locks the till by itself.
import { expect, test } from './support/fixtures';
import { DEMO_CASHIER, DEMO_MANAGER, DEMO_OWNER, enterAdmin, openAdminDialog, startTill, typeAdminPin } from './support/session';

test('a manager enters admin mode but is not offered settings to grant themselves; the owner grants it, changes the idle lock, and the till locks itself when idle', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await startTill(page, DEMO_CASHIER);

  const dialog = await openAdminDialog(page);
  // A cashier has no admin permission: refused with a clear message.
  await typeAdminPin(dialog, DEMO_CASHIER);
  await expect(dialog.getByTestId('admin-enter-error')).toHaveText(/This needs a manager’s approval\./);
  await typeAdminPin(dialog, DEMO_MANAGER);
  await expect(page.getByTestId('admin-screen')).toBeVisible();
  await expect(page.getByTestId('admin-name')).toContainText(DEMO_MANAGER.name);
  await expect(page.getByTestId('people-row')).toHaveCount(3);
  // The owner's role holds more than Morgan's: not Morgan's to edit.
  await expect(page.getByTestId('people-row').filter({ hasText: DEMO_OWNER.name }).getByTestId('people-edit')).toBeDisabled();
  await expect(page.getByTestId('people-row').filter({ hasText: DEMO_CASHIER.name }).getByTestId('people-edit')).toBeEnabled();
  await page.screenshot({ path: testInfo.outputPath('admin-people.png') });

  // The default manager may not change settings (read-only), nor grant themselves the permission:
  // nobody hands out what they do not hold (core/people/grant-rules.ts).
  await page.getByTestId('admin-tab-settings').click();
  await expect(page.getByTestId('settings-save')).toBeDisabled();
  // The screen offers only what the core accepts; the core refuses the rest anyway (grant-rules.test.ts).
  await page.getByTestId('admin-tab-roles').click();
  await expect(page.getByTestId('roles-only-held')).toBeVisible();
  await expect(page.getByTestId('role-manager-settings')).toBeDisabled();
  await expect(page.getByTestId('role-admin-people')).toBeDisabled();
  await expect(page.getByTestId('role-cashier-refund')).toBeEnabled();
  await page.screenshot({ path: testInfo.outputPath('admin-roles-manager.png'), fullPage: true });

  // The owner (an Administrator) may: they grant it, and change the idle lock.
  await page.getByTestId('admin-leave').click();
  await enterAdmin(page, DEMO_OWNER);
  await page.getByTestId('admin-tab-roles').click();
  await expect(page.getByTestId('roles-only-held')).toBeHidden();
  await page.getByTestId('role-manager-settings').check();
  await page.getByTestId('roles-save').click();
  await expect(page.getByTestId('roles-admin')).toContainText('Roles saved.');
  await page.screenshot({ path: testInfo.outputPath('admin-roles.png'), fullPage: true });

  await page.getByTestId('admin-tab-settings').click();
  await page.getByTestId('settings-idle').fill('5');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('form-error')).toContainText('idle lock 15 to 3600 seconds');
  await page.getByTestId('settings-idle').fill('15');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-saved')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('admin-settings.png') });

  await page.getByTestId('admin-leave').click();
  await expect(page.getByTestId('search-input')).toBeVisible();
  await expect(page.getByTestId('session-person')).toHaveText(DEMO_CASHIER.name);
  // No key or touch for 15 s: the lock screen, with the cashier's name only.
  await expect(page.getByTestId('lock-screen')).toBeVisible({ timeout: 25_000 });
  await expect(page.getByTestId('lock-screen')).toContainText(DEMO_CASHIER.name);
  await page.getByTestId('pin-input').fill(DEMO_CASHIER.pin);
  await page.getByTestId('pin-input').press('Enter');
  await expect(page.getByTestId('search-input')).toBeVisible();
});
