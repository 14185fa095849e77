import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_IN_STORE_LAYOUTS } from '../../src-shared/barcode/in-store';
import { StoreSettings } from '../../src-shared/domain/store-settings';
import { newId } from '../../src-shared/id';
import type { Authorize } from '../../src-main/core/authorize';
import { saveStoreSettings } from '../../src-main/core/checkout/store-settings';
import { createCore, type Core, type CoreDeps } from '../../src-main/core/create-core';
import { settledCore } from './settled-core';
import type { LocalStore } from '../../src-main/core/db/local-store';
import { openLocalStore } from '../../src-main/core/db/open-local-store';
import { silentLogger } from '../../src-main/core/deps';
import { DEMO_PEOPLE, seedDemoStore } from '../../src-main/core/demo/seed-demo-store';
import { dispatch } from '../../src-main/rpc/dispatch';
import type { z } from 'zod';

export interface CheckoutFixtureOptions {
  /** The permission hook under test (a fake policy); the core's own when absent. */
  authorize?: Authorize;
  /** Checkout settings stored before the core starts (`setting` row `checkout`); a function sees the seeded store. */
  settings?: z.input<typeof StoreSettings> | ((local: LocalStore) => z.input<typeof StoreSettings>);
  checkout?: CoreDeps['checkout'];
}

export interface CheckoutFixture {
  core: Core;
  local: LocalStore;
  dataDir: string;
  /** A contract call through `dispatch`, as a host makes it: the envelope, never a throw. */
  call(method: string, input: unknown): ReturnType<typeof dispatch>;
  dispose(): Promise<void>;
}

/**
 * The demo store with the demo in-store barcode layouts, a settable policy and settings, and a
 * signed-in manager with an open shift (the "People, cash and control" work requires both before
 * selling), so checkout tests exercise checkout and nothing else.
 */
export async function checkoutCore(options: CheckoutFixtureOptions = {}): Promise<CheckoutFixture> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tillpoint-checkout-'));
  const clock = { now: () => new Date('2026-11-21T10:15:00.000Z') };
  const ids = { next: newId };
  const local = await openLocalStore({ dataDir, appVersion: '0.0.0-test', logger: silentLogger, clock });
  await seedDemoStore(local, { clock, ids });
  if (options.settings) {
    const settings = typeof options.settings === 'function' ? options.settings(local) : options.settings;
    await saveStoreSettings(local, StoreSettings.parse(settings), clock.now().toISOString());
  }
  const core = settledCore(await createCore({
    local, clock, ids, logger: silentLogger, appVersion: '0.0.0-test', authorize: options.authorize,
    scanning: { inStoreLayouts: DEMO_IN_STORE_LAYOUTS }, checkout: options.checkout,
  }), local);
  const h = core.handlers;
  const manager = (await h['people.listForSignIn']({})).find((p) => p.name === DEMO_PEOPLE[0].name);
  if (!manager) throw new Error('demo manager missing');
  await h['session.signIn']({ personId: manager.id, pin: DEMO_PEOPLE[0].pin });
  if (!(await h['shift.current']({}))) await h['shift.open']({ floatCount: [] });
  return {
    core, local, dataDir,
    call: (method, input) => dispatch(core.handlers, method, input, { logger: silentLogger, validateOutput: true }),
    dispose: async () => { await core.close(); rmSync(dataDir, { recursive: true, force: true }); },
  };
}
