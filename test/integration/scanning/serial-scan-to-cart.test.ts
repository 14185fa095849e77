import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_IN_STORE_LAYOUTS, makeInStoreCode, type InStoreLayout } from '../../../src-shared/barcode/in-store';
import type { Cart } from '../../../src-shared/domain/cart';
import type { ScannerScanned } from '../../../src-shared/contract/scanner-contract';
import { DEMO_BARCODES, demoSku } from '../../../src-main/core/demo/seed-demo-store';
import { SerialScanner } from '../../../src-main/hardware/scanner/serial-scanner';
import { SimSerialScanner } from '../../../src-main/hardware/sim/scanner/sim-serial-scanner';
import { addBarcode, scanningCore, type ScanningCore } from './scanning-core';

const [price5, , weight5] = DEMO_IN_STORE_LAYOUTS as [InStoreLayout, InStoreLayout, InStoreLayout];
let seq = 0;

describe('a serial scan from the simulator becomes a cart line through the core', () => {
  let fx: ScanningCore;
  let sim: SimSerialScanner;

  const scanned = () => fx.events.filter((e) => e.name === 'scanner.scanned').map((e) => e.payload as ScannerScanned);
  const lastCart = () => fx.events.filter((e) => e.name === 'cart.changed').map((e) => e.payload as Cart).at(-1);
  /** Scans and waits for the hub's verdict on it. */
  async function scan(code: string): Promise<ScannerScanned> {
    const before = scanned().length;
    sim.scan(code);
    await vi.waitFor(() => expect(scanned().length).toBe(before + 1));
    return scanned().at(-1)!;
  }

  beforeEach(async () => {
    sim = new SimSerialScanner(`/dev/ttySCAN${process.pid}-${++seq}`);
    const scanner = new SerialScanner({ path: sim.path, openPort: sim.openPort, backoff: { initialMs: 5, maxMs: 20 } });
    fx = await scanningCore({ scanners: [scanner], inStoreLayouts: DEMO_IN_STORE_LAYOUTS });
  });
  afterEach(() => fx.dispose());

  it('adds the product, twice makes quantity 2, and the renderer gets cart.changed and scanner.scanned', async () => {
    expect(await scan(DEMO_BARCODES.bread)).toMatchObject({ code: DEMO_BARCODES.bread, kind: 'gtin', result: 'added', source: `serial:${sim.path}` });
    await scan(DEMO_BARCODES.bread);
    const cart = await fx.core.handlers['cart.get']({});
    expect(cart.lines).toMatchObject([{ name: 'White Sliced Bread 800g', quantity: 2, unitPriceMinor: 140 }]);
    expect(lastCart()).toEqual(cart);
  });

  it('strips an AIM identifier the scanner sends in the data', async () => {
    expect(await scan(`]E0${DEMO_BARCODES.milk}`)).toMatchObject({ code: DEMO_BARCODES.milk, symbology: ']E0', result: 'added' });
    expect((await fx.core.handlers['cart.get']({})).lines.map((l) => l.name)).toEqual(['Semi-Skimmed Milk 2 Pints']);
  });

  it('reports an unknown code and a misread without touching the cart', async () => {
    expect(await scan('4006381333931')).toMatchObject({ result: 'notFound', message: expect.stringMatching(/No product has the barcode 4006381333931/) });
    expect(await scan('5012345000016')).toMatchObject({ result: 'invalid', message: expect.stringMatching(/check digit/) });
    expect((await fx.core.handlers['cart.get']({})).lines).toEqual([]);
  });

  it('prices in-store price and weight barcodes from the code, for that line only', async () => {
    await addBarcode(fx.local, demoSku(41), '2112345000008'); // Bananas Loose Each, item 12345 under prefix 21
    const weighedCode = makeInStoreCode('28', '00042', 0, weight5);
    await addBarcode(fx.local, demoSku(61), weighedCode); // Chicken Breast Fillets, 475 "per kg" for the test

    expect(await scan(makeInStoreCode('21', '12345', 250, price5))).toMatchObject({ kind: 'gs1-price', result: 'added' });
    expect(await scan(makeInStoreCode('28', '00042', 1234, weight5))).toMatchObject({ kind: 'gs1-weight', result: 'added' });
    // A forged price check digit is refused before any lookup (layout 23 carries one).
    const body = '231234714685';
    const { gtinCheckDigit } = await import('../../../src-shared/barcode/ean');
    expect(await scan(body + String(gtinCheckDigit(body)))).toMatchObject({ result: 'invalid' });

    const cart = await fx.core.handlers['cart.get']({});
    // A weighed line keeps its weight and the price per kg (issue 3); its amount is 475 × 1.234 kg = 586.15 → 586.
    expect(cart.lines.map((l) => [l.sku, l.quantity, l.unitPriceMinor, l.weightGrams, l.lineTotalMinor])).toEqual([
      [demoSku(41), 1, 250, null, 250],
      [demoSku(61), 1, 475, 1234, 586],
    ]);
    // The catalog price is unchanged: a plain scan of the base code sells at the catalog price.
    expect((await fx.core.handlers['catalog.search']({ query: demoSku(41), limit: 1 }))[0]?.priceMinor).toBe(18);
  });

  it('keeps working after the scanner is unplugged and plugged back, and lists its state', async () => {
    await scan(DEMO_BARCODES.eggs);
    sim.unplug();
    await vi.waitFor(async () => expect((await fx.core.handlers['scanner.list']({})).scanners[0]?.status).toBe('disconnected'));
    expect(fx.events.some((e) => e.name === 'scanner.statusChanged' && (e.payload as { status: string }).status === 'disconnected')).toBe(true);
    sim.replug();
    await vi.waitFor(async () => expect((await fx.core.handlers['scanner.list']({})).scanners[0]?.status).toBe('connected'));
    await scan(DEMO_BARCODES.cola);
    expect((await fx.core.handlers['cart.get']({})).lines.map((l) => l.name)).toEqual(['Free Range Eggs 6 Pack', 'Cola 2L']);
    const { scanners } = await fx.core.handlers['scanner.list']({});
    expect(scanners).toEqual([{
      id: `serial:${sim.path}`, kind: 'serial', description: `serial scanner on ${sim.path} at 9600 baud`,
      status: 'connected', detail: expect.any(String), lastScanAt: '2026-11-21T10:15:00.000Z',
    }]);
  });

  it('scanner.test shows the last scan raw and normalised, and normalises the test field without selling', async () => {
    expect(await fx.core.handlers['scanner.test']({})).toEqual({ last: null });
    await scan(`]E0${DEMO_BARCODES.chocolate}`);
    const { last } = await fx.core.handlers['scanner.test']({});
    expect(last).toMatchObject({ source: `serial:${sim.path}`, normalized: { raw: `]E0${DEMO_BARCODES.chocolate}`, code: DEMO_BARCODES.chocolate }, product: { name: 'Milk Chocolate Bar 100g' } });

    const before = await fx.core.handlers['cart.get']({});
    const typed = await fx.core.handlers['scanner.test']({ raw: `0${DEMO_BARCODES.cola}` });
    expect(typed.last).toMatchObject({ source: 'test field', normalized: { code: DEMO_BARCODES.cola, format: 'ean-13' }, product: { name: 'Cola 2L', priceMinor: 225 } });
    expect(await fx.core.handlers['cart.get']({})).toEqual(before);
  });
});
