import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrinterStatus } from '../../../src-shared/contract/printing-contract';
import { SimPrinter } from '../../../src-main/hardware/sim/printer/sim-printer';
import { freeLoopbackPort } from '../../e2e/support/web-host';
import { printingCore, simDevice, type PrintingCore } from './printing-fixture';

let sim: SimPrinter;
let fx: PrintingCore;

beforeEach(async () => {
  sim = new SimPrinter();
  await sim.listen();
});

afterEach(async () => {
  await fx?.dispose();
  await sim.close();
});

const receiptJobs = () => sim.jobs.filter((j) => j.decoded.lines.some((l) => l.startsWith('Receipt ')));
const statuses = () => fx.events.filter((e) => e.name === 'printer.statusChanged').map((e) => e.payload as PrinterStatus);

describe('the persisted print queue', () => {
  it('kicks the drawer with ESC p and prints the receipt of a cash sale, then marks the job done', async () => {
    fx = await printingCore(simDevice(sim.url));
    const sale = await fx.sell(3);
    await expect.poll(async () => (await fx.jobs())[0]?.state).toBe('done');
    expect(sim.drawerKicks.map((k) => [k.kind, ...k.bytes])).toEqual([['escp', 0x1b, 0x70, 0x00, 25, 250]]);
    expect(receiptJobs()).toHaveLength(1);
    expect(receiptJobs()[0]!.decoded.lines.join('\n')).toContain(sale.receiptNo);
    const [job] = await fx.jobs();
    expect(job).toMatchObject({ kind: 'receipt', saleId: sale.id, receiptNo: sale.receiptNo, copy: false, attempts: 1, lastError: null });
    const drawer = fx.local.sqlite.prepare('SELECT reason, sale_id, outcome FROM drawer_event').all();
    expect(drawer).toEqual([{ reason: 'sale', sale_id: sale.id, outcome: 'sent' }]);
  });

  it('finishes a job that ran out of paper mid-way exactly once, after the paper is back', async () => {
    fx = await printingCore(simDevice(sim.url));
    sim.paperLeftLines = 8;
    const sale = await fx.sell(5);
    await expect.poll(() => statuses().some((s) => s.state === 'paperOut')).toBe(true);
    await expect.poll(async () => (await fx.jobs())[0]?.lastError).toBe('waiting for the printer: paper out');
    expect((await fx.jobs())[0]?.state).toBe('printing');
    await new Promise((resolve) => setTimeout(resolve, 500));
    sim.setState('ready');
    await expect.poll(async () => (await fx.jobs())[0]?.state).toBe('done');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiptJobs()).toHaveLength(1);
    expect(receiptJobs()[0]!.complete).toBe(true);
    expect(receiptJobs()[0]!.decoded.lines.join('\n')).toContain(sale.receiptNo);
    expect((await fx.jobs())[0]).toMatchObject({ attempts: 1, lastError: null });
  });

  it('completes the sale while the printer is out of paper, kicks with DLE DC4 and prints once paper is back', async () => {
    sim.setState('paperOut');
    fx = await printingCore(simDevice(sim.url));
    const sale = await fx.sell(2);
    expect(sale.receiptNo).toMatch(/\S/);
    await expect.poll(async () => (await fx.jobs())[0]?.lastError).toBe('printer not ready: paper out');
    expect((await fx.core.handlers['printer.status']({}))[0]).toMatchObject({ state: 'paperOut', paperEnd: true, pendingJobs: 1 });
    await sim.waitFor(() => sim.drawerKicks.length === 1);
    expect(sim.drawerKicks[0]!.kind).toBe('realtime');
    expect(receiptJobs()).toHaveLength(0);

    sim.setState('ready');
    await expect.poll(async () => (await fx.jobs())[0]?.state).toBe('done');
    expect(receiptJobs()).toHaveLength(1);
    expect((await fx.core.handlers['printer.status']({}))[0]).toMatchObject({ state: 'ready', pendingJobs: 0 });
  });

  it('never makes the sale wait for an unreachable printer', async () => {
    const port = await freeLoopbackPort();
    fx = await printingCore(simDevice(`tcp://127.0.0.1:${port}`));
    const started = performance.now();
    await fx.sell(2);
    expect(performance.now() - started).toBeLessThan(1_000);
    await expect.poll(async () => (await fx.core.handlers['printer.status']({}))[0]?.state).toBe('unreachable');
    await expect.poll(async () => (await fx.jobs())[0]?.lastError ?? '').toMatch(/ECONNREFUSED|no connection/);
    // Nothing was sent, so it stays in the queue (retried with backoff), never failed or done.
    expect(['queued', 'printing']).toContain((await fx.jobs())[0]?.state);
  });

  it('queues an original receipt once per sale; a reprint is a new job that says COPY', async () => {
    fx = await printingCore(simDevice(sim.url));
    const sale = await fx.sell(2);
    await expect.poll(async () => (await fx.jobs())[0]?.state).toBe('done');
    const again = await fx.core.handlers['sale.complete']({ cartId: (await fx.local.db.selectFrom('sale').select('cart_id').executeTakeFirstOrThrow()).cart_id, payments: [{ tender: 'cash', amountMinor: 100_000 as never }] });
    expect(again.id).toBe(sale.id);
    const reprint = await fx.core.handlers['printer.reprint']({ saleId: sale.id });
    expect(reprint).toMatchObject({ copy: true, saleId: sale.id, state: 'queued' });
    await expect.poll(async () => (await fx.jobs()).filter((j) => j.state === 'done').length).toBe(2);
    expect(await fx.jobs()).toHaveLength(2);
    const printed = receiptJobs().map((j) => j.decoded.lines.filter((l) => l.includes('COPY')).length);
    expect(printed).toEqual([0, 2]);
  });

  it('retries a job that was not sent, but fails one that was cut off and prints it again only on retry', async () => {
    fx = await printingCore(simDevice(sim.url));
    sim.silent = true;
    // No status answer: nothing is sent, the job stays queued and goes out once the printer answers.
    await fx.sell(1);
    await expect.poll(async () => (await fx.jobs())[0]?.lastError ?? '', { timeout: 5_000 }).toMatch(/no status answer/);
    expect(receiptJobs()).toHaveLength(0);
    sim.silent = false;
    await expect.poll(async () => (await fx.jobs())[0]?.state, { timeout: 5_000 }).toBe('done');
    expect(receiptJobs()).toHaveLength(1);

    // The connection drops while the printer holds half a job: it may have printed, so it fails.
    sim.paperLeftLines = 4;
    const second = await fx.sell(2);
    await expect.poll(async () => (await fx.jobs())[0]?.lastError).toBe('waiting for the printer: paper out');
    sim.dropConnections();
    await expect.poll(async () => (await fx.jobs())[0]?.state).toBe('failed');
    const failed = (await fx.jobs())[0]!;
    expect(failed.lastError).toMatch(/connection lost|stopped answering/);
    expect((await fx.core.handlers['printer.jobs']({ limit: 5 })).failed.map((j) => j.id)).toEqual([failed.id]);
    sim.setState('ready');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(receiptJobs().filter((j) => j.complete)).toHaveLength(1);

    expect(await fx.core.handlers['printer.retry']({ jobId: failed.id })).toMatchObject({ state: 'queued' });
    await expect.poll(async () => (await fx.jobs())[0]?.state).toBe('done');
    const printed = receiptJobs().filter((j) => j.complete && j.decoded.lines.join('\n').includes(second.receiptNo));
    expect(printed).toHaveLength(1);
    // Retrying a job that is done changes nothing and prints nothing.
    const before = sim.jobs.length;
    expect(await fx.core.handlers['printer.retry']({ jobId: failed.id })).toMatchObject({ state: 'done' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sim.jobs).toHaveLength(before);
  });

  it('reports a drawer left open after the configured time', async () => {
    fx = await printingCore(simDevice(sim.url, { drawer: { pin: 5, onMs: 50, offMs: 500, sensor: 'openWhenHigh', reminderSeconds: 1 } }));
    await fx.core.handlers['drawer.open']({ note: 'change for the float' });
    await sim.waitFor(() => sim.drawerKicks.length === 1);
    expect([...sim.drawerKicks[0]!.bytes]).toEqual([0x1b, 0x70, 0x01, 25, 250]);
    await expect.poll(() => fx.events.some((e) => e.name === 'drawer.leftOpen'), { timeout: 5_000 }).toBe(true);
    const rows = fx.local.sqlite.prepare('SELECT reason, note, outcome FROM drawer_event').all();
    expect(rows).toEqual([{ reason: 'noSale', note: 'change for the float', outcome: 'sent' }]);
  });

  it('queues jobs without a connector and refuses printer actions when no printer is configured', async () => {
    fx = await printingCore(undefined, { connect: false });
    await fx.sell(1);
    expect(await fx.jobs()).toEqual([]);
    await expect(fx.core.handlers['printer.testPage']({})).rejects.toThrow(/No receipt printer/);
    await expect(fx.core.handlers['drawer.open']({})).rejects.toThrow(/No receipt printer/);
  });

  it('fails a job the till stopped in the middle of printing instead of printing it again at start', async () => {
    const first = await printingCore(simDevice(sim.url), { connect: false, keep: true });
    await first.sell(1);
    await expect.poll(async () => (await first.jobs()).length).toBe(1);
    first.local.sqlite.prepare(`UPDATE print_job SET state = 'printing', attempts = 1`).run();
    await first.dispose();
    fx = await printingCore(undefined, { dataDir: first.dataDir });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [job] = await fx.jobs();
    expect(job).toMatchObject({ state: 'failed', attempts: 1 });
    expect(job?.lastError).toMatch(/interrupted/);
    expect(receiptJobs()).toHaveLength(0);
  });
});
