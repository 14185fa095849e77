import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScannerScanned } from '../../../src-shared/contract/scanner-contract';
import { DEMO_BARCODES } from '../../../src-main/core/demo/seed-demo-store';
import { HidPosScanner } from '../../../src-main/hardware/scanner/hid-pos-scanner';
import { scannersFromConfig } from '../../../src-main/hardware/scanner/scanners-from-config';
import { EAN13_ONE_REPORT, QR_THREE_REPORTS } from '../../../src-main/hardware/sim/scanner/hid-pos-fixtures';
import { SimHidBackend } from '../../../src-main/hardware/sim/scanner/sim-hid-backend';
import { SimTcpScanner } from '../../../src-main/hardware/sim/scanner/sim-tcp-scanner';
import { scanningCore, type ScanningCore } from './scanning-core';

describe('HID-POS and network scanners feed the cart in main', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  const scanned = (fx: ScanningCore) => fx.events.filter((e) => e.name === 'scanner.scanned').map((e) => e.payload as ScannerScanned);

  it('recorded HID-POS reports become a cart line with the symbology kept; a QR code is reported, not sold', async () => {
    const hid = new SimHidBackend();
    hid.plug('/dev/hidraw7');
    const fx = await scanningCore({ scanners: [new HidPosScanner({ backend: hid, backoff: { initialMs: 5, maxMs: 20 } })] });
    cleanups.push(() => fx.dispose());

    hid.send('/dev/hidraw7', EAN13_ONE_REPORT.reports);
    hid.send('/dev/hidraw7', QR_THREE_REPORTS.reports);
    await vi.waitFor(() => expect(scanned(fx)).toHaveLength(2));
    expect(scanned(fx)).toMatchObject([
      { source: 'hid', code: DEMO_BARCODES.bread, symbology: ']E0', kind: 'gtin', result: 'added' },
      { source: 'hid', code: QR_THREE_REPORTS.data, symbology: ']Q1', kind: 'other', result: 'notFound' },
    ]);
    expect((await fx.core.handlers['cart.get']({})).lines.map((l) => l.name)).toEqual(['White Sliced Bread 800g']);
  });

  it('POS_SCANNER=tcp://… reads the npm run sim scanner, and survives a dropped connection', async () => {
    const sim = new SimTcpScanner();
    const port = await sim.listen();
    const fx = await scanningCore({ scanners: scannersFromConfig(`tcp://127.0.0.1:${port}`) });
    cleanups.push(() => fx.dispose(), () => sim.close());
    await vi.waitFor(() => expect(sim.connected).toBe(1));

    sim.scan(DEMO_BARCODES.banana);
    await vi.waitFor(() => expect(scanned(fx)).toHaveLength(1));
    sim.dropClients();
    await vi.waitFor(() => expect(sim.connected).toBe(1), { timeout: 5_000 });
    sim.scan(DEMO_BARCODES.banana);
    await vi.waitFor(() => expect(scanned(fx)).toHaveLength(2));
    expect((await fx.core.handlers['cart.get']({})).lines).toMatchObject([{ name: 'Bananas Loose Each', quantity: 2 }]);
  });
});
