import { cpSync, rmSync } from 'node:fs';
import { newId } from '../../../src-shared/id';
import { createCore, type Core } from '../../../src-main/core/create-core';
import { settledCore } from '../../support/settled-core';
import type { LocalStore } from '../../../src-main/core/db/local-store';
import { openLocalStore } from '../../../src-main/core/db/open-local-store';
import { silentLogger, systemClock } from '../../../src-main/core/deps';
import { seedDemoStore } from '../../../src-main/core/demo/seed-demo-store';
import type { SyncLoopTuning } from '../../../src-main/core/sync/sync-loop';
import type { FetchFn } from '../../../src-main/core/sync/sync-transport';
import type { AdminClient } from '../../../sync-server/testing';
import { until } from '../../support/fake-sync-server';

export interface TestTill {
  core: Core;
  local: LocalStore;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * A terminal the way a host boots one (`--demo` on first start, then enrolled), with the real
 * clock and the sync loop started. Backoff is capped low so that tests wait seconds, not 30 s.
 */
export async function startTill(dataDir: string, options: { fetch?: FetchFn; tuning?: Partial<SyncLoopTuning> } = {}): Promise<TestTill> {
  const ids = { next: newId };
  const local = await openLocalStore({ dataDir, appVersion: '0.0.0-test', logger: silentLogger, clock: systemClock });
  await seedDemoStore(local, { clock: systemClock, ids });
  const core = settledCore(await createCore({
    local, clock: systemClock, ids, logger: silentLogger, appVersion: '0.0.0-test', fetch: options.fetch,
    syncTuning: { backoffBaseMs: 50, backoffCapMs: 500, ...options.tuning },
  }), local);
  core.sync.start();
  return { core, local, dataDir, close: () => core.close() };
}

/** Copies a (closed) terminal's whole data directory, as a backup tool would. */
export function copyDataDir(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
}

/** Imports `count` products (sku P0001 …, barcode 4000000000001 …, price 1.00 × i). */
export async function importCatalog(admin: AdminClient, count: number): Promise<void> {
  const lines = ['sku,name,price_minor,tax_class,category,barcodes'];
  for (let i = 1; i <= count; i++) lines.push(`P${String(i).padStart(4, '0')},Product ${i},${100 * i},STD,Food,${barcodeOf(i)}`);
  const imported = await admin.call('POST', '/api/v1/catalog/import', lines.join('\n'), 'text/csv');
  if (imported.status !== 200) throw new Error(`import failed: ${JSON.stringify(imported.body)}`);
}

export const barcodeOf = (i: number): string => String(4_000_000_000_000 + i);

/** Waits until the till holds the server's whole catalog. */
export async function untilCatalogPulled(till: TestTill, products: number): Promise<void> {
  await until(async () => {
    const status = await till.core.handlers['sync.status']({});
    const { products: held } = (await till.core.handlers['app.info']({})).catalog;
    return status.catalogCompleteness.find((s) => s.stream === 'catalog')?.complete === true && held === products;
  }, 20_000, 'catalog pulled');
}

export async function untilSynced(till: TestTill, timeoutMs = 20_000): Promise<void> {
  await until(async () => (await till.core.handlers['sync.status']({})).pendingCount === 0, timeoutMs, 'outbox drained');
}
