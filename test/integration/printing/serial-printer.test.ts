import net from 'node:net';
import { SerialPortMock } from 'serialport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrinterUnreachableError } from '../../../src-main/hardware/printer/printer-errors';
import { EscPosPrinter } from '../../../src-main/hardware/printer/escpos-printer';
import { SerialTransport, type SerialPortFactory, type SerialPortLike } from '../../../src-main/hardware/printer/serial-transport';
import { SimPrinter } from '../../../src-main/hardware/sim/printer/sim-printer';

// A path of our own: MockBinding keeps its ports per module instance, and the scanner tests use theirs.
const PATH = '/dev/ttyTILLPOINT-PRINTER';
/** The mock binding SerialPortMock itself uses (serialport may carry its own copy of the package). */
const MockBinding = SerialPortMock.binding;

let sim: SimPrinter;
let streams: SerialPortMock[];
let sockets: net.Socket[];

/**
 * serialport's mock port, wired to the simulated printer: what the driver writes goes to the
 * simulator, and the simulator's answers come back as data received on the port.
 */
const bridged: SerialPortFactory = ({ path, baudRate }) => {
  const stream = new SerialPortMock({ path, baudRate, autoOpen: false });
  streams.push(stream);
  const socket = net.connect(sim.port, '127.0.0.1');
  sockets.push(socket);
  socket.on('data', (chunk) => {
    if (stream.port?.isOpen) stream.port.emitData(chunk);
  });
  socket.on('error', () => {});
  stream.on('close', () => socket.destroy());
  const write = stream.write.bind(stream);
  return Object.assign(stream, {
    write: (data: Uint8Array, callback: (error: Error | null | undefined) => void) => {
      socket.write(data);
      return write(data, callback);
    },
  }) as SerialPortLike;
};

const job = (text: string) => Buffer.from(`\x1b@${text}\n\x1dVB\x00\x1dr1`, 'latin1');

beforeEach(async () => {
  sim = new SimPrinter();
  await sim.listen();
  streams = [];
  sockets = [];
  MockBinding.createPort(PATH, { echo: false, record: true });
});

afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  MockBinding.reset();
  await sim.close();
});

describe('a serial printer (serialport mock binding)', () => {
  it('prints, survives an unplug with a clear error, and prints again after the replug', async () => {
    const transport = new SerialTransport(PATH, 38_400, bridged);
    const printer = new EscPosPrinter(transport, { drawerSensor: 'none', autoStatusBack: false, timeouts: { connectMs: 500, statusMs: 500, pollMs: 20 } });
    await printer.print(job('first'));
    expect(streams[0]!.baudRate).toBe(38_400);
    expect(streams[0]!.port?.recording.includes(Buffer.from('first'))).toBe(true);

    // Unplug: the device disappears and serialport closes the stream with a "disconnected" error.
    let closedWith: Error | undefined;
    transport.onClose((error) => {
      closedWith = error;
    });
    MockBinding.reset();
    streams[0]!.close(undefined, Object.assign(new Error('device unplugged'), { disconnected: true }));
    await expect.poll(() => transport.isOpen).toBe(false);
    expect(closedWith?.message).toBe('device unplugged');
    await expect(printer.print(job('while unplugged'))).rejects.toBeInstanceOf(PrinterUnreachableError);

    MockBinding.createPort(PATH, { echo: false, record: true });
    await printer.print(job('second'));
    expect(sim.jobs.filter((j) => j.complete).map((j) => j.decoded.lines[0])).toEqual(['first', 'second']);
    expect(Buffer.concat(sim.received).includes(Buffer.from('while unplugged'))).toBe(false);
    await printer.close();
  });
});
