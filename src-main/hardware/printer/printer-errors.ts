import type { PrinterFailure, PrinterFailureKind, PrinterSnapshot } from '../../core/hardware/receipt-printer';

/** The adapters' errors; core tells them apart by `failure` (core/hardware/receipt-printer.ts). */
abstract class PrinterError extends Error implements PrinterFailure {
  abstract readonly failure: PrinterFailureKind;
}

/** Nothing was sent: the printer said it cannot print (paper, cover, offline). Safe to retry. */
export class PrinterNotReadyError extends PrinterError {
  override readonly name = 'PrinterNotReadyError';
  readonly failure = 'notReady';
  constructor(readonly snapshot: PrinterSnapshot, message: string) {
    super(message);
  }
}

/** Nothing was sent: no connection, or no answer within the timeout. Safe to retry. */
export class PrinterUnreachableError extends PrinterError {
  override readonly name = 'PrinterUnreachableError';
  readonly failure = 'unreachable';
}

/** Bytes went out but the printer never confirmed the job: it may have printed. */
export class PrintUnconfirmedError extends PrinterError {
  override readonly name = 'PrintUnconfirmedError';
  readonly failure = 'unconfirmed';
}

/** Ready to print: online, cover closed, paper in, no error. */
export const isReady = (s: PrinterSnapshot): boolean => s.online && !s.coverOpen && !s.paperEnd && !s.error;
