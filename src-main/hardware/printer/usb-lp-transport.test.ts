import { execFileSync } from 'node:child_process';
import { constants, promises as fs, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TransportError } from './transport';
import { UsbLpTransport } from './usb-lp-transport';

let dir: string;
let device: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tillpoint-usblp-'));
  device = join(dir, 'lp0');
  // A FIFO stands in for /dev/usb/lp0: writes go to whoever reads the other end.
  execFileSync('mkfifo', [device]);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the Linux USB printer transport', () => {
  it('writes job bytes to the device file and reads the back channel', async () => {
    const printerSide = await fs.open(device, constants.O_RDWR | constants.O_NONBLOCK);
    const transport = new UsbLpTransport(device);
    const job = Buffer.from('\x1b@Hello\n\x1dVB\x00', 'latin1');
    await transport.write(job, 1_000);
    const got = Buffer.alloc(64);
    const { bytesRead } = await printerSide.read(got, 0, got.length, null);
    expect(got.subarray(0, bytesRead)).toEqual(job);

    const received: Buffer[] = [];
    const stop = transport.onData((chunk) => received.push(chunk));
    await printerSide.write(Buffer.from([0x16]));
    await expect.poll(() => Buffer.concat(received)).toEqual(Buffer.from([0x16]));
    stop();
    await transport.close();
    await printerSide.close();
  });

  it('reports a missing device as an open error (nothing was sent)', async () => {
    const transport = new UsbLpTransport(join(dir, 'lp9'));
    const error = await transport.write(Buffer.from('x'), 500).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).step).toBe('open');
    expect(transport.isOpen).toBe(false);
  });
});
