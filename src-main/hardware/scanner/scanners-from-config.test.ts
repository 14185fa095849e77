import { describe, expect, it } from 'vitest';
import { parseScannerSpec, scannersFromConfig } from './scanners-from-config';

describe('scanner configuration strings (POS_SCANNER)', () => {
  it('reads HID, serial and TCP specs with framing', () => {
    expect(parseScannerSpec('hid')).toEqual({ kind: 'hid-pos' });
    expect(parseScannerSpec('hid:0c2e:0b61')).toEqual({ kind: 'hid-pos', vendorId: 0x0c2e, productId: 0x0b61 });
    expect(parseScannerSpec('hid:/dev/hidraw3')).toEqual({ kind: 'hid-pos', path: '/dev/hidraw3' });
    expect(parseScannerSpec('serial:/dev/ttyACM0?baud=115200&suffix=CRLF&prefix=STX')).toEqual({ kind: 'serial', path: '/dev/ttyACM0', baudRate: 115200, prefix: '\x02', suffix: '\r\n' });
    expect(parseScannerSpec('serial:COM3')).toEqual({ kind: 'serial', path: 'COM3', baudRate: 9600, prefix: '', suffix: '\r' });
    expect(parseScannerSpec('tcp://127.0.0.1:9101')).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 9101, prefix: '', suffix: '\r' });
  });

  it('refuses what it cannot read, with a message that shows the accepted forms', () => {
    expect(() => parseScannerSpec('usb')).toThrow(/use hid, hid:<vid>:<pid>/);
    expect(() => parseScannerSpec('serial:/dev/ttyS0?baud=12')).toThrow(/baud/);
    expect(() => parseScannerSpec('serial:/dev/ttyS0?suffix=NONE')).toThrow(/needs a suffix/);
    expect(() => parseScannerSpec('serial:/dev/ttyS0?parity=odd')).toThrow(/unknown scanner option "parity"/);
    expect(() => parseScannerSpec('tcp://127.0.0.1:70000')).toThrow(/bad port/);
  });

  it('builds one scanner per entry, ids as written, none for an empty setting', () => {
    const scanners = scannersFromConfig('hid, tcp://127.0.0.1:9101  serial:/dev/ttyUSB0?baud=9600');
    expect(scanners.map((s) => [s.id, s.kind])).toEqual([['hid', 'hid-pos'], ['tcp://127.0.0.1:9101', 'tcp'], ['serial:/dev/ttyUSB0?baud=9600', 'serial']]);
    expect(scanners.every((s) => s.status().status === 'stopped')).toBe(true);
    expect(scannersFromConfig(undefined)).toEqual([]);
    expect(scannersFromConfig('  ')).toEqual([]);
  });
});
