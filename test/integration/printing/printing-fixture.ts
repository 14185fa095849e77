// A terminal core wired to a simulated network printer, for the printing integration tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import type { EventName } from '../../../src-shared/contract';
import type { DeviceConfig, PrintJob } from '../../../src-shared/contract/printing-contract';
import type { Sale } from '../../../src-shared/domain/sale';
import { newId } from '../../../src-shared/id';
import { createCore, type Core } from '../../../src-main/core/create-core';
import { settledCore } from '../../support/settled-core';
import type { LocalStore } from '../../../src-main/core/db/local-store';
import { openLocalStore } from '../../../src-main/core/db/open-local-store';
import { silentLogger } from '../../../src-main/core/deps';
import { seedDemoStore } from '../../../src-main/core/demo/seed-demo-store';
import { createPrinterConnector } from '../../../src-main/hardware/printer/connect-printer';
import type { EscPosTimeouts } from '../../../src-main/hardware/printer/escpos-printer';

export const FAST_TIMEOUTS: Partial<EscPosTimeouts> = { connectMs: 1_000, statusMs: 500, pollMs: 50, confirmMs: 3_000, recoveryMs: 20_000 };

export interface PrintingCore {
  core: Core;
  dataDir: string;
  local: LocalStore;
  events: { name: EventName; payload: unknown }[];
  sell(barcodes: number, tender?: number): Promise<Sale>;
  jobs(): Promise<PrintJob[]>;
  dispose(): Promise<void>;
}

export function simDevice(url: string, overrides: Partial<DeviceConfig> = {}): DeviceConfig {
  return {
    id: 'printer-1', name: 'Front counter', kind: 'receiptPrinter', enabled: true, transport: 'tcp',
    address: url.replace('tcp://', ''), baudRate: 19_200, widthChars: 42, codePage: 'multilingual', autoStatusBack: true,
    drawer: { pin: 2, onMs: 50, offMs: 500, sensor: 'openWhenHigh', reminderSeconds: 0 },
    ...overrides,
  };
}

/** A demo-store core on a temp directory; `device` is saved (and connected) when given. */
export async function printingCore(device?: DeviceConfig, options: { connect?: boolean; dataDir?: string; keep?: boolean } = {}): Promise<PrintingCore> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'tillpoint-printing-'));
  const clock = { now: () => new Date() };
  const ids = { next: newId };
  const local = await openLocalStore({ dataDir, appVersion: '0.0.0-test', logger: silentLogger, clock });
  await seedDemoStore(local, { clock, ids });
  const core = settledCore(await createCore({
    local, clock, ids, logger: silentLogger, appVersion: '0.0.0-test',
    printerConnector: options.connect === false ? undefined : createPrinterConnector({ timeouts: FAST_TIMEOUTS }),
    printing: { statusPollMs: 100, backoff: { baseMs: 50, maxMs: 400 } },
  }), local);
  const events: PrintingCore['events'] = [];
  core.onEvent((name, payload) => events.push({ name, payload }));
  if (device) await core.handlers['devices.save'](device);
  const codes = local.sqlite.prepare('SELECT code FROM barcode ORDER BY code LIMIT 200').all() as { code: string }[];
  return {
    core, local, events, dataDir,
    async sell(lines, extraTender = 1_000) {
      await core.handlers['cart.clear']({});
      let cart = await core.handlers['cart.get']({});
      for (let i = 0; i < lines; i++) cart = await core.handlers['cart.scan']({ barcode: codes[i % codes.length]!.code });
      const amountMinor = cart.totals.totalMinor + extraTender;
      return core.handlers['sale.complete']({ cartId: cart.id, payments: [{ tender: 'cash', amountMinor: amountMinor as never }] });
    },
    jobs: async () => (await core.handlers['printer.jobs']({ limit: 100 })).recent,
    dispose: async () => {
      await core.close();
      if (!options.keep) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The preview SVG as a PNG, rendered with the system's DejaVu fonts. */
export function rasterize(svg: string): Buffer {
  return new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans Mono' }, background: '#ffffff' }).render().asPng();
}

/** Every QR code jsQR finds in a PNG (it reports one; the page is cut into horizontal bands). */
export function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)?.data;
}
