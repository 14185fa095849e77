import { SerialPort } from 'serialport';
import { DEFAULT_BACKOFF, ReconnectingScanner, type Backoff, type ScannerConnection } from './reconnecting-scanner';
import { SuffixFramer } from './suffix-framer';

/** The parts of a serialport stream the scanner uses (SerialPort and SerialPortMock both fit). */
export type SerialStream = Pick<SerialPort, 'open' | 'close' | 'on' | 'isOpen' | 'removeAllListeners'>;

/** Makes a closed port object; `open` is called by the scanner (tests pass SerialPortMock). */
export type OpenSerialPort = (options: { path: string; baudRate: number }) => SerialStream;

export const openRealSerialPort: OpenSerialPort = ({ path, baudRate }) => new SerialPort({ path, baudRate, autoOpen: false });

export interface SerialScannerOptions {
  path: string;
  /** 9600 8N1 is what most scanners ship with. */
  baudRate?: number;
  /** Bytes before each barcode (after parseFraming), removed. */
  prefix?: string;
  /** Bytes after each barcode (after parseFraming); CR by default. */
  suffix?: string;
  id?: string;
  openPort?: OpenSerialPort;
  backoff?: Backoff;
}

const openPort = (port: SerialStream): Promise<void> =>
  new Promise((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));

/**
 * A serial (RS-232 or USB CDC-ACM "virtual COM") scanner through serialport. Unplugging a USB
 * serial scanner makes serialport close the port with a `disconnected` error
 * (https://serialport.io/docs/api-stream#event-close); the port is then reopened with backoff,
 * which fails until the device node is back.
 */
export class SerialScanner extends ReconnectingScanner {
  private readonly options: Required<Omit<SerialScannerOptions, 'id' | 'backoff'>>;

  constructor(options: SerialScannerOptions) {
    super(options.id ?? `serial:${options.path}`, 'serial', options.backoff ?? DEFAULT_BACKOFF);
    this.options = {
      path: options.path,
      baudRate: options.baudRate ?? 9_600,
      prefix: options.prefix ?? '',
      suffix: options.suffix ?? '\r',
      openPort: options.openPort ?? openRealSerialPort,
    };
  }

  describe(): string {
    return `serial scanner on ${this.options.path} at ${this.options.baudRate} baud`;
  }

  protected async open(emit: (code: string, symbology: string | null) => void, lost: (reason: string) => void): Promise<ScannerConnection> {
    const { path, baudRate, prefix, suffix } = this.options;
    const port = this.options.openPort({ path, baudRate });
    const framer = new SuffixFramer({ suffix, prefix });
    let closing = false;
    port.on('data', (chunk: Buffer) => {
      for (const code of framer.push(chunk)) emit(code, null);
    });
    port.on('close', (error: (Error & { disconnected?: boolean }) | null) => {
      if (!closing) lost(error?.disconnected ? `${path} was unplugged` : `${path} closed`);
    });
    // Errors after open also surface as a close; this keeps an unhandled 'error' from throwing.
    port.on('error', (error: Error) => {
      if (!closing && !port.isOpen) lost(error.message);
    });
    await openPort(port);
    return {
      close: () => new Promise<void>((resolve) => {
        closing = true;
        if (!port.isOpen) {
          resolve();
          return;
        }
        port.close(() => resolve());
      }),
    };
  }
}
