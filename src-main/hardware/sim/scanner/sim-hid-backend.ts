import type { HidBackend, HidDeviceInfo, HidReportStream } from '../../scanner/hid-backend';
import { encodeHidPosReports, HID_POS_USAGE_PAGE } from '../../scanner/hid-pos-report';

interface OpenStream {
  report: Set<(report: Uint8Array) => void>;
  error: Set<(error: Error) => void>;
}

/**
 * The injectable HID report source: virtual HID-POS devices that can be plugged, unplugged and
 * made to send recorded reports (hid-pos-fixtures.ts) or any barcode. An unplug fails the open
 * streams' reads the way hidapi does, and removes the device from discovery until replugged.
 */
export class SimHidBackend implements HidBackend {
  private readonly plugged = new Map<string, HidDeviceInfo>();
  private readonly streams = new Map<string, Set<OpenStream>>();

  /** Plugs a virtual HID-POS scanner (Honeywell's vendor id by default). */
  plug(path: string, info: Partial<HidDeviceInfo> = {}): void {
    this.plugged.set(path, {
      vendorId: 0x0c2e, productId: 0x0b61, usagePage: HID_POS_USAGE_PAGE, usage: 0x02,
      manufacturer: 'Simulated', product: 'HID-POS Scanner', ...info, path,
    });
  }

  unplug(path: string): void {
    this.plugged.delete(path);
    for (const stream of this.streams.get(path) ?? []) {
      for (const listener of stream.error) listener(new Error('could not read from HID device'));
    }
    this.streams.delete(path);
  }

  /** How many streams are open on `path` (a test checks that a reconnect does not leak them). */
  openCount(path: string): number {
    return this.streams.get(path)?.size ?? 0;
  }

  /** Delivers input reports to every open stream of `path`, in order. */
  send(path: string, reports: readonly Uint8Array[]): void {
    for (const report of reports) {
      for (const stream of this.streams.get(path) ?? []) for (const listener of stream.report) listener(report);
    }
  }

  /** Sends `data` as a scanner would: split into Scanned Data Reports. */
  scan(path: string, data: string, symbology: string | null = null): void {
    this.send(path, encodeHidPosReports(data, symbology));
  }

  async devices(): Promise<HidDeviceInfo[]> {
    return [...this.plugged.values()];
  }

  async open(path: string): Promise<HidReportStream> {
    if (!this.plugged.has(path)) throw new Error(`cannot open device with path ${path}`);
    const stream: OpenStream = { report: new Set(), error: new Set() };
    const open = this.streams.get(path) ?? new Set<OpenStream>();
    open.add(stream);
    this.streams.set(path, open);
    return {
      onReport: (listener) => void stream.report.add(listener),
      onError: (listener) => void stream.error.add(listener),
      close: async () => {
        this.streams.get(path)?.delete(stream);
      },
    };
  }
}
