import { DeviceConfig } from '../../../src-shared/contract/printing-contract';

/** The device id a printer given by `POS_PRINTER` is stored under, so a restart updates it in place. */
export const ENV_PRINTER_ID = 'env-printer';

/**
 * `POS_PRINTER` for the web host, `npm run sim` and tests:
 *   tcp://127.0.0.1:9100 · serial:///dev/ttyUSB0?baud=38400 · usblp:///dev/usb/lp0 · spooler://EPSON TM-T20III
 * Optional query parameters: `width` (32, 42, 48), `pin` (2, 5), `sensor` (none, openWhenHigh, openWhenLow).
 */
export function deviceFromPrinterUrl(value: string): DeviceConfig {
  const match = /^(tcp|serial|usblp|spooler):\/\/([^?]+)(?:\?(.*))?$/.exec(value.trim());
  if (!match) throw new Error(`POS_PRINTER must look like tcp://host:9100, serial:///dev/ttyUSB0, usblp:///dev/usb/lp0 or spooler://Name (got ${value})`);
  const [, scheme, address = '', query = ''] = match;
  const params = new URLSearchParams(query);
  const transport = scheme === 'usblp' ? 'usbLp' : (scheme as 'tcp' | 'serial' | 'spooler');
  const number = (name: string, fallback: number) => (params.has(name) ? Number(params.get(name)) : fallback);
  return DeviceConfig.parse({
    id: ENV_PRINTER_ID,
    name: `Receipt printer (${scheme})`,
    kind: 'receiptPrinter',
    enabled: true,
    transport,
    address: decodeURIComponent(address),
    baudRate: number('baud', 19_200),
    widthChars: number('width', 42),
    codePage: params.get('codepage') ?? 'multilingual',
    autoStatusBack: params.get('asb') !== 'off',
    drawer: { pin: number('pin', 2), onMs: 50, offMs: 500, sensor: params.get('sensor') ?? 'openWhenHigh', reminderSeconds: number('reminder', 60) },
  });
}
