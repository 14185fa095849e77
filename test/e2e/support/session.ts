// Signing in and opening a shift through the UI, as a cashier does (issue 4). The demo store
// requires both (src-main/core/demo/seed-demo-store.ts DEMO_CONTROL_SETTINGS), so every end-to-end
// test that sells starts with `await startTill(page)`.
//
//   import { startTill } from './support/session';
//   await page.goto('/'); await startTill(page);                 // Casey, float £100 counted
//   await signIn(page, DEMO_MANAGER);                              // Morgan instead
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export interface DemoPerson {
  readonly name: string;
  readonly pin: string;
}

/** The demo store's people (seed-demo-store.ts DEMO_PEOPLE). */
export const DEMO_CASHIER: DemoPerson = { name: 'Casey Cashier', pin: '0000' };
export const DEMO_MANAGER: DemoPerson = { name: 'Morgan Manager', pin: '1234' };
/** An Administrator: every permission, `settings` included (the default manager role lacks it). */
export const DEMO_OWNER: DemoPerson = { name: 'Olive Owner', pin: '2468' };

/** A float of £100 counted by denomination (face value in minor units → pieces). */
export const DEFAULT_FLOAT: Readonly<Record<number, number>> = { 2000: 2, 1000: 4, 500: 2, 100: 10 };

/** Picks `person` on the sign-in screen and types the PIN on the physical keyboard. */
export async function signIn(page: Page, person: DemoPerson = DEMO_CASHIER): Promise<void> {
  await page.getByTestId('sign-in-person').filter({ hasText: person.name }).click();
  await page.getByTestId('pin-input').fill(person.pin);
  await page.getByTestId('pin-input').press('Enter');
  await expect(page.getByTestId('session-person')).toHaveText(person.name);
}

/** Counts the float into the open-shift grid and opens the shift. */
export async function openShift(page: Page, float: Readonly<Record<number, number>> = DEFAULT_FLOAT): Promise<void> {
  await expect(page.getByTestId('open-shift-screen')).toBeVisible();
  for (const [value, count] of Object.entries(float)) await page.getByTestId(`float-${value}`).fill(String(count));
  await page.getByTestId('open-shift').click();
  await expect(page.getByTestId('open-shift-screen')).toBeHidden();
}

/** Signs the cashier in and opens a shift: the till is then on the sale screen. */
export async function startTill(page: Page, person: DemoPerson = DEMO_CASHIER): Promise<void> {
  await signIn(page, person);
  await openShift(page);
  await expect(page.getByTestId('search-input')).toBeVisible();
}

/**
 * Rings up `search` (the first product found) `times` times and takes cash: the tendered amount
 * typed, "Complete sale", then "New sale". Returns the receipt number.
 */
export async function sellForCash(page: Page, search: string, times = 1, tendered = '50'): Promise<string> {
  for (let i = 0; i < times; i += 1) {
    await page.getByTestId('search-input').fill(search);
    await expect(page.getByTestId('search-result').first()).toBeVisible();
    await page.getByTestId('search-input').press('Enter');
    // The box clears once the line is in; typing before that would be wiped with it.
    await expect(page.getByTestId('search-input')).toHaveValue('');
  }
  await page.getByTestId('pay-button').click();
  await page.getByTestId('tendered-input').fill(tendered);
  await page.getByTestId('complete-sale').click();
  await expect(page.getByTestId('sale-done')).toBeVisible();
  const receiptNo = (await page.getByTestId('receipt-no').innerText()).trim().match(/T\d+-\d+-\d+/)?.[0];
  expect(receiptNo).toBeTruthy();
  await page.getByTestId('new-sale').click();
  return receiptNo!;
}

/** Approves the open override dialog as `approver` (picks them, types the PIN, keeps the first reason). */
export async function approveOverride(page: Page, approver: DemoPerson = DEMO_MANAGER): Promise<void> {
  const dialog = page.getByTestId('override-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('override-approver').filter({ hasText: approver.name }).click();
  await dialog.getByTestId('override-pin').fill(approver.pin);
  await dialog.getByTestId('override-approve').click();
  await expect(dialog).toBeHidden();
}

/** From the till: the header's person menu → Admin; returns the dialog that asks who enters. */
export async function openAdminDialog(page: Page): Promise<Locator> {
  await page.getByTestId('session-person').click();
  await page.getByTestId('admin-button').click();
  return page.getByTestId('admin-enter-dialog');
}

/** In the admin dialog: pick `person` and type their PIN, then Enter. */
export async function typeAdminPin(dialog: Locator, person: DemoPerson): Promise<void> {
  await dialog.getByTestId('admin-person').filter({ hasText: person.name }).click();
  await dialog.getByTestId('admin-pin').fill(person.pin);
  await dialog.getByTestId('admin-pin').press('Enter');
}

/** From the till into admin mode as `person`; waits for the admin screen. */
export async function enterAdmin(page: Page, person: DemoPerson): Promise<void> {
  await typeAdminPin(await openAdminDialog(page), person);
  await expect(page.getByTestId('admin-name')).toContainText(person.name);
}
