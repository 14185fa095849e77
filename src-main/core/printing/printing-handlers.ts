import type { HandlerSlice } from '../../../src-shared/contract';
import type { PrintingService } from './printing-service';

type PrintingMethods =
  | 'printer.status' | 'printer.jobs' | 'printer.reprint' | 'printer.retry' | 'printer.testPage'
  | 'drawer.open' | 'devices.list' | 'devices.save';

export const printingHandlers = (printing: PrintingService): HandlerSlice<PrintingMethods> => ({
  'printer.status': () => printing.status(),
  'printer.jobs': ({ limit }) => printing.jobs(limit),
  'printer.reprint': ({ saleId }) => printing.reprint(saleId),
  'printer.retry': ({ jobId }) => printing.retry(jobId),
  'printer.testPage': ({ deviceId }) => printing.testPage(deviceId),
  'drawer.open': ({ note, deviceId }) => printing.openDrawer(note, deviceId),
  'devices.list': () => printing.listDevices(),
  'devices.save': (device) => printing.saveDevice(device),
});
