import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMoneyFormatter } from '../../../src-shared/i18n/money-format';
import { previewSvg } from '../../../src-main/hardware/sim/printer/receipt-preview';
import { SimPrinter } from '../../../src-main/hardware/sim/printer/sim-printer';
import { decodeQr, printingCore, rasterize, simDevice, type PrintingCore } from './printing-fixture';

let sim: SimPrinter;
let fx: PrintingCore;

beforeEach(async () => {
  sim = new SimPrinter();
  await sim.listen();
  fx = await printingCore(simDevice(sim.url));
});

afterEach(async () => {
  await fx.dispose();
  await sim.close();
});

describe('a printed receipt, decoded back from the bytes the printer received', () => {
  it('holds the receipt number, every line, the totals and a QR code of the sale id', async () => {
    const sale = await fx.sell(6);
    await sim.waitFor(() => sim.jobs.length === 1);
    const [job] = sim.jobs;
    const text = job!.decoded.lines.join('\n');
    const info = await fx.core.handlers['app.info']({});
    const money = createMoneyFormatter(info.store);

    expect(job!.complete).toBe(true);
    expect(text).toContain(`Receipt ${sale.receiptNo}`);
    for (const line of sale.lines) {
      // Long names wrap at spaces: every word of the name is printed, in order.
      const words = line.name.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      expect(text).toMatch(new RegExp(words.join('[\\s\\S]*?')));
      expect(text).toContain(money(line.lineTotalMinor));
    }
    expect(text).toMatch(new RegExp(`TOTAL\\s+${money(sale.totals.totalMinor).replace(/[.$]/g, '\\$&')}`));
    expect(text).toMatch(new RegExp(`Subtotal \\(${sale.totals.itemCount} items?\\)\\s+${money(sale.totals.subtotalMinor).replace(/[.$]/g, '\\$&')}`));
    expect(text).toContain(money(sale.changeMinor));
    expect(job!.decoded.cuts).toBe(1);

    const images = job!.decoded.blocks.filter((b) => b.kind === 'image');
    expect(images).toHaveLength(1);
    const png = rasterize(previewSvg(job!.decoded, 42 * 12));
    expect(decodeQr(png)).toBe(sale.id);
  });

  it('prints a 200-line receipt completely, exactly once', async () => {
    const sale = await fx.sell(200);
    expect(sale.lines.length).toBeGreaterThanOrEqual(150);
    await sim.waitFor(() => sim.jobs.length === 1, 20_000);
    const jobs = await fx.jobs();
    await expect.poll(async () => (await fx.jobs())[0]?.state, { timeout: 10_000 }).toBe('done');
    expect(jobs).toHaveLength(1);
    const text = sim.jobs[0]!.decoded.lines.join('\n');
    expect(text).toContain(sale.receiptNo);
    expect(text).toContain('TOTAL');
    const png = rasterize(previewSvg(sim.jobs[0]!.decoded, 42 * 12));
    expect(decodeQr(png)).toBe(sale.id);
  }, 60_000);
});
