import type { DeviceConfig } from '../../../src-shared/contract/printing-contract';
import type { CashDrawer } from './cash-drawer';

/**
 * What the printer itself reported (Epson DLE EOT or Automatic Status Back). The adapters in
 * src-main/hardware/printer fill it; core decides what it means for the queue.
 */
export interface PrinterSnapshot {
  online: boolean;
  coverOpen: boolean;
  paperEnd: boolean;
  paperNearEnd: boolean;
  /** An error the printer reports (cutter, mechanical, unrecoverable). */
  error: boolean;
  /** The drawer sensor through its configured polarity; `null` without a sensor. */
  drawerOpen: boolean | null;
}

/** The drawer pulse: pin 2 or 5 of the drawer connector, on and off time in milliseconds. */
export interface DrawerPulse {
  pin: 2 | 5;
  onMs: number;
  offMs: number;
}

export interface PrintOptions {
  /**
   * Called while a sent job waits for paper or a closed cover: the printer keeps the job in its
   * buffer and finishes it after recovery, so the job must not be sent again.
   */
  onWaiting?: (snapshot: PrinterSnapshot) => void;
}

/**
 * A receipt printer port. Every call is bounded by timeouts: an unreachable printer makes a call
 * fail after a few seconds, never hang. Calls run off the sale path (the print queue's worker).
 */
export interface ReceiptPrinter {
  /** The printer's real-time status; `null` when the transport cannot read (a spooler). */
  status(): Promise<PrinterSnapshot | null>;
  /**
   * Sends one job and resolves once the printer confirmed that it processed it (GS r after the
   * job). Throws a `PrinterFailure`: `notReady` or `unreachable` when nothing was sent,
   * `unconfirmed` when bytes went out but no confirmation came back.
   */
  print(job: Uint8Array, options?: PrintOptions): Promise<void>;
  /** Pulses the drawer: `ESC p` when the printer is ready, the real-time `DLE DC4` otherwise. */
  kickDrawer(pulse: DrawerPulse): Promise<'escp' | 'realtime'>;
  /** Status the printer pushes by itself (Automatic Status Back). */
  onStatus(listener: (snapshot: PrinterSnapshot) => void): () => void;
  close(): Promise<void>;
}

/**
 * How a printer call failed, as the adapters report it (src-main/hardware/printer/printer-errors.ts):
 * - `notReady`: nothing was sent, the printer said it cannot print (paper, cover, offline): retry;
 * - `unreachable`: nothing was sent, no connection or no answer within the timeout: retry;
 * - `unconfirmed`: bytes went out but the printer never confirmed the job. It may have printed,
 *   so sending it again could print it twice: only a person decides (`printer.retry`).
 */
export type PrinterFailureKind = 'notReady' | 'unreachable' | 'unconfirmed';

export interface PrinterFailure extends Error {
  readonly failure: PrinterFailureKind;
  /** What the printer reported, for `notReady`. */
  readonly snapshot?: PrinterSnapshot;
}

/** The failure an adapter threw, or `undefined` for any other error. */
export function printerFailureOf(error: unknown): PrinterFailure | undefined {
  const kind = (error as Partial<PrinterFailure> | null)?.failure;
  return error instanceof Error && (kind === 'notReady' || kind === 'unreachable' || kind === 'unconfirmed') ? (error as PrinterFailure) : undefined;
}

/** A connected printer and the drawer behind it, made from a device's configuration. */
export interface ConnectedPrinter {
  printer: ReceiptPrinter;
  drawer: CashDrawer;
}

/** Made by the host from src-main/hardware (core never imports the adapters). */
export type PrinterConnector = (device: DeviceConfig) => ConnectedPrinter;
