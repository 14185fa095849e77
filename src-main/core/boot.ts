import { newId } from '../../src-shared/id';
import { createCore, type Core } from './create-core';
import { openLocalStore } from './db/open-local-store';
import { systemClock, type Logger } from './deps';
import { DEMO_CONTROL_SETTINGS, DEMO_TILL_CONTROL_SETTINGS, seedDemoStore } from './demo/seed-demo-store';
import { ensureTerminalIdentity } from './settings/blank-terminal';
import { DEMO_IN_STORE_LAYOUTS } from '../../src-shared/barcode/in-store';
import type { ScanningDeps } from './scanning/scanner-hub';
import type { SecretStore } from './sync/secret-store';
import type { PrinterConnector } from './hardware/receipt-printer';

export interface BootOptions {
  dataDir: string;
  appVersion: string;
  /** Seed the demo store into an empty data directory. */
  demo: boolean;
  /**
   * The seeded demo needs no sign-in and no shift (POS_DEMO_OPEN=1): only for benchmarks and fault
   * runs that sell over the contract. Otherwise the demo requires both (DEMO_TILL_CONTROL_SETTINGS).
   */
  demoOpen?: boolean;
  logger: Logger;
  /** Scanners read in main (hardware/scanner/scanners-from-config.ts); the demo store also gets demo in-store layouts. */
  scanning?: ScanningDeps;
  /** Where the sync credential is kept; default `<dataDir>/secrets/` 0600 files. Electron passes its safeStorage store. */
  secrets?: SecretStore;
  /** Receipt printers and drawers: `createPrinterConnector()` from src-main/hardware/printer/connect-printer.ts. */
  printerConnector?: PrinterConnector;
  /** `POS_PRINTER` (e.g. tcp://127.0.0.1:9100): stored as the default printer at start. */
  printerUrl?: string;
}

/** What both hosts (Electron and the web host) do at start: lock, open, migrate, seed, compose. */
export async function bootCore(options: BootOptions): Promise<Core> {
  const { dataDir, appVersion, demo, logger } = options;
  const clock = systemClock;
  const ids = { next: newId };
  const local = await openLocalStore({ dataDir, appVersion, logger, clock });
  try {
    if (demo) {
      const { seeded } = await seedDemoStore(local, { clock, ids, control: options.demoOpen ? DEMO_CONTROL_SETTINGS : DEMO_TILL_CONTROL_SETTINGS });
      if (seeded) logger.info('demo store seeded', { dataDir });
    }
    const { created } = await ensureTerminalIdentity(local, { clock, ids });
    if (created) logger.info('new terminal: not enrolled yet', { dataDir });
    const scanning = { inStoreLayouts: demo ? DEMO_IN_STORE_LAYOUTS : [], ...options.scanning };
    return await createCore({ local, clock, ids, logger, appVersion, scanning, secrets: options.secrets, printerConnector: options.printerConnector, printerUrl: options.printerUrl });
  } catch (error) {
    await local.close();
    throw error;
  }
}
