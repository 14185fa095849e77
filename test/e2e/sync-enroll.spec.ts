// Sync in admin mode (issue 6): the header's indicator, the status panel, and the enrollment
// form's refusals — a typo caught at once, and a demo till with unsynced facts refused by the core.
import { expect, test } from './support/fixtures';
import { DEMO_MANAGER, startTill } from './support/session';

test('the sync panel shows the till offline with facts waiting, and enrollment of a demo till is refused clearly', async ({ page, webHost }, testInfo) => {
  await page.goto('/');
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'notEnrolled');
  await startTill(page, DEMO_MANAGER);
  await expect(page.getByTestId('sync-pending')).toBeVisible();

  await page.getByTestId('session-person').click();
  await page.getByTestId('admin-button').click();
  const dialog = page.getByTestId('admin-enter-dialog');
  await dialog.getByTestId('admin-person').filter({ hasText: DEMO_MANAGER.name }).click();
  await dialog.getByTestId('admin-pin').fill(DEMO_MANAGER.pin);
  await dialog.getByTestId('admin-pin').press('Enter');
  // Enrolling needs `settings`, which the default manager role lacks.
  await page.getByTestId('admin-tab-roles').click();
  await page.getByTestId('role-manager-settings').check();
  await page.getByTestId('roles-save').click();
  await expect(page.getByTestId('roles-admin')).toContainText('Roles saved.');

  await page.getByTestId('admin-tab-sync').click();
  const status = (await (await page.request.post(`${webHost.url}rpc/sync.status`, { data: {} })).json()).value;
  await expect(page.getByTestId('sync-connection')).toHaveText('Offline');
  await expect(page.getByTestId('sync-pending-count')).toHaveText(String(status.pendingCount));
  await expect(page.getByTestId('sync-last')).toHaveText('Never');

  await page.getByTestId('enroll-url').fill('sync.example.com');
  await page.getByTestId('enroll-code').fill('ABCD-1234');
  await page.getByTestId('enroll-submit').click();
  await expect(page.getByTestId('enroll-error')).toHaveText('Type an address starting with http:// or https://.');

  await page.getByTestId('enroll-url').fill('http://127.0.0.1:9/');
  await page.getByTestId('enroll-submit').click();
  await expect(page.getByTestId('enroll-error')).toHaveAttribute('data-error-code', 'UNSYNCED_SALES');
  await expect(page.getByTestId('enroll-error')).toContainText('This till has sales that were never synced');
  await page.screenshot({ path: testInfo.outputPath('sync-admin.png'), fullPage: true });
  const after = (await (await page.request.post(`${webHost.url}rpc/sync.status`, { data: {} })).json()).value;
  expect(after).toMatchObject({ enrolled: false, serverUrl: null });
});
