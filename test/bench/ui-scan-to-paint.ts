// `ui.scanToPaint` (issue 3 speed list, target p95 ≤ 16 ms): Chromium drives the checkout served
// by the built web host on a catalog data directory; each sample is one keyboard-wedge scan, from
// the moment the renderer recognises it (`scan-start:<code>`, src-renderer/scanner/use-wedge-scanner.ts)
// to the frame that paints the new line (`scan-painted:<code>`, src-renderer/checkout/use-checkout.ts:
// a task queued from the next requestAnimationFrame runs once that frame is painted).
// https://developer.mozilla.org/en-US/docs/Web/API/Performance/mark
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { DEMO_PEOPLE } from '../../src-main/core/demo/seed-demo-store';
import { rpcOf, type Rpc } from '../e2e/support/checkout-page';
import { wedgeScan } from '../e2e/support/scan';
import { startWebHost } from '../e2e/support/web-host';
import { summarize, type BenchLine } from './stats';

export interface ScanToPaintOptions {
  /** Scans measured (after `warmup`). */
  readonly scans?: number;
  readonly warmup?: number;
  /** The cart is emptied every this many lines, so the sample is a realistic basket, not one of 200 lines. */
  readonly basket?: number;
  /** The web host bundle (default dist/web-host/main.mjs, built by `npm run bench`). */
  readonly entry?: string;
}

/** Active products' barcodes, spread over the catalog (read before the host takes the data directory). */
function barcodesOf(dataDir: string, count: number): string[] {
  const db = new Database(join(dataDir, 'terminal.db'), { readonly: true, fileMustExist: true });
  try {
    const total = (db.prepare('SELECT max(rowid) AS n FROM product').get() as { n: number | null }).n ?? 0;
    const step = Math.max(1, Math.floor(total / count));
    const rows = db
      .prepare('SELECT b.code FROM barcode b JOIN product p ON p.id = b.product_id WHERE p.active = 1 AND p.rowid % ? = 0 AND length(b.code) <= 14 LIMIT ?')
      .all(step, count) as { code: string }[];
    return rows.map((row) => row.code);
  } finally {
    db.close();
  }
}

/** Signs the demo manager in and opens a shift when the store asks (as a cashier would before selling). */
async function readyToSell(rpc: Rpc): Promise<void> {
  const session = await rpc('session.current');
  if (session.ok && (session.value as { state: string }).state !== 'active') {
    const people = ((await rpc('people.listForSignIn')).value ?? []) as Array<{ id: string; name: string }>;
    const manager = people.find((p) => p.name === DEMO_PEOPLE[0].name);
    if (manager) await rpc('session.signIn', { personId: manager.id, pin: DEMO_PEOPLE[0].pin });
  }
  const shift = await rpc('shift.current');
  if (shift.ok && shift.value === null) await rpc('shift.open', { floatCount: [] });
  await rpc('cart.clear');
}

/** One scan: wedge keys in, then the two marks read back (cleared, so a repeated code measures afresh). */
async function measure(page: Page, code: string): Promise<number> {
  await wedgeScan(page, code);
  await page.waitForFunction((c) => performance.getEntriesByName(`scan-painted:${c}`).length > 0, code, { timeout: 10_000 });
  return page.evaluate((c) => {
    const start = performance.getEntriesByName(`scan-start:${c}`)[0]!;
    const painted = performance.getEntriesByName(`scan-painted:${c}`)[0]!;
    performance.clearMarks(`scan-start:${c}`);
    performance.clearMarks(`scan-painted:${c}`);
    return painted.startTime - start.startTime;
  }, code);
}

/**
 * Starts the web host on `dataDir` (a `gen:catalog` directory), opens the checkout in Chromium and
 * scans `warmup + scans` barcodes, emptying the basket every `basket` lines. Returns the
 * `ui.scanToPaint` line (ms); the caller prints it.
 */
export async function benchScanToPaint(dataDir: string, options: ScanToPaintOptions = {}): Promise<BenchLine> {
  const { scans = 200, warmup = 10, basket = 20, entry } = options;
  const barcodes = barcodesOf(dataDir, scans + warmup);
  if (barcodes.length < scans + warmup) throw new Error(`ui.scanToPaint needs ${scans + warmup} products with barcodes in ${dataDir}; found ${barcodes.length}`);
  const host = await startWebHost({ dataDir, entry, env: { NODE_ENV: 'production' } });
  const browser = await chromium.launch({
    executablePath: process.env.POS_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const rpc = rpcOf(host.url);
    await readyToSell(rpc);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.url);
    await page.getByTestId('search-input').waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const samples: number[] = [];
    for (const [i, code] of barcodes.entries()) {
      if (i > 0 && i % basket === 0) {
        await rpc('cart.clear');
        await page.getByTestId('cart-line').first().waitFor({ state: 'detached' });
      }
      const ms = await measure(page, code);
      if (i >= warmup) samples.push(ms);
    }
    return summarize('ui.scanToPaint', 'ms', samples, { basket });
  } finally {
    await browser.close();
    await host.kill();
  }
}
