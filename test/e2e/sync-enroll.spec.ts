// Sync in admin mode (issue 6): the header's indicator, the status panel, and the enrollment
// form's refusals — a typo caught at once, and a demo till with unsynced facts refused by the core.
import { expect, test } from './support/fixtures';
import { DEMO_MANAGER, DEMO_OWNER, enterAdmin, startTill } from './support/session';

test('the sync panel shows the till offline with facts waiting, and enrollment of a demo till is refused clearly', async ({ page, webHost }, testInfo) => {
  await page.goto('/');
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'notEnrolled');
  await startTill(page, DEMO_MANAGER);
  await expect(page.getByTestId('sync-pending')).toBeVisible();

  // Enrolling needs `settings`, which the default manager role lacks: the owner (admin) enrols.
  await enterAdmin(page, DEMO_OWNER);

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
