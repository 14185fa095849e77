import { connect, type Socket } from 'node:net';
import { DEFAULT_BACKOFF, ReconnectingScanner, type Backoff, type ScannerConnection } from './reconnecting-scanner';
import { SuffixFramer } from './suffix-framer';

export interface TcpScannerOptions {
  host: string;
  port: number;
  prefix?: string;
  suffix?: string;
  id?: string;
  backoff?: Backoff;
  /** An unreachable host fails the attempt after this long instead of hanging. */
  connectTimeoutMs?: number;
}

/**
 * A scanner that sends its barcodes over a TCP connection, framed like a serial scanner. Real
 * ones exist (serial device servers, some fixed-mount scanners); here it is mainly how the web
 * host reads the scanner simulator of `npm run sim`, which runs in another process
 * (`POS_SCANNER=tcp://127.0.0.1:9101`). A dropped socket reconnects with backoff.
 */
export class TcpScanner extends ReconnectingScanner {
  constructor(private readonly options: TcpScannerOptions) {
    super(options.id ?? `tcp://${options.host}:${options.port}`, 'tcp', options.backoff ?? DEFAULT_BACKOFF);
  }

  describe(): string {
    return `network scanner at ${this.options.host}:${this.options.port}`;
  }

  protected async open(emit: (code: string, symbology: string | null) => void, lost: (reason: string) => void): Promise<ScannerConnection> {
    const { host, port, prefix, suffix = '\r', connectTimeoutMs = 3_000 } = this.options;
    const framer = new SuffixFramer({ suffix, prefix });
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = connect({ host, port });
      s.setTimeout(connectTimeoutMs, () => s.destroy(new Error(`no answer from ${host}:${port} within ${connectTimeoutMs} ms`)));
      s.once('error', reject);
      s.once('connect', () => {
        s.setTimeout(0);
        s.off('error', reject);
        resolve(s);
      });
    });
    let closing = false;
    socket.setKeepAlive(true, 10_000);
    socket.on('data', (chunk: Buffer) => {
      for (const code of framer.push(chunk)) emit(code, null);
    });
    socket.on('error', () => undefined); // 'close' follows and reports the loss
    socket.on('close', () => {
      if (!closing) lost(`connection to ${host}:${port} closed`);
    });
    return {
      close: () => new Promise<void>((resolve) => {
        closing = true;
        if (socket.destroyed) {
          resolve();
          return;
        }
        socket.once('close', () => resolve());
        socket.destroy();
      }),
    };
  }
}
