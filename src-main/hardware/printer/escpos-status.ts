/**
 * Decoding what an Epson printer sends back. Three kinds of bytes share the line:
 * - DLE EOT answers: one byte, bit 1 on, bit 4 on, bits 0 and 7 off (`0xx1xx10`);
 * - Automatic Status Back: four bytes, the first `0xx1xx00`, the next three with bit 4 off;
 * - GS r answers: one byte with bits 4 and 7 off (`0xx0xxxx`).
 * Epson: "Transmission Status Identification" and the DLE EOT / GS a / GS r pages of
 * https://download4.epson.biz/sec_pubs/pos/reference_en/escpos/
 */

/** DLE EOT 1 (printer status): bit 2 = drawer connector pin 3 high, bit 3 = offline. */
export interface PrinterStatusByte {
  pin3High: boolean;
  offline: boolean;
}
export const decodePrinterStatus = (b: number): PrinterStatusByte => ({ pin3High: (b & 0x04) !== 0, offline: (b & 0x08) !== 0 });

/** DLE EOT 2 (offline cause): bit 2 cover open, bit 3 feed button, bit 5 stopped by paper end, bit 6 error. */
export interface OfflineCauseByte {
  coverOpen: boolean;
  feeding: boolean;
  paperEndStop: boolean;
  error: boolean;
}
export const decodeOfflineCause = (b: number): OfflineCauseByte => ({
  coverOpen: (b & 0x04) !== 0,
  feeding: (b & 0x08) !== 0,
  paperEndStop: (b & 0x20) !== 0,
  error: (b & 0x40) !== 0,
});

/** DLE EOT 3 (error cause): bit 2 recoverable, bit 3 autocutter, bit 5 unrecoverable, bit 6 auto-recoverable. */
export interface ErrorCauseByte {
  recoverable: boolean;
  autocutter: boolean;
  unrecoverable: boolean;
  autoRecoverable: boolean;
}
export const decodeErrorCause = (b: number): ErrorCauseByte => ({
  recoverable: (b & 0x04) !== 0,
  autocutter: (b & 0x08) !== 0,
  unrecoverable: (b & 0x20) !== 0,
  autoRecoverable: (b & 0x40) !== 0,
});

/** DLE EOT 4 (roll paper sensor): bits 2-3 near end, bits 5-6 paper end (both bits of a pair set). */
export interface PaperSensorByte {
  nearEnd: boolean;
  paperEnd: boolean;
}
export const decodePaperSensor = (b: number): PaperSensorByte => ({ nearEnd: (b & 0x0c) === 0x0c, paperEnd: (b & 0x60) === 0x60 });

/** GS r 1 answer: bits 0-1 near end, bits 2-3 paper end. */
export const decodeGsRPaper = (b: number): PaperSensorByte => ({ nearEnd: (b & 0x03) !== 0, paperEnd: (b & 0x0c) !== 0 });

/** The four ASB bytes (GS a): printer, error, paper and reserved information. */
export interface AsbStatus {
  pin3High: boolean;
  offline: boolean;
  coverOpen: boolean;
  feeding: boolean;
  recoverableError: boolean;
  autocutterError: boolean;
  unrecoverableError: boolean;
  autoRecoverableError: boolean;
  paperNearEnd: boolean;
  paperEnd: boolean;
}
export function decodeAsb(bytes: readonly number[]): AsbStatus {
  const [b1 = 0, b2 = 0, b3 = 0] = bytes;
  return {
    pin3High: (b1 & 0x04) !== 0,
    offline: (b1 & 0x08) !== 0,
    coverOpen: (b1 & 0x20) !== 0,
    feeding: (b1 & 0x40) !== 0,
    recoverableError: (b2 & 0x04) !== 0,
    autocutterError: (b2 & 0x08) !== 0,
    unrecoverableError: (b2 & 0x20) !== 0,
    autoRecoverableError: (b2 & 0x40) !== 0,
    paperNearEnd: (b3 & 0x03) !== 0,
    paperEnd: (b3 & 0x0c) !== 0,
  };
}

export type Inbound =
  | { kind: 'realtime'; byte: number }
  | { kind: 'asb'; bytes: number[] }
  | { kind: 'gsr'; byte: number };

/**
 * Splits the printer's byte stream into answers. Stateful (an ASB message may arrive in pieces);
 * XON/XOFF flow-control bytes are skipped.
 */
export class InboundParser {
  private asb: number[] | undefined;

  push(chunk: Uint8Array): Inbound[] {
    const out: Inbound[] = [];
    for (const byte of chunk) {
      if (this.asb) {
        this.asb.push(byte);
        if (this.asb.length === 4) {
          out.push({ kind: 'asb', bytes: this.asb });
          this.asb = undefined;
        }
      } else if (byte === 0x11 || byte === 0x13) {
        continue;
      } else if ((byte & 0x93) === 0x10) {
        this.asb = [byte];
      } else if ((byte & 0x93) === 0x12) {
        out.push({ kind: 'realtime', byte });
      } else if ((byte & 0x90) === 0x00) {
        out.push({ kind: 'gsr', byte });
      }
    }
    return out;
  }
}
