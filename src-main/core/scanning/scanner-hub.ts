import type { InStoreLayout } from '../../../src-shared/barcode/in-store';
import { normalizeBarcode } from '../../../src-shared/barcode/normalize';
import type { NormalizedBarcode } from '../../../src-shared/barcode/normalized-barcode';
import { DomainError } from '../../../src-shared/contract';
import type { AvailableScanner, ScannerInfo, ScannerScanned, ScannerTest, ScanResult } from '../../../src-shared/contract/scanner-contract';
import type { CartService } from '../cart/cart-service';
import type { CatalogService } from '../catalog/catalog-service';
import type { Clock, Logger } from '../deps';
import type { EventHub } from '../events';
import type { BarcodeScanner, DiscoveredScanner, ScannedCode } from '../hardware/barcode-scanner';

/** What the hosts give the core about scanners (CoreDeps.scanning). */
export interface ScanningDeps {
  /** Scanners read in main (src-main/hardware/scanner/scanners-from-config.ts builds them). */
  scanners?: readonly BarcodeScanner[];
  /** Lists devices that could be configured, for the settings screen. */
  discover?: () => Promise<DiscoveredScanner[]>;
  /** The store's in-store price/weight layouts (GS1 prefixes 20–29). */
  inStoreLayouts?: readonly InStoreLayout[];
}

export interface ScannerHubDeps extends ScanningDeps {
  cart: Pick<CartService, 'scan' | 'scanWithPrice' | 'scanWeighed'>;
  catalog: Pick<CatalogService, 'byBarcode'>;
  events: EventHub;
  clock: Clock;
  logger: Logger;
}

interface Outcome {
  result: ScanResult;
  message: string | null;
}

const isNotFound = (error: unknown) => error instanceof DomainError && error.code === 'BARCODE_NOT_FOUND';

/**
 * Routes scans from main-side scanners (HID-POS, serial, network) to the cart: normalise, look
 * up, add. The renderer never sees the keys; it shows `cart.changed` and, for every scan,
 * `scanner.scanned` (so a "not found" can offer search). Scans are handled one at a time, in
 * the order they arrived, so two quick scans of the same product make one line of quantity 2.
 */
export class ScannerHub {
  private readonly unsubscribe: (() => void)[] = [];
  private readonly lastScanAt = new Map<string, string>();
  private last: ScannerTest | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: ScannerHubDeps) {}

  /** Subscribes to every scanner and starts them; a scanner that is absent only reports so. */
  async start(): Promise<void> {
    for (const scanner of this.deps.scanners ?? []) {
      this.unsubscribe.push(
        scanner.onScan((scan) => {
          this.queue = this.queue.then(() => this.handle(scan));
        }),
        scanner.onStatus(() => this.deps.events.emit('scanner.statusChanged', this.info(scanner))),
      );
    }
    await Promise.all((this.deps.scanners ?? []).map((scanner) => scanner.start()));
  }

  /** Stops the scanners and waits for the scans already received. */
  async stop(): Promise<void> {
    for (const off of this.unsubscribe.splice(0)) off();
    await Promise.all((this.deps.scanners ?? []).map((scanner) => scanner.stop()));
    await this.queue;
  }

  normalize(raw: string, symbology: string | null = null): NormalizedBarcode {
    return normalizeBarcode(raw, { symbology, inStoreLayouts: this.deps.inStoreLayouts ?? [] });
  }

  async list(): Promise<{ scanners: ScannerInfo[]; available: AvailableScanner[] }> {
    const available = this.deps.discover ? await this.deps.discover().catch((error: unknown) => {
      this.deps.logger.warn('scanner discovery failed', { error: String(error) });
      return [];
    }) : [];
    return { scanners: (this.deps.scanners ?? []).map((s) => this.info(s)), available };
  }

  /** The admin test field: normalise and look up `raw` (no cart change), or return the last scan. */
  async test(raw: string | undefined): Promise<{ last: ScannerTest | null }> {
    if (raw === undefined) return { last: this.last };
    return { last: await this.describe('test field', this.normalize(raw)) };
  }

  private info(scanner: BarcodeScanner): ScannerInfo {
    const { status, detail } = scanner.status();
    return { id: scanner.id, kind: scanner.kind, description: scanner.describe(), status, detail, lastScanAt: this.lastScanAt.get(scanner.id) ?? null };
  }

  private async describe(source: string, normalized: NormalizedBarcode): Promise<ScannerTest> {
    let product: ScannerTest['product'] = null;
    for (const code of normalized.lookup) {
      const found = await this.deps.catalog.byBarcode(code);
      if (found) {
        const { id, sku, name, priceMinor, active } = found.product;
        product = { id, sku, name, priceMinor, active };
        break;
      }
    }
    return { source, normalized, product, at: this.deps.clock.now().toISOString() };
  }

  private async handle(scan: ScannedCode): Promise<void> {
    const at = this.deps.clock.now().toISOString();
    const normalized = this.normalize(scan.code, scan.symbology);
    this.lastScanAt.set(scan.source, at);
    let outcome: Outcome;
    try {
      outcome = await this.addToCart(normalized);
    } catch (error) {
      this.deps.logger.error('scan could not be handled', { source: scan.source, code: normalized.code, error: error instanceof Error ? error.stack : String(error) });
      outcome = { result: 'refused', message: 'The scan could not be added; try again or add the product by search.' };
    }
    const event: ScannerScanned = {
      source: scan.source, raw: normalized.raw, code: normalized.code, kind: normalized.kind,
      symbology: normalized.symbology, result: outcome.result, message: outcome.message, at,
    };
    this.deps.events.emit('scanner.scanned', event);
    this.last = await this.describe(scan.source, normalized).catch(() => ({ source: scan.source, normalized, product: null, at }));
  }

  private async addToCart(normalized: NormalizedBarcode): Promise<Outcome> {
    // A wrong embedded price must never reach a receipt: refuse before any lookup.
    if (!normalized.valid && normalized.kind !== 'gtin') return { result: 'invalid', message: normalized.problem };
    const add = this.adderFor(normalized);
    for (const code of normalized.lookup) {
      try {
        await add(code);
        return { result: 'added', message: null };
      } catch (error) {
        if (isNotFound(error)) continue;
        if (error instanceof DomainError) return { result: 'refused', message: error.message };
        throw error;
      }
    }
    // A GTIN-shaped code with a wrong check digit was still tried (an internal code without one);
    // not found, it is reported as the misread it most likely is.
    if (!normalized.valid) return { result: 'invalid', message: normalized.problem };
    return { result: 'notFound', message: `No product has the barcode ${normalized.code}. Search by name instead.` };
  }

  private adderFor(normalized: NormalizedBarcode): (code: string) => Promise<unknown> {
    const { cart } = this.deps;
    const inStore = normalized.inStore;
    if (normalized.kind === 'gs1-price' && inStore?.priceMinor != null) {
      const price = inStore.priceMinor;
      return (code) => cart.scanWithPrice(code, () => price);
    }
    if (normalized.kind === 'gs1-weight' && inStore?.weightGrams != null) {
      // A weighed line: the catalog price is per kilogram; the cart prices grams × price/kg (issue 3).
      const grams = inStore.weightGrams;
      return (code) => cart.scanWeighed(code, grams);
    }
    return (code) => cart.scan(code);
  }
}
