import net from 'node:net';
import { Listeners, TransportError, withTimeout, type PrinterTransport } from './transport';

/**
 * A network printer on raw TCP port 9100 (Epson "TCP/IP port 9100" raw printing). One socket,
 * opened on demand; after the printer or the network drops it, the next `open`/`write` connects
 * again. Keep-alive probes notice a printer that vanished without closing the socket.
 */
export class TcpTransport implements PrinterTransport {
  readonly bidirectional = true;
  private socket: net.Socket | undefined;
  private opening: Promise<void> | undefined;
  private readonly data = new Listeners<[Buffer]>();
  private readonly closed = new Listeners<[Error | undefined]>();

  constructor(private readonly host: string, private readonly port: number) {}

  get description(): string {
    return `tcp://${this.host}:${this.port}`;
  }

  get isOpen(): boolean {
    return this.socket !== undefined && !this.socket.destroyed && this.socket.readyState === 'open';
  }

  open(timeoutMs: number): Promise<void> {
    if (this.isOpen) return Promise.resolve();
    this.opening ??= this.connect(timeoutMs).finally(() => {
      this.opening = undefined;
    });
    return this.opening;
  }

  private connect(timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const socket = net.connect({ host: this.host, port: this.port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new TransportError('open', `${this.description}: no connection within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.setNoDelay(true);
        socket.setKeepAlive(true, 5_000);
        this.socket = socket;
        socket.on('data', (chunk: Buffer) => this.data.emit(chunk));
        resolve();
      });
      socket.on('error', (error) => {
        clearTimeout(timer);
        if (this.socket !== socket) reject(new TransportError('open', `${this.description}: ${error.message}`, { cause: error }));
      });
      socket.once('close', () => {
        clearTimeout(timer);
        if (this.socket !== socket) return;
        this.socket = undefined;
        this.closed.emit(new Error(`${this.description}: connection closed`));
      });
    });
  }

  async write(data: Uint8Array, timeoutMs: number): Promise<void> {
    await this.open(timeoutMs);
    const socket = this.socket;
    if (!socket) throw new TransportError('closed', `${this.description}: connection closed before writing`);
    const written = new Promise<void>((resolve, reject) => {
      // The callback fires once the bytes left for the kernel, or with the error that stopped them.
      socket.write(data, (error) => (error ? reject(new TransportError('write', `${this.description}: ${error.message}`, { cause: error })) : resolve()));
    });
    await withTimeout(written, timeoutMs, () => {
      socket.destroy();
      return new TransportError('write', `${this.description}: write did not finish within ${timeoutMs} ms`);
    });
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    return this.data.add(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.closed.add(listener);
  }

  async close(): Promise<void> {
    const socket = this.socket;
    this.socket = undefined;
    if (!socket) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        socket.destroy();
        resolve();
      }, 1_000);
      socket.end(() => {
        clearTimeout(timer);
        socket.destroy();
        resolve();
      });
    });
  }
}
