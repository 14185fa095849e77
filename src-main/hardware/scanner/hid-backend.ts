import type { DiscoveredScanner } from '../../core/hardware/barcode-scanner';
import { HID_POS_USAGE_PAGE } from './hid-pos-report';

/** What discovery says about a HID interface (node-hid's `Device`, the fields we read). */
export interface HidDeviceInfo {
  path?: string | undefined;
  vendorId: number;
  productId: number;
  usagePage?: number | undefined;
  usage?: number | undefined;
  manufacturer?: string | undefined;
  product?: string | undefined;
  serialNumber?: string | undefined;
}

/** An open HID interface delivering input reports. */
export interface HidReportStream {
  onReport(listener: (report: Uint8Array) => void): void;
  /** Called when reading fails, which is what an unplug looks like through hidapi. */
  onError(listener: (error: Error) => void): void;
  close(): Promise<void>;
}

/** node-hid, or the simulator's recorded reports (the injectable HID report source). */
export interface HidBackend {
  devices(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidReportStream>;
}

/**
 * node-hid's async API (https://github.com/node-hid/node-hid#async-api): `devicesAsync` and
 * `HIDAsync.open`, so enumeration and reads never block the main process. Loaded on first use so
 * that a host without scanners never loads the native module.
 */
export const nodeHidBackend: HidBackend = {
  async devices() {
    const hid = await import('node-hid');
    return hid.devicesAsync();
  },
  async open(path) {
    const hid = await import('node-hid');
    const device = await hid.HIDAsync.open(path);
    return {
      onReport: (listener) => void device.on('data', (data: Buffer) => listener(data)),
      onError: (listener) => void device.on('error', (error: unknown) => listener(error instanceof Error ? error : new Error(String(error)))),
      close: () => device.close(),
    };
  },
};

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

export const describeHidDevice = (d: HidDeviceInfo): string =>
  `${[d.manufacturer, d.product].filter(Boolean).join(' ') || 'HID-POS scanner'} (${hex4(d.vendorId)}:${hex4(d.productId)})`;

/** HID interfaces on the bar code scanner usage page; one per path. */
export async function discoverHidPosScanners(backend: HidBackend = nodeHidBackend): Promise<DiscoveredScanner[]> {
  const seen = new Set<string>();
  const found: DiscoveredScanner[] = [];
  for (const device of await backend.devices()) {
    if (device.usagePage !== HID_POS_USAGE_PAGE || !device.path || seen.has(device.path)) continue;
    seen.add(device.path);
    found.push({ kind: 'hid-pos', spec: `hid:${device.path}`, description: describeHidDevice(device) });
  }
  return found;
}
