import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { newId } from '../../src-shared/id';
import { createCore, type Core } from '../../src-main/core/create-core';
import type { LocalStore } from '../../src-main/core/db/local-store';
import { openLocalStore } from '../../src-main/core/db/open-local-store';
import { silentLogger, systemClock } from '../../src-main/core/deps';
import { seedDemoStore } from '../../src-main/core/demo/seed-demo-store';
import type { FetchFn } from '../../src-main/core/sync/sync-transport';
import type { AdminClient } from '../../sync-server/testing';

/**
 * An in-process terminal for the sync benches: booted the way a host boots one (demo identity
 * on first start), enrolled with the server, with the real loop and its default tuning. Many fit
 * in one process (20 for `sync.concurrent` on 2 cores).
 */
export interface BenchTerminal {
  core: Core;
  local: LocalStore;
  terminalId: string;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string, everyMs = 10): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

export const barcodeOf = (i: number): string => String(4_200_000_000_000 + i);

/** `count` products through the admin CSV import (one request; the server takes up to 32 MiB). */
export async function importProducts(admin: AdminClient, count: number): Promise<void> {
  const lines = ['sku,name,price_minor,tax_class,category,barcodes'];
  for (let i = 1; i <= count; i++) lines.push(`B${i},Bench product ${i},${100 + (i % 900)},STD,Bench ${i % 20},${barcodeOf(i)}`);
  const imported = await admin.call('POST', '/api/v1/catalog/import', lines.join('\n'), 'text/csv');
  if (imported.status !== 200) throw new Error(`catalog import failed: ${JSON.stringify(imported.body).slice(0, 500)}`);
}

export async function openTerminal(root: string, fetch?: FetchFn): Promise<Omit<BenchTerminal, 'terminalId'>> {
  const dataDir = mkdtempSync(join(root, 'till-'));
  const ids = { next: newId };
  const local = await openLocalStore({ dataDir, appVersion: 'bench', logger: silentLogger, clock: systemClock });
  await seedDemoStore(local, { clock: systemClock, ids });
  const core = await createCore({ local, clock: systemClock, ids, logger: silentLogger, appVersion: 'bench', fetch });
  return { core, local };
}

export const catalogComplete = async (core: Core): Promise<boolean> =>
  (await core.handlers['sync.status']({})).catalogCompleteness.find((s) => s.stream === 'catalog')?.complete === true;

/** Enrolls and starts the loop; resolves once the catalog stream is complete. */
export async function enrollTerminal(root: string, serverUrl: string, code: string, name: string, fetch?: FetchFn): Promise<BenchTerminal> {
  const { core, local } = await openTerminal(root, fetch);
  core.sync.start();
  await core.handlers['sync.enroll']({ serverUrl, code, terminalName: name });
  await until(() => catalogComplete(core), 60_000, `${name}: catalog pulled`, 20);
  return { core, local, terminalId: (await core.handlers['app.info']({})).terminal.id };
}

/** Rings up one item and pays it exactly in cash, through the contract handlers. */
export async function sellOne(core: Core, barcode: string): Promise<string> {
  let cart = await core.handlers['cart.get']({});
  cart = await core.handlers['cart.scan']({ barcode });
  return (await core.handlers['sale.complete']({ cartId: cart.id, payments: [{ tender: 'cash', amountMinor: cart.totals.totalMinor }] })).id;
}

/** Unacknowledged outbox events, read directly (cheap enough to poll every few ms beside the loop). */
/** A fetch that adds up the wall time of push requests (request sent → answer read). */
export function pushTimer(): { fetch: FetchFn; ms: () => number; requests: () => number } {
  let total = 0;
  let count = 0;
  return {
    ms: () => total,
    requests: () => count,
    fetch: async (input, init) => {
      if (!String(input).endsWith('/sync/v1/push')) return fetch(input, init);
      const started = performance.now();
      const response = await fetch(input, init);
      const body = await response.arrayBuffer();
      total += performance.now() - started;
      count += 1;
      return new Response(body, { status: response.status, headers: response.headers });
    },
  };
}

export const pendingCount = (terminal: BenchTerminal): number =>
  (terminal.local.sqlite.prepare('SELECT count(*) AS n FROM outbox WHERE acked_at IS NULL').get() as { n: number }).n;
