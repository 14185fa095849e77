import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrinterSnapshot } from '../../../src-main/core/hardware/receipt-printer';
import { PrinterNotReadyError, PrinterUnreachableError } from '../../../src-main/hardware/printer/printer-errors';
import { EscPosPrinter } from '../../../src-main/hardware/printer/escpos-printer';
import { TcpTransport } from '../../../src-main/hardware/printer/tcp-transport';
import { freeLoopbackPort } from '../../e2e/support/web-host';
import { SimPrinter } from '../../../src-main/hardware/sim/printer/sim-printer';

const fast = { connectMs: 1_000, statusMs: 500, pollMs: 50, confirmMs: 2_000, recoveryMs: 10_000 };

let sim: SimPrinter;
let printer: EscPosPrinter;

function connect(options: { autoStatusBack?: boolean; drawerSensor?: 'none' | 'openWhenHigh' | 'openWhenLow' } = {}): EscPosPrinter {
  return new EscPosPrinter(new TcpTransport('127.0.0.1', sim.port), {
    drawerSensor: options.drawerSensor ?? 'openWhenHigh', autoStatusBack: options.autoStatusBack ?? false, timeouts: fast,
  });
}

const job = (text: string) => Buffer.from(`\x1b@${text}\n\x1dVB\x00\x1dr1`, 'latin1');

beforeEach(async () => {
  sim = new SimPrinter();
  await sim.listen();
  printer = connect();
});

afterEach(async () => {
  await printer.close();
  await sim.close();
});

describe('EscPosPrinter against the simulated Epson printer', () => {
  it('reads status transitions: ready → paper out → ready, cover open, offline', async () => {
    const ready = { online: true, coverOpen: false, paperEnd: false, paperNearEnd: false, error: false, drawerOpen: false };
    expect(await printer.status()).toEqual(ready);
    sim.setState('paperOut');
    expect(await printer.status()).toEqual({ ...ready, online: false, paperEnd: true });
    sim.setState('ready');
    expect(await printer.status()).toEqual(ready);
    sim.setState('coverOpen');
    expect(await printer.status()).toEqual({ ...ready, online: false, coverOpen: true });
    sim.setState('offline');
    expect(await printer.status()).toEqual({ ...ready, online: false });
    sim.setState('ready');
    sim.paperNearEnd = true;
    expect(await printer.status()).toEqual({ ...ready, paperNearEnd: true });
  });

  it('reads the drawer sensor through the configured polarity', async () => {
    sim.setDrawerOpen(true);
    expect((await printer.status())?.drawerOpen).toBe(true);
    const inverted = connect({ drawerSensor: 'openWhenLow' });
    expect((await inverted.status())?.drawerOpen).toBe(false);
    const none = connect({ drawerSensor: 'none' });
    expect((await none.status())?.drawerOpen).toBeNull();
    await Promise.all([inverted.close(), none.close()]);
  });

  it('takes Automatic Status Back pushes once GS a is enabled', async () => {
    const asbPrinter = connect({ autoStatusBack: true });
    const pushed: PrinterSnapshot[] = [];
    asbPrinter.onStatus((s) => pushed.push(s));
    await asbPrinter.status();
    sim.setState('coverOpen');
    await expect.poll(() => pushed.some((s) => s.coverOpen && !s.online)).toBe(true);
    sim.setState('ready');
    await expect.poll(() => pushed.at(-1)?.online).toBe(true);
    await asbPrinter.close();
  });

  it('counts a job printed only after the GS r confirmation, and refuses to send while out of paper', async () => {
    await printer.print(job('Hello'));
    expect(sim.jobs).toHaveLength(1);
    expect(sim.jobs[0]!.complete).toBe(true);
    expect(sim.jobs[0]!.decoded.lines).toContain('Hello');

    sim.setState('paperOut');
    await expect(printer.print(job('Not now'))).rejects.toBeInstanceOf(PrinterNotReadyError);
    expect(sim.jobs).toHaveLength(1);
    expect(Buffer.concat(sim.received).includes('Not now')).toBe(false);
  });

  it('waits through paper-out mid-job and finishes that job exactly once after recovery', async () => {
    const long = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');
    sim.paperLeftLines = 5;
    const waiting: PrinterSnapshot[] = [];
    let settled = false;
    const printing = printer.print(job(long), { onWaiting: (s) => waiting.push(s) }).finally(() => {
      settled = true;
    });
    await expect.poll(() => waiting.length).toBeGreaterThan(0);
    expect(waiting[0]!.paperEnd).toBe(true);
    expect(settled).toBe(false);
    sim.setState('ready');
    await printing;
    expect(sim.jobs).toHaveLength(1);
    expect(sim.jobs[0]!.decoded.lines.filter((l) => l.startsWith('line '))).toHaveLength(20);
  });

  it('sends the full five-byte ESC p for pin 2 and pin 5 with the configured pulse', async () => {
    expect(await printer.kickDrawer({ pin: 2, onMs: 50, offMs: 500 })).toBe('escp');
    expect(await printer.kickDrawer({ pin: 5, onMs: 50, offMs: 500 })).toBe('escp');
    expect(await printer.kickDrawer({ pin: 2, onMs: 120, offMs: 240 })).toBe('escp');
    await sim.waitFor(() => sim.drawerKicks.length === 3);
    expect(sim.drawerKicks.map((k) => [...k.bytes])).toEqual([
      [0x1b, 0x70, 0x00, 25, 250],
      [0x1b, 0x70, 0x01, 25, 250],
      [0x1b, 0x70, 0x00, 60, 120],
    ]);
  });

  it('kicks with the real-time DLE DC4 when the printer is offline or out of paper', async () => {
    sim.setState('paperOut');
    expect(await printer.kickDrawer({ pin: 2, onMs: 50, offMs: 500 })).toBe('realtime');
    sim.setState('offline');
    expect(await printer.kickDrawer({ pin: 5, onMs: 200, offMs: 500 })).toBe('realtime');
    await sim.waitFor(() => sim.drawerKicks.length === 2);
    expect(sim.drawerKicks.map((k) => [k.kind, ...k.bytes])).toEqual([
      ['realtime', 0x10, 0x14, 0x01, 0x00, 0x01],
      ['realtime', 0x10, 0x14, 0x01, 0x01, 0x02],
    ]);
  });

  it('reconnects after the printer dropped the connection', async () => {
    await printer.print(job('before'));
    sim.dropConnections();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await printer.print(job('after'));
    expect(sim.jobs.map((j) => j.decoded.lines[0])).toEqual(['before', 'after']);
  });

  it('fails within its timeouts when nobody listens or the printer stops answering', async () => {
    const port = await freeLoopbackPort();
    const nobody = new EscPosPrinter(new TcpTransport('127.0.0.1', port), { drawerSensor: 'none', autoStatusBack: false, timeouts: fast });
    await expect(nobody.status()).rejects.toBeInstanceOf(PrinterUnreachableError);
    await expect(nobody.print(job('x'))).rejects.toBeInstanceOf(PrinterUnreachableError);

    sim.silent = true;
    const started = Date.now();
    await expect(printer.status()).rejects.toBeInstanceOf(PrinterUnreachableError);
    expect(Date.now() - started).toBeLessThan(3_000);
    sim.silent = false;
    expect((await printer.status())?.online).toBe(true);
  });
});
