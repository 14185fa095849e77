import { describe, expect, it } from 'vitest';
import { deviceFromPrinterUrl, ENV_PRINTER_ID } from './printer-url';

describe('POS_PRINTER', () => {
  it('turns each transport URL into a device with the default drawer pulse (50 ms on, 500 ms off, pin 2)', () => {
    expect(deviceFromPrinterUrl('tcp://127.0.0.1:9100')).toMatchObject({
      id: ENV_PRINTER_ID, transport: 'tcp', address: '127.0.0.1:9100', widthChars: 42, codePage: 'multilingual',
      drawer: { pin: 2, onMs: 50, offMs: 500, sensor: 'openWhenHigh' },
    });
    expect(deviceFromPrinterUrl('serial:///dev/ttyUSB0?baud=38400&width=48&pin=5')).toMatchObject({ transport: 'serial', address: '/dev/ttyUSB0', baudRate: 38_400, widthChars: 48, drawer: { pin: 5 } });
    expect(deviceFromPrinterUrl('usblp:///dev/usb/lp0?sensor=openWhenLow')).toMatchObject({ transport: 'usbLp', address: '/dev/usb/lp0', drawer: { sensor: 'openWhenLow' } });
    expect(deviceFromPrinterUrl('spooler://EPSON%20TM-T20III%20Receipt')).toMatchObject({ transport: 'spooler', address: 'EPSON TM-T20III Receipt' });
  });

  it('refuses what it cannot use, with the expected form in the message', () => {
    expect(() => deviceFromPrinterUrl('http://printer')).toThrow(/tcp:\/\/host:9100/);
    expect(() => deviceFromPrinterUrl('tcp://printer')).toThrow(/host:port/);
    expect(() => deviceFromPrinterUrl('tcp://127.0.0.1:9100?width=40')).toThrow();
    expect(() => deviceFromPrinterUrl('usblp://lp0')).toThrow(/device path/);
  });
});
