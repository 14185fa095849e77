import { describeHidDevice, nodeHidBackend, type HidBackend, type HidDeviceInfo } from './hid-backend';
import { HID_POS_USAGE_PAGE, HidPosAssembler, STANDARD_HID_POS_LAYOUT, type HidPosReportLayout } from './hid-pos-report';
import { DEFAULT_BACKOFF, ReconnectingScanner, type Backoff, type ScannerConnection } from './reconnecting-scanner';

export interface HidPosScannerOptions {
  /** A specific HID path (`/dev/hidraw3`, `\\?\hid#vid_0c2e…`); otherwise the first HID-POS interface. */
  path?: string;
  vendorId?: number;
  productId?: number;
  id?: string;
  backend?: HidBackend;
  layout?: HidPosReportLayout;
  backoff?: Backoff;
}

/**
 * A scanner in HID-POS mode (usage page 0x8C). Finds its device by discovery (filtered by usage
 * page, optionally vendor/product or path), assembles multi-report barcodes and keeps the AIM
 * symbology identifier. hidapi reports an unplug as a read error; the device is then closed and
 * discovery polled with backoff until it is back (a new path after replug is fine).
 */
export class HidPosScanner extends ReconnectingScanner {
  private readonly backend: HidBackend;
  private device: HidDeviceInfo | null = null;

  constructor(private readonly options: HidPosScannerOptions = {}) {
    super(options.id ?? (options.path ? `hid:${options.path}` : 'hid'), 'hid-pos', options.backoff ?? DEFAULT_BACKOFF);
    this.backend = options.backend ?? nodeHidBackend;
  }

  describe(): string {
    if (this.device) return `${describeHidDevice(this.device)} at ${this.device.path ?? '?'}`;
    return this.options.path ? `HID-POS scanner at ${this.options.path}` : 'first HID-POS scanner found';
  }

  private matches(device: HidDeviceInfo): boolean {
    const { path, vendorId, productId } = this.options;
    if (path !== undefined) return device.path === path;
    return device.usagePage === HID_POS_USAGE_PAGE
      && (vendorId === undefined || device.vendorId === vendorId)
      && (productId === undefined || device.productId === productId);
  }

  protected async open(emit: (code: string, symbology: string | null) => void, lost: (reason: string) => void): Promise<ScannerConnection> {
    const device = (await this.backend.devices()).find((d) => d.path && this.matches(d));
    if (!device?.path) throw new Error('no HID-POS scanner found (usage page 0x8C)');
    const stream = await this.backend.open(device.path);
    this.device = device;
    const assembler = new HidPosAssembler(this.options.layout ?? STANDARD_HID_POS_LAYOUT);
    let closing = false;
    stream.onReport((report) => {
      const scan = assembler.push(report);
      if (scan) emit(scan.data, scan.symbology);
    });
    stream.onError((error) => {
      if (!closing) lost(`${describeHidDevice(device)} stopped answering: ${error.message}`);
    });
    return {
      close: async () => {
        closing = true;
        await stream.close();
      },
    };
  }
}
