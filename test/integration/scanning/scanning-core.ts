import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventName } from '../../../src-shared/contract';
import { newId } from '../../../src-shared/id';
import { createCore, type Core } from '../../../src-main/core/create-core';
import { settledCore } from '../../support/settled-core';
import type { LocalStore } from '../../../src-main/core/db/local-store';
import { openLocalStore } from '../../../src-main/core/db/open-local-store';
import { silentLogger } from '../../../src-main/core/deps';
import { seedDemoStore } from '../../../src-main/core/demo/seed-demo-store';
import type { ScanningDeps } from '../../../src-main/core/scanning/scanner-hub';

export interface ScanningCore {
  core: Core;
  local: LocalStore;
  events: { name: EventName; payload: unknown }[];
  dispose(): Promise<void>;
}

/** A demo-store core (as test/support/core-fixture.ts makes) with scanners read in main. */
export async function scanningCore(scanning: ScanningDeps): Promise<ScanningCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tillpoint-scan-'));
  const clock = { now: () => new Date('2026-11-21T10:15:00.000Z') };
  const ids = { next: newId };
  const local = await openLocalStore({ dataDir, appVersion: '0.0.0-test', logger: silentLogger, clock });
  await seedDemoStore(local, { clock, ids });
  const core = settledCore(await createCore({ local, clock, ids, logger: silentLogger, appVersion: '0.0.0-test', scanning }), local);
  const events: ScanningCore['events'] = [];
  core.onEvent((name, payload) => events.push({ name, payload }));
  return {
    core, local, events,
    dispose: async () => {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Registers `code` as one more barcode of the demo product with `sku` (an in-store base code …). */
export async function addBarcode(local: LocalStore, sku: string, code: string): Promise<void> {
  const product = await local.db.selectFrom('product').select('id').where('sku', '=', sku).executeTakeFirstOrThrow();
  await local.db.insertInto('barcode').values({ code, product_id: product.id, pack_quantity: 1 }).execute();
}
