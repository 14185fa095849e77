import { constants, promises as fs } from 'node:fs';
import { Listeners, TransportError, withTimeout, type PrinterTransport } from './transport';

/** How often the back channel is read while someone listens for an answer. */
const READ_POLL_MS = 25;

/**
 * A USB printer through the Linux usblp driver (`/dev/usb/lp0`): writes go to the device file;
 * status answers come back on the same file when the printer has a bidirectional interface
 * (https://docs.kernel.org/admin-guide/devices.html, "USB printer"). The file is opened with
 * O_NONBLOCK so that a read with nothing to say returns EAGAIN instead of parking a libuv thread;
 * reads only poll while a listener waits. A write to a hung device cannot be cancelled in Node:
 * after the timeout the transport gives up on that handle and opens a new one next time.
 */
export class UsbLpTransport implements PrinterTransport {
  readonly bidirectional = true;
  private handle: fs.FileHandle | undefined;
  private poller: NodeJS.Timeout | undefined;
  private readonly data = new Listeners<[Buffer]>();
  private readonly closed = new Listeners<[Error | undefined]>();

  constructor(private readonly path: string) {}

  get description(): string {
    return `usblp://${this.path}`;
  }

  get isOpen(): boolean {
    return this.handle !== undefined;
  }

  async open(timeoutMs: number): Promise<void> {
    if (this.handle) return;
    const opening = fs.open(this.path, constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY);
    this.handle = await withTimeout(opening, timeoutMs, () => new TransportError('open', `${this.description}: not open within ${timeoutMs} ms`)).catch((error: unknown) => {
      if (error instanceof TransportError) throw error;
      throw new TransportError('open', `${this.description}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
    this.updatePolling();
  }

  async write(data: Uint8Array, timeoutMs: number): Promise<void> {
    await this.open(timeoutMs);
    const handle = this.handle;
    if (!handle) throw new TransportError('closed', `${this.description}: closed before writing`);
    const writeAll = async () => {
      let offset = 0;
      while (offset < data.length) {
        try {
          const { bytesWritten } = await handle.write(data, offset, data.length - offset);
          offset += bytesWritten;
        } catch (error) {
          // EAGAIN: the printer's buffer is full (O_NONBLOCK); wait a moment and go on.
          if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
          await new Promise((resolve) => setTimeout(resolve, READ_POLL_MS));
        }
      }
    };
    try {
      await withTimeout(writeAll(), timeoutMs, () => new TransportError('write', `${this.description}: write did not finish within ${timeoutMs} ms`));
    } catch (error) {
      this.drop(error instanceof Error ? error : new Error(String(error)));
      if (error instanceof TransportError) throw error;
      throw new TransportError('write', `${this.description}: ${(error as Error).message}`, { cause: error });
    }
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    const remove = this.data.add(listener);
    this.updatePolling();
    return () => {
      remove();
      this.updatePolling();
    };
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.closed.add(listener);
  }

  private updatePolling(): void {
    const wanted = this.handle !== undefined && this.data.size > 0;
    if (wanted && !this.poller) this.poller = setInterval(() => void this.readOnce(), READ_POLL_MS);
    if (!wanted && this.poller) {
      clearInterval(this.poller);
      this.poller = undefined;
    }
  }

  private reading = false;
  private async readOnce(): Promise<void> {
    const handle = this.handle;
    if (!handle || this.reading) return;
    this.reading = true;
    try {
      const buffer = Buffer.alloc(256);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead > 0) this.data.emit(buffer.subarray(0, bytesRead));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EAGAIN' && code !== 'EWOULDBLOCK') this.drop(error as Error);
    } finally {
      this.reading = false;
    }
  }

  /** The device went away (unplug: ENODEV, EIO): forget the handle; the next write reopens. */
  private drop(error: Error): void {
    const handle = this.handle;
    this.handle = undefined;
    this.updatePolling();
    if (handle) {
      void handle.close().catch(() => {});
      this.closed.emit(error);
    }
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    this.updatePolling();
    await handle?.close().catch(() => {});
  }
}
