// Receipts in the bench (`npm run bench`): how long a receipt takes to encode, and whether a
// printer that cannot be reached slows a sale down (it must not: printing runs after the commit).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { newId } from '../../src-shared/id';
import type { DeviceConfig } from '../../src-shared/contract/printing-contract';
import { createCore, type Core } from '../../src-main/core/create-core';
import { openLocalStore } from '../../src-main/core/db/open-local-store';
import { silentLogger, systemClock } from '../../src-main/core/deps';
import { receiptDocument } from '../../src-main/core/receipt/receipt-document';
import { renderReceiptEscPos } from '../../src-main/core/receipt/render-receipt';
import { createPrinterConnector } from '../../src-main/hardware/printer/connect-printer';
import { print, summarize, timeMs, type BenchLine } from './stats';

/** RFC 5737 TEST-NET-1: never routed, so connecting goes nowhere (a printer switched off). */
const UNREACHABLE: DeviceConfig = {
  id: 'bench-printer', name: 'Unreachable printer', kind: 'receiptPrinter', enabled: true, transport: 'tcp',
  address: '192.0.2.1:9100', baudRate: 19_200, widthChars: 42, codePage: 'multilingual', autoStatusBack: true,
  drawer: { pin: 2, onMs: 50, offMs: 500, sensor: 'none', reminderSeconds: 0 },
};

async function openCore(dataDir: string, printer: boolean): Promise<{ core: Core; barcodes: string[] }> {
  const local = await openLocalStore({ dataDir, appVersion: 'bench', logger: silentLogger });
  const core = await createCore({
    local, clock: systemClock, ids: { next: newId }, logger: silentLogger, appVersion: 'bench',
    printerConnector: printer ? createPrinterConnector() : undefined,
  });
  // The same device row in both runs: only the connector differs (without one, jobs just queue).
  await core.handlers['devices.save'](UNREACHABLE);
  const rows = local.sqlite.prepare('SELECT b.code FROM barcode b JOIN product p ON p.id = b.product_id WHERE p.active = 1 ORDER BY p.rowid LIMIT 300').all() as { code: string }[];
  return { core, barcodes: rows.map((r) => r.code) };
}

/**
 * Removes what this bench added to the data directory: the receipts it queued for its unreachable
 * printer, then that printer. The receipts never print, and left behind they piled up run after
 * run (68,000 after a few dozen runs here; the printer status counts the waiting jobs at every job
 * change, 8 ms at that size). The printer left behind made every later run's core bench sell with a
 * receipt printer configured: each back-to-back sale then queued a receipt and logged a drawer kick
 * (a durable commit of their own) that the next sale waited behind, and `sale.commit` measured
 * 1.8-1.9x its baseline on a reused directory against 1.25x on a fresh one. The drawer openings its
 * sales logged stay: they are in the audit chain (audit/audited-drawer-log.ts).
 */
function forgetBenchPrinter(dataDir: string): void {
  const db = new Database(join(dataDir, 'terminal.db'));
  try {
    db.transaction(() => {
      db.prepare('DELETE FROM print_job WHERE device_id = ?').run(UNREACHABLE.id);
      db.prepare('DELETE FROM device WHERE id = ?').run(UNREACHABLE.id);
    })();
  } finally {
    db.close();
  }
}

/** Between two sales of the printing bench (see `commits`); 100x faster than a person at a till. */
const SALE_GAP_MS = 20;

async function commits(core: Core, barcodes: readonly string[], n: number, offset: number): Promise<number[]> {
  const h = core.handlers;
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    await h['cart.clear']({});
    let cart = await h['cart.scan']({ barcode: barcodes[(offset + i) % barcodes.length]! });
    cart = await h['cart.scan']({ barcode: barcodes[(offset + i + 7) % barcodes.length]! });
    cart = await h['cart.scan']({ barcode: barcodes[(offset + i + 13) % barcodes.length]! });
    const amountMinor = cart.totals.totalMinor + 1_000;
    samples.push(await timeMs(() => h['sale.complete']({ cartId: cart.id, payments: [{ tender: 'cash', amountMinor: amountMinor as never }] })));
    // The next customer: a cashier needs seconds to scan and take payment, so the previous sale's
    // receipt and drawer work (queued after its commit, a few ms of writes) is done by then.
    // Back to back, each sale instead waited for the last one's printing and the line measured
    // where the two collided (0.92-1.35 between runs of the same code); paced, it measures the
    // sale, and what the printer's own background work (status polls, retries) costs it.
    await new Promise((resolve) => setTimeout(resolve, SALE_GAP_MS));
  }
  return samples.slice(5);
}

/**
 * `receipt.encode`: receiptDocument + renderReceiptEscPos of a 30-line sale.
 * `sale.commit.printerOffline`: sale.complete with the default printer unreachable, against
 * `sale.commit` measured here in alternating blocks on the same data directory (and against the
 * core bench's own `sale.commit` line when given), so drift of the disk hits both alike.
 */
export async function benchPrinting(dataDir: string, saleCommit?: BenchLine): Promise<void> {
  try {
    await measurePrinting(dataDir, saleCommit);
  } finally {
    forgetBenchPrinter(dataDir);
  }
}

async function measurePrinting(dataDir: string, saleCommit: BenchLine | undefined): Promise<void> {
  const { core, barcodes } = await openCore(dataDir, false);
  try {
    const info = await core.handlers['app.info']({});
    await core.handlers['cart.clear']({});
    let cart = await core.handlers['cart.get']({});
    for (const barcode of barcodes.slice(0, 30)) cart = await core.handlers['cart.scan']({ barcode });
    const sale = await core.handlers['sale.complete']({ cartId: cart.id, payments: [{ tender: 'cash', amountMinor: (cart.totals.totalMinor + 1_000) as never }] });
    const encode: number[] = [];
    for (let i = 0; i < 320; i++) {
      const ms = await timeMs(() => renderReceiptEscPos(receiptDocument(sale, info.store, info.terminal, { copy: false, width: 42 }), { width: 42 }));
      if (i >= 20) encode.push(ms);
    }
    print(summarize('receipt.encode', 'ms', encode, { lines: sale.lines.length }));
  } finally {
    await core.close();
  }

  const without: number[] = [];
  const offline: number[] = [];
  for (let block = 0; block < 4; block++) {
    for (const printer of [false, true]) {
      const opened = await openCore(dataDir, printer);
      try {
        (printer ? offline : without).push(...(await commits(opened.core, opened.barcodes, 85, block * 85)));
      } finally {
        await opened.core.close();
      }
    }
  }
  const baseline = summarize('sale.commit.noPrinter', 'ms', without);
  const line = summarize('sale.commit.printerOffline', 'ms', offline, { lines: 3, baselineP50: baseline.p50 });
  const ratio = Math.round((line.p50 / baseline.p50) * 100) / 100;
  line.ratio = ratio;
  if (saleCommit) line.ratioToSaleCommit = Math.round((line.p50 / saleCommit.p50) * 100) / 100;
  line.withinTenPercent = ratio <= 1.1;
  print(line);
}
