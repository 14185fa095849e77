import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScannedCode } from '../../core/hardware/barcode-scanner';
import { SimSerialScanner } from '../sim/scanner/sim-serial-scanner';
import { SerialScanner } from './serial-scanner';
import { parseFraming } from './suffix-framer';

const fast = { initialMs: 5, maxMs: 20 };
let seq = 0;
const uniquePath = () => `/dev/ttySIM${process.pid}-${++seq}`;

describe('SerialScanner on serialport mock', () => {
  let scanner: SerialScanner | undefined;
  afterEach(() => scanner?.stop());

  it('reads barcodes arriving in arbitrary chunks, with a configured prefix and CRLF suffix', async () => {
    const sim = new SimSerialScanner(uniquePath(), { prefix: '\x02', suffix: '\r\n' });
    scanner = new SerialScanner({ path: sim.path, baudRate: 9600, prefix: parseFraming('STX'), suffix: parseFraming('CRLF'), openPort: sim.openPort, backoff: fast });
    const scans: ScannedCode[] = [];
    scanner.onScan((scan) => scans.push(scan));
    await scanner.start();
    expect(scanner.status()).toEqual({ status: 'connected', detail: `serial scanner on ${sim.path} at 9600 baud` });

    sim.sendBytes('\x0250123');
    sim.sendBytes('45000015\r');
    sim.sendBytes('\n\x029638');
    sim.sendBytes('5074\r\n\x024006381333931\r\n');
    await vi.waitFor(() => expect(scans).toHaveLength(3));
    expect(scans).toEqual([
      { code: '5012345000015', symbology: null, source: `serial:${sim.path}` },
      { code: '96385074', symbology: null, source: `serial:${sim.path}` },
      { code: '4006381333931', symbology: null, source: `serial:${sim.path}` },
    ]);
  });

  it('reconnects after unplug and replug and reads again', async () => {
    const sim = new SimSerialScanner(uniquePath());
    scanner = new SerialScanner({ path: sim.path, openPort: sim.openPort, backoff: fast });
    const codes: string[] = [];
    scanner.onScan((scan) => codes.push(scan.code));
    await scanner.start();
    sim.scan('5012345000015');
    await vi.waitFor(() => expect(codes).toEqual(['5012345000015']));

    sim.unplug();
    await vi.waitFor(() => expect(scanner!.status().status).toBe('disconnected'));
    expect(scanner.status().detail).toMatch(/unplugged/);
    // While unplugged, every retry fails like a missing device node and the status stays down.
    const opensWhileUnplugged = sim.opens;
    await vi.waitFor(() => expect(sim.opens).toBeGreaterThan(opensWhileUnplugged + 1));
    expect(scanner.status().status).toBe('disconnected');

    sim.replug();
    await vi.waitFor(() => expect(scanner!.status().status).toBe('connected'));
    sim.scan('96385074');
    await vi.waitFor(() => expect(codes).toEqual(['5012345000015', '96385074']));
  });

  it('a port that does not exist is a disconnected scanner, not an error', async () => {
    scanner = new SerialScanner({ path: '/dev/ttyNOPE', openPort: new SimSerialScanner(uniquePath()).openPort, backoff: fast });
    await scanner.start();
    expect(scanner.status().status).toBe('disconnected');
  });
});
