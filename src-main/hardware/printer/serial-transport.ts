import type { SerialPort as SerialPortClass } from 'serialport';
import { Listeners, TransportError, withTimeout, type PrinterTransport } from './transport';

/**
 * The part of serialport's `SerialPortStream` this transport uses, so tests can hand in a
 * `SerialPortMock` (https://serialport.io/docs/api-binding-mock) built the same way.
 */
export interface SerialPortLike {
  readonly isOpen: boolean;
  open(callback: (error: Error | null) => void): void;
  write(data: Uint8Array, callback: (error: Error | null | undefined) => void): boolean;
  drain(callback: (error: Error | null) => void): void;
  close(callback: (error: Error | null) => void): void;
  on(event: 'data', listener: (chunk: Buffer) => void): this;
  on(event: 'close', listener: (error?: Error | null) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  removeAllListeners(): this;
}

export type SerialPortFactory = (options: { path: string; baudRate: number }) => SerialPortLike | Promise<SerialPortLike>;

/**
 * serialport is loaded on first use, by a specifier the bundler cannot follow: its native binding
 * finds its prebuilt addon relative to its own files (node-gyp-build), which a bundle would break,
 * and a till without a serial printer never loads native serial code at all.
 */
const SERIALPORT = 'serialport';
const realPort: SerialPortFactory = async ({ path, baudRate }) => {
  const { SerialPort } = (await import(SERIALPORT)) as { SerialPort: typeof SerialPortClass };
  return new SerialPort({ path, baudRate, autoOpen: false });
};

/**
 * A serial (RS-232 or USB virtual COM) printer. After an unplug serialport closes the stream with
 * a "disconnected" error; the next `open` makes a new stream, which fails until the device is back.
 */
export class SerialTransport implements PrinterTransport {
  readonly bidirectional = true;
  private port: SerialPortLike | undefined;
  private opening: Promise<void> | undefined;
  private readonly data = new Listeners<[Buffer]>();
  private readonly closed = new Listeners<[Error | undefined]>();

  constructor(private readonly path: string, private readonly baudRate: number, private readonly factory: SerialPortFactory = realPort) {}

  get description(): string {
    return `serial://${this.path}@${this.baudRate}`;
  }

  get isOpen(): boolean {
    return this.port?.isOpen === true;
  }

  open(timeoutMs: number): Promise<void> {
    if (this.isOpen) return Promise.resolve();
    this.opening ??= this.connect(timeoutMs).finally(() => {
      this.opening = undefined;
    });
    return this.opening;
  }

  private async connect(timeoutMs: number): Promise<void> {
    this.detach();
    const port = await this.factory({ path: this.path, baudRate: this.baudRate });
    const opened = new Promise<void>((resolve, reject) => {
      port.open((error) => (error ? reject(new TransportError('open', `${this.description}: ${error.message}`, { cause: error })) : resolve()));
    });
    await withTimeout(opened, timeoutMs, () => new TransportError('open', `${this.description}: not open within ${timeoutMs} ms`));
    port.on('data', (chunk) => this.data.emit(chunk));
    port.on('error', () => {
      // Errors arrive as a failed write (reported there) or as a 'close' with the reason.
    });
    port.on('close', (error) => {
      if (this.port !== port) return;
      this.port = undefined;
      this.closed.emit(error ?? undefined);
    });
    this.port = port;
  }

  async write(data: Uint8Array, timeoutMs: number): Promise<void> {
    await this.open(timeoutMs);
    const port = this.port;
    if (!port) throw new TransportError('closed', `${this.description}: port closed before writing`);
    const written = new Promise<void>((resolve, reject) => {
      port.write(data, (error) => {
        if (error) return reject(new TransportError('write', `${this.description}: ${error.message}`, { cause: error }));
        // drain: the bytes left serialport's buffer for the device, not just our process.
        port.drain((drainError) => (drainError ? reject(new TransportError('write', `${this.description}: ${drainError.message}`)) : resolve()));
      });
    });
    await withTimeout(written, timeoutMs, () => {
      this.detach();
      return new TransportError('write', `${this.description}: write did not finish within ${timeoutMs} ms`);
    });
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    return this.data.add(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.closed.add(listener);
  }

  /** Forgets the current stream (closing it when still open), without waiting. */
  private detach(): void {
    const port = this.port;
    this.port = undefined;
    if (!port) return;
    port.removeAllListeners();
    port.on('error', () => {});
    if (port.isOpen) port.close(() => {});
  }

  async close(): Promise<void> {
    const port = this.port;
    this.port = undefined;
    if (!port?.isOpen) return;
    port.removeAllListeners();
    await withTimeout(new Promise<void>((resolve) => port.close(() => resolve())), 1_000, () => new TransportError('closed', 'close timed out')).catch(() => {});
  }
}
