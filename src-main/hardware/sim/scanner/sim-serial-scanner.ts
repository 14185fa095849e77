import { SerialPortMock } from 'serialport';
import type { OpenSerialPort } from '../../scanner/serial-scanner';

type MockPort = InstanceType<typeof SerialPortMock>;

/**
 * A serial scanner on serialport's mock binding (https://serialport.io/docs/api-binding-mock).
 * Pass `openPort` to a SerialScanner; then `scan` sends `prefix + code + suffix` as the device
 * would, `sendBytes` sends raw chunks (to split a barcode anywhere), and `unplug`/`replug`
 * behave like pulling the USB cable: the open port closes with a disconnect error and reopening
 * fails until the device is back.
 */
export class SimSerialScanner {
  private plugged = true;
  private port: MockPort | null = null;
  opens = 0;

  constructor(readonly path: string, private readonly framing: { prefix?: string; suffix?: string } = {}) {
    // Mock ports live in the mock binding's process-wide table, so each simulator needs its own path.
    SerialPortMock.binding.createPort(path);
  }

  readonly openPort: OpenSerialPort = ({ path, baudRate }) => {
    if (path !== this.path) throw new Error(`this simulator is ${this.path}, not ${path}`);
    this.opens += 1;
    // While unplugged, the scanner gets a port whose open fails like a missing device node.
    const port = new SerialPortMock({ path: this.plugged ? path : `${path}.unplugged`, baudRate, autoOpen: false });
    if (this.plugged) this.port = port;
    return port;
  };

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  sendBytes(bytes: string | Uint8Array): void {
    if (!this.port?.isOpen) throw new Error(`${this.path} is not open: nothing would receive the scan`);
    this.port.port?.emitData(Buffer.from(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes));
  }

  scan(code: string): void {
    this.sendBytes(`${this.framing.prefix ?? ''}${code}${this.framing.suffix ?? '\r'}`);
  }

  /** What serialport does when the device disappears: close the stream with a disconnect error. */
  unplug(): void {
    this.plugged = false;
    const port = this.port;
    this.port = null;
    if (port?.isOpen) port.close(undefined, Object.assign(new Error('device unplugged'), { disconnected: true }));
  }

  replug(): void {
    this.plugged = true;
  }
}
