import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScannedCode, ScannerStatus } from '../../core/hardware/barcode-scanner';
import { GS1_128_TWO_REPORTS, NON_SCAN_REPORT, QR_THREE_REPORTS } from '../sim/scanner/hid-pos-fixtures';
import { SimHidBackend } from '../sim/scanner/sim-hid-backend';
import { discoverHidPosScanners } from './hid-backend';
import { HidPosScanner } from './hid-pos-scanner';

const fast = { initialMs: 5, maxMs: 20 };

function watch(scanner: HidPosScanner) {
  const scans: ScannedCode[] = [];
  const statuses: ScannerStatus[] = [];
  scanner.onScan((scan) => scans.push(scan));
  scanner.onStatus((change) => statuses.push(change.status));
  return { scans, statuses };
}

describe('HidPosScanner', () => {
  let scanner: HidPosScanner | undefined;
  afterEach(() => scanner?.stop());

  it('discovers only interfaces on usage page 0x8C', async () => {
    const backend = new SimHidBackend();
    backend.plug('/dev/hidraw1');
    backend.plug('/dev/hidraw0', { usagePage: 0x01, usage: 0x06, product: 'Keyboard' });
    expect(await discoverHidPosScanners(backend)).toEqual([
      { kind: 'hid-pos', spec: 'hid:/dev/hidraw1', description: 'Simulated HID-POS Scanner (0c2e:0b61)' },
    ]);
  });

  it('assembles multi-report barcodes from recorded reports and keeps the symbology', async () => {
    const backend = new SimHidBackend();
    backend.plug('/dev/hidraw1');
    scanner = new HidPosScanner({ backend, backoff: fast });
    const { scans } = watch(scanner);
    await scanner.start();
    expect(scanner.status().status).toBe('connected');
    backend.send('/dev/hidraw1', [NON_SCAN_REPORT, ...GS1_128_TWO_REPORTS.reports, ...QR_THREE_REPORTS.reports]);
    expect(scans).toEqual([
      { code: GS1_128_TWO_REPORTS.data, symbology: ']C1', source: 'hid' },
      { code: QR_THREE_REPORTS.data, symbology: ']Q1', source: 'hid' },
    ]);
  });

  it('waits for a scanner that is not there yet, and reconnects after unplug and replug', async () => {
    const backend = new SimHidBackend();
    scanner = new HidPosScanner({ backend, backoff: fast, vendorId: 0x0c2e });
    const { scans, statuses } = watch(scanner);
    await scanner.start();
    expect(scanner.status().status).toBe('disconnected');
    expect(scanner.status().detail).toMatch(/no HID-POS scanner found/);

    backend.plug('/dev/hidraw4');
    await vi.waitFor(() => expect(scanner!.status().status).toBe('connected'));
    backend.scan('/dev/hidraw4', '5012345000015', ']E0');

    backend.unplug('/dev/hidraw4');
    expect(scanner.status().status).toBe('disconnected');
    // Replugged devices often come back under another path.
    backend.plug('/dev/hidraw5');
    await vi.waitFor(() => expect(scanner!.status().status).toBe('connected'));
    backend.scan('/dev/hidraw5', '96385074', ']E4');

    expect(scans.map((s) => s.code)).toEqual(['5012345000015', '96385074']);
    expect(statuses).toEqual(expect.arrayContaining(['connecting', 'disconnected', 'connected']));
    expect(backend.openCount('/dev/hidraw5')).toBe(1);
    await scanner.stop();
    expect(backend.openCount('/dev/hidraw5')).toBe(0);
    expect(scanner.status().status).toBe('stopped');
  });

  it('ignores devices of another vendor when one is configured', async () => {
    const backend = new SimHidBackend();
    backend.plug('/dev/hidraw2', { vendorId: 0x05e0 });
    scanner = new HidPosScanner({ backend, backoff: fast, vendorId: 0x0c2e });
    await scanner.start();
    expect(scanner.status().status).toBe('disconnected');
  });
});
