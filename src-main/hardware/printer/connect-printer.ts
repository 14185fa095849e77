import type { DeviceConfig } from '../../../src-shared/contract/printing-contract';
import type { ConnectedPrinter, PrinterConnector } from '../../core/hardware/receipt-printer';
import { PrinterCashDrawer } from '../drawer/printer-cash-drawer';
import { EscPosPrinter, type EscPosTimeouts } from './escpos-printer';
import { SerialTransport, type SerialPortFactory } from './serial-transport';
import { TcpTransport } from './tcp-transport';
import type { PrinterTransport } from './transport';
import { UsbLpTransport } from './usb-lp-transport';
import { WindowsSpoolerTransport } from './windows-spooler-transport';

export interface ConnectorOptions {
  timeouts?: Partial<EscPosTimeouts>;
  /** Tests hand in serialport's `SerialPortMock`. */
  serialPort?: SerialPortFactory;
}

/** The transport a device's configuration names. */
export function createTransport(device: DeviceConfig, options: ConnectorOptions = {}): PrinterTransport {
  switch (device.transport) {
    case 'tcp': {
      const at = device.address.lastIndexOf(':');
      return new TcpTransport(device.address.slice(0, at).replace(/^\[|\]$/g, ''), Number(device.address.slice(at + 1)));
    }
    case 'serial':
      return new SerialTransport(device.address, device.baudRate, options.serialPort);
    case 'usbLp':
      return new UsbLpTransport(device.address);
    case 'spooler':
      return new WindowsSpoolerTransport(device.address);
  }
}

/** What the hosts hand to core as `printerConnector`: an ESC/POS printer and its drawer per device. */
export function createPrinterConnector(options: ConnectorOptions = {}): PrinterConnector {
  return (device: DeviceConfig): ConnectedPrinter => {
    const printer = new EscPosPrinter(createTransport(device, options), {
      drawerSensor: device.drawer.sensor,
      autoStatusBack: device.autoStatusBack,
      timeouts: options.timeouts,
    });
    const drawer = new PrinterCashDrawer(printer, { pin: device.drawer.pin, onMs: device.drawer.onMs, offMs: device.drawer.offMs });
    return { printer, drawer };
  };
}
