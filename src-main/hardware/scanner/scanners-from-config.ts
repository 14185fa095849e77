import { SerialPort } from 'serialport';
import type { BarcodeScanner, DiscoveredScanner } from '../../core/hardware/barcode-scanner';
import { discoverHidPosScanners, type HidBackend } from './hid-backend';
import { HidPosScanner } from './hid-pos-scanner';
import { SerialScanner, type OpenSerialPort } from './serial-scanner';
import { parseFraming } from './suffix-framer';
import { TcpScanner } from './tcp-scanner';

/**
 * Scanner configuration as one string, so a host can take it from the environment
 * (`POS_SCANNER`) or a settings file. Several scanners are separated by `,` or whitespace:
 *
 *   hid                                  the first HID-POS scanner (usage page 0x8C), whichever appears
 *   hid:0c2e:0b61                        the first HID-POS interface with this vendor:product id (hex)
 *   hid:/dev/hidraw3                     one HID path
 *   serial:/dev/ttyACM0?baud=9600&suffix=CR&prefix=STX
 *   serial:COM3?baud=115200&suffix=CRLF
 *   tcp://127.0.0.1:9101?suffix=CR       a network scanner, or the `npm run sim` scanner
 *
 * Framing values are names (CR, LF, CRLF, TAB, STX, ETX), `\xNN` escapes or literal text.
 */
export type ScannerSpec =
  | { kind: 'hid-pos'; path?: string; vendorId?: number; productId?: number }
  | { kind: 'serial'; path: string; baudRate: number; prefix: string; suffix: string }
  | { kind: 'tcp'; host: string; port: number; prefix: string; suffix: string };

function options(query: string | undefined): Map<string, string> {
  const params = new URLSearchParams(query ?? '');
  for (const key of params.keys()) {
    if (!['baud', 'prefix', 'suffix'].includes(key)) throw new Error(`unknown scanner option "${key}" (baud, prefix, suffix)`);
  }
  return new Map(params);
}

export function parseScannerSpec(spec: string): ScannerSpec {
  const [head = '', query] = spec.split('?', 2);
  const opts = options(query);
  const prefix = parseFraming(opts.get('prefix') ?? '');
  const suffix = parseFraming(opts.get('suffix') ?? 'CR');
  if (head === 'hid') return { kind: 'hid-pos' };
  const ids = /^hid:([0-9a-fA-F]{4}):([0-9a-fA-F]{4})$/.exec(head);
  if (ids) return { kind: 'hid-pos', vendorId: parseInt(ids[1]!, 16), productId: parseInt(ids[2]!, 16) };
  if (head.startsWith('hid:') && head.length > 4) return { kind: 'hid-pos', path: head.slice(4) };
  if (head.startsWith('serial:') && head.length > 7) {
    const baudRate = Number(opts.get('baud') ?? 9600);
    if (!Number.isInteger(baudRate) || baudRate < 300 || baudRate > 921_600) throw new Error(`bad baud rate in "${spec}"`);
    if (suffix === '') throw new Error(`a serial scanner needs a suffix ("${spec}")`);
    return { kind: 'serial', path: head.slice(7), baudRate, prefix, suffix };
  }
  const tcp = /^tcp:\/\/([^:/]+):(\d{1,5})$/.exec(head);
  if (tcp) {
    const port = Number(tcp[2]);
    if (port < 1 || port > 65_535) throw new Error(`bad port in "${spec}"`);
    if (suffix === '') throw new Error(`a network scanner needs a suffix ("${spec}")`);
    return { kind: 'tcp', host: tcp[1]!, port, prefix, suffix };
  }
  throw new Error(`cannot read scanner "${spec}": use hid, hid:<vid>:<pid>, hid:<path>, serial:<path>?baud=…&suffix=…, or tcp://host:port`);
}

export interface ScannerFactoryDeps {
  hid?: HidBackend;
  openSerialPort?: OpenSerialPort;
}

export function createScanner(spec: ScannerSpec, id: string, deps: ScannerFactoryDeps = {}): BarcodeScanner {
  switch (spec.kind) {
    case 'hid-pos':
      return new HidPosScanner({ ...spec, id, backend: deps.hid });
    case 'serial':
      return new SerialScanner({ ...spec, id, openPort: deps.openSerialPort });
    case 'tcp':
      return new TcpScanner({ ...spec, id });
  }
}

/** The scanners of `POS_SCANNER` (or any such list); ids are the specs as written. */
export function scannersFromConfig(list: string | undefined, deps: ScannerFactoryDeps = {}): BarcodeScanner[] {
  const specs = (list ?? '').split(/[\s,]+/).filter((s) => s !== '');
  return specs.map((spec) => createScanner(parseScannerSpec(spec), spec, deps));
}

/** HID-POS interfaces and serial ports present now, for the settings screen's "add a scanner". */
export async function discoverScanners(hid?: HidBackend): Promise<DiscoveredScanner[]> {
  const [hidFound, ports] = await Promise.all([
    discoverHidPosScanners(hid).catch(() => []),
    SerialPort.list().catch(() => []),
  ]);
  const serial = ports.map((p): DiscoveredScanner => ({
    kind: 'serial',
    spec: `serial:${p.path}?baud=9600&suffix=CR`,
    description: [p.manufacturer, p.vendorId && p.productId ? `(${p.vendorId}:${p.productId})` : null, p.path].filter(Boolean).join(' '),
  }));
  return [...hidFound, ...serial];
}
