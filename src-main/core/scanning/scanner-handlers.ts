import type { HandlerSlice } from '../../../src-shared/contract';
import type { ScannerHub } from './scanner-hub';

type ScannerMethods = 'scanner.list' | 'scanner.test';

export const scannerHandlers = (hub: ScannerHub): HandlerSlice<ScannerMethods> => ({
  'scanner.list': () => hub.list(),
  'scanner.test': ({ raw }) => hub.test(raw),
});
