import path from 'node:path';
import type { EventName, Handlers } from '../../src-shared/contract';
import { createCatalogService } from './catalog/catalog-service';
import { catalogHandlers } from './catalog/catalog-handlers';
import { cartHandlers } from './cart/cart-handlers';
import { createCartService } from './cart/cart-service';
import type { LocalStore } from './db/local-store';
import type { Clock, IdGenerator, Logger } from './deps';
import { EventHub } from './events';
import { saleHandlers } from './sale/sale-handlers';
import { openSaleJournal } from './sale/sale-journal';
import { createSaleService } from './sale/sale-service';
import { loadTerminalIdentity } from './settings/terminal-identity';
import type { PrinterConnector } from './hardware/receipt-printer';
import type { DrawerLog } from './printing/drawer-log';
import { printingHandlers } from './printing/printing-handlers';
import { createPrintingService } from './printing/printing-service';
import type { SecretStore } from './sync/secret-store';
import { syncHandlers } from './sync/sync-handlers';
import type { SyncLoopTuning } from './sync/sync-loop';
import { createSyncService } from './sync/sync-service';
import type { FetchFn } from './sync/sync-transport';
import { scannerHandlers } from './scanning/scanner-handlers';
import { ScannerHub, type ScanningDeps } from './scanning/scanner-hub';
import type { Authorize } from './authorize';
import { createControl, type ControlDeps } from './people/control';
import { createParkedCarts } from './cart/parked-carts';
import { checkoutHandlers } from './checkout/checkout-handlers';
import type { StoreCreditLedger } from './checkout/store-credit';
import { loadStoreSettings } from './checkout/store-settings';
import type { SaleServiceDeps } from './sale/sale-service';

export interface CoreDeps {
  local: LocalStore;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  appVersion: string;
  /** Where the sync credential is kept; default `<dataDir>/secrets/` files (Electron: safeStorage). */
  secrets?: SecretStore;
  /** The sync transport's fetch (tests put a fault proxy or a fake here); default global fetch. */
  fetch?: FetchFn;
  syncTuning?: Partial<SyncLoopTuning>;
  /** Receipt printers and drawers (src-main/hardware/printer/connect-printer.ts); without it print jobs only queue. */
  printerConnector?: PrinterConnector;
  /** `POS_PRINTER=tcp://127.0.0.1:9100`: a printer stored as a device at start (core/printing/printer-url.ts). */
  printerUrl?: string;
  /**
   * THE permission hook (core/authorize.ts): discounts above the threshold, price overrides, line
   * voids, drawer and printer actions. The people work supplies it; allows everything when absent.
   */
  authorize?: Authorize;
  /** Where drawer openings are recorded; the `drawer_event` table when absent (the audit log later). */
  drawerLog?: DrawerLog;
  printing?: { statusPollMs?: number; backoff?: { baseMs: number; maxMs: number } };
  /** Scanners read in main (HID-POS, serial, network) and the store's in-store barcode layouts. */
  scanning?: ScanningDeps;
  /** Queues an X/Z report (a receiptline document) on the receipt printer; reports are not printed without it (issue 4 seam). */
  printReport?: ControlDeps['printReport'];
  /** Checkout seams for the people work: store-credit ledger, sale sealing (shift, cashier, hash), who is selling. */
  checkout?: { storeCredit?: StoreCreditLedger; sealer?: SaleServiceDeps['sealer']; cashier?: SaleServiceDeps['cashier'] };
}

export interface Core {
  handlers: Handlers;
  onEvent(listener: (name: EventName, payload: unknown) => void): () => void;
  /** The replication loop: hosts call `sync.start()` after boot; `close()` stops it first. */
  sync: { start(): void; stop(): Promise<void>; wake(): void };
  close(): Promise<void>;
}

/**
 * Composes the terminal's services over one local store. Everything it touches comes in
 * `deps`: no module-level state, so a test builds a core on a temp file with a fixed clock.
 */
export async function createCore(deps: CoreDeps): Promise<Core> {
  const { local, clock, ids, appVersion } = deps;
  const events = new EventHub();
  const identity = await loadTerminalIdentity(local);
  const catalog = createCatalogService(local);
  const settings = loadStoreSettings(local, deps.logger);
  // People, cash and control (issue 4): the permission hook, sale sealing, drawer audit, the policy gate.
  const control = createControl({
    local, clock, ids, logger: deps.logger, identity, catalog,
    cartLineCount: async () => (await cart.get()).lines.length, factsWritten: () => sync.wake(),
    // Reports (issue 4) print on the default printer (issue 5) unless the host supplies its own.
    printReport: deps.printReport ?? (async ({ document }) => (await printing.printDocument({ kind: 'report', document })) !== undefined),
  });
  const authorize = deps.authorize ?? control.authorize;
  // The store's in-store barcode layouts; hosts may pass their own (the demo store's).
  const inStoreLayouts = deps.scanning?.inStoreLayouts?.length ? deps.scanning.inStoreLayouts : settings.inStoreLayouts;
  const cart = createCartService({ local, catalog, clock, ids, events, store: identity.store, settings, inStoreLayouts, authorize });
  const parked = createParkedCarts({ local, cart, clock, ids, events, authorize });
  const journal = openSaleJournal(path.dirname(local.file), deps.logger);
  const sales = createSaleService({
    local, cart, clock, ids, events, identity, settings, journal, logger: deps.logger,
    afterSale: (sale) => printing.afterSale(sale), ...control.checkout, ...deps.checkout,
  });
  // Sales whose rows a crash or power cut kept out of terminal.db are written before anything else runs.
  await sales.recover();
  const printing = await createPrintingService({
    local, clock, ids, logger: deps.logger, events, identity, loadSale: (saleId) => sales.get({ saleId }),
    connector: deps.printerConnector, printerUrl: deps.printerUrl, authorize, drawerLog: deps.drawerLog ?? control.drawerLog,
    statusPollMs: deps.printing?.statusPollMs, backoff: deps.printing?.backoff,
  });
  const sync = await createSyncService({ local, clock, logger: deps.logger, appVersion, events, identity, secrets: deps.secrets, fetch: deps.fetch, tuning: deps.syncTuning });
  const scanners = new ScannerHub({ ...deps.scanning, inStoreLayouts, cart: control.gatedCart(cart), catalog, events, clock, logger: deps.logger });
  await scanners.start();

  const handlers = control.guard({
    'app.info': async () => ({ version: appVersion, ...identity, catalog: { products: await catalog.count() } }),
    ...catalogHandlers(catalog),
    ...cartHandlers(cart),
    ...saleHandlers(sales, local, identity, settings),
    ...checkoutHandlers({ cart, parked, catalog, store: identity.store, settings }),
    ...syncHandlers(sync, local),
    ...printingHandlers(printing),
    ...scannerHandlers(scanners),
    ...control.handlers,
  } satisfies Handlers);

  return {
    handlers,
    onEvent: (listener) => events.on(listener),
    sync: { start: sync.start, stop: sync.stop, wake: sync.wake },
    close: async () => {
      await scanners.stop();
      await sync.stop();
      await printing.close();
      await local.close();
      journal.close();
    },
  };
}
