import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SimPrinter } from '../../../src-main/hardware/sim/printer/sim-printer';
import { printingCore, simDevice, type PrintingCore } from './printing-fixture';

let sim: SimPrinter;
let fx: PrintingCore | undefined;

beforeEach(async () => {
  sim = new SimPrinter();
  await sim.listen();
});

afterEach(async () => {
  await fx?.dispose();
  fx = undefined;
  await sim.close();
});

/** Signs the demo manager in and opens a shift, so that an X report can be taken. */
async function managerWithShift(core: PrintingCore['core']): Promise<void> {
  const manager = (await core.handlers['people.listForSignIn']({})).find((p) => p.name.startsWith('Morgan'));
  if (!manager) throw new Error('the demo store has no manager Morgan');
  await core.handlers['session.signIn']({ personId: manager.id, pin: '1234' });
  await core.handlers['shift.open']({ floatCount: [] });
}

describe('reports.print (issue 4 seam wired to the print queue of issue 5)', () => {
  it('queues an X report as a report job on the default printer, which prints its title', async () => {
    fx = await printingCore(simDevice(sim.url));
    await managerWithShift(fx.core);
    const report = await fx.core.handlers['shift.xReport']({});
    expect(await fx.core.handlers['reports.print']({ reportId: report.id })).toEqual({ queued: true });
    await expect.poll(async () => (await fx!.jobs())[0]?.state).toBe('done');
    const [job] = await fx.jobs();
    expect(job).toMatchObject({ kind: 'report', saleId: null, copy: false });
    const printed = sim.jobs.map((j) => j.decoded.lines.join('\n')).find((text) => text.includes(`X REPORT ${report.number}`));
    expect(printed).toBeDefined();
    expect(printed).toContain(report.storeName);
  });

  it('says queued:false when no printer is configured', async () => {
    fx = await printingCore();
    await managerWithShift(fx.core);
    const report = await fx.core.handlers['shift.xReport']({});
    expect(await fx.core.handlers['reports.print']({ reportId: report.id })).toEqual({ queued: false });
    expect(await fx.jobs()).toEqual([]);
  });
});
