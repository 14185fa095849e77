// Helpers for the checkout specs (test/e2e/checkout-*.spec.ts): the core over HTTP for setting up
// and checking what changed, and the till opened ready to sell.
import type { Page } from '@playwright/test';
import { DEMO_PEOPLE } from '../../../src-main/core/demo/seed-demo-store';
import { expect } from './fixtures';
import { wedgeScan } from './scan';

export type RpcResult = { ok: boolean; value?: unknown; error?: { code: string; message: string } };
export type Rpc = (method: string, input?: unknown) => Promise<RpcResult>;

export function rpcOf(url: string): Rpc {
  return async (method, input = {}) => {
    const response = await fetch(`${url}rpc/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
    return (await response.json()) as RpcResult;
  };
}

/** The cart as the core holds it (the truth the screen must match). */
export async function coreCart(rpc: Rpc): Promise<{ id: string; lines: Array<Record<string, unknown> & { id: string; quantity: number; lineTotalMinor: number }>; totals: Record<string, number>; discount: unknown }> {
  const result = await rpc('cart.get');
  expect(result.ok).toBe(true);
  return result.value as never;
}

/**
 * Signs the demo manager in and opens a shift when the store asks for them (the same till session
 * as the browser's: one terminal), then opens the checkout with focus nowhere in particular.
 */
export async function openCheckout(page: Page, url: string): Promise<Rpc> {
  const rpc = rpcOf(url);
  const session = await rpc('session.current');
  if (session.ok && (session.value as { state: string }).state !== 'active') {
    const people = (await rpc('people.listForSignIn')).value as Array<{ id: string; name: string }>;
    const manager = people.find((p) => p.name === DEMO_PEOPLE[0].name);
    if (manager) await rpc('session.signIn', { personId: manager.id, pin: DEMO_PEOPLE[0].pin });
  }
  const shift = await rpc('shift.current');
  if (shift.ok && shift.value === null) await rpc('shift.open', { floatCount: [] });
  await page.goto(url);
  await expect(page.getByTestId('search-input')).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  return rpc;
}

/** Scans `code` and waits until the cart shows `lines` lines. */
export async function scanInto(page: Page, code: string, lines: number): Promise<void> {
  await wedgeScan(page, code);
  await expect(page.getByTestId('cart-line')).toHaveCount(lines);
}

export const gbp = (minor: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(minor / 100);
