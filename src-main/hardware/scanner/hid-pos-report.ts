/**
 * HID Point of Sale Usage Tables 1.02 (https://www.usb.org/sites/default/files/pos1_02.pdf),
 * usage page 0x8C "Bar Code Scanner". A scanner in HID-POS mode sends each barcode in one or more
 * "Scanned Data Report"s (usage 0x12) instead of typing it as keys, so keyboard layouts and focus
 * do not matter. The report carries, per its descriptor:
 *
 *   byte 0       report ID (0x02 on the scanners we know; hidapi puts it first when reports are numbered)
 *   byte 1       byte count of decoded data in this report (Generic Desktop "Byte Count", 0x3B)
 *   bytes 2–4    Symbology Identifier 1–3 (usages 0xFB–0xFD): the AIM identifier, `]E0` …
 *   bytes 5–60   Decoded Data (usage 0xFE), 56 bytes, zero-padded
 *   bytes 61–62  vendor bytes (Honeywell: its own code ID)
 *   byte 63      bit 0 = Decode Data Continued (usage 0xFF): more of this barcode follows
 *
 * That is the layout of the widespread Honeywell/Metrologic descriptor (64-byte interrupt
 * reports). The positions are a parameter, so a scanner with a different descriptor is a
 * configuration, not a new adapter. A long barcode (GS1-128 with batch and serial, a QR code)
 * arrives as several reports: they are joined until a report clears the continued flag.
 */

export interface HidPosReportLayout {
  /** The Scanned Data Report's ID, or null when the device does not number its reports. */
  reportId: number | null;
  lengthOffset: number;
  symbologyOffset: number;
  dataOffset: number;
  dataCapacity: number;
  continuedOffset: number;
  continuedMask: number;
}

export const STANDARD_HID_POS_LAYOUT: HidPosReportLayout = {
  reportId: 0x02,
  lengthOffset: 1,
  symbologyOffset: 2,
  dataOffset: 5,
  dataCapacity: 56,
  continuedOffset: 63,
  continuedMask: 0x01,
};

/** HID usage page of bar code scanners (HID Usage Tables, "Bar Code Scanner Page"). */
export const HID_POS_USAGE_PAGE = 0x8c;

export interface HidPosScan {
  /** The decoded bytes as text (Latin-1: one character per byte, GS separators kept). */
  data: string;
  symbology: string | null;
}

/** The AIM identifier from the three symbology bytes: `]E0`; `E0` without the bracket is completed. */
function symbologyOf(bytes: Uint8Array): string | null {
  const text = String.fromCharCode(...bytes.filter((b) => b !== 0));
  if (text === '') return null;
  return text.startsWith(']') ? text : `]${text}`;
}

export interface HidPosAssemblerOptions {
  /** A barcode longer than this is dropped (a device that never clears the continued flag). */
  maxBytes?: number;
  /** A partial barcode whose next report is later than this is dropped. */
  staleMs?: number;
  now?: () => number;
}

/** Joins Scanned Data Reports into barcodes. */
export class HidPosAssembler {
  private parts: Uint8Array[] = [];
  private size = 0;
  private symbology: string | null = null;
  private lastAt = 0;
  private discarding = false;
  private readonly maxBytes: number;
  private readonly staleMs: number;
  private readonly now: () => number;

  constructor(private readonly layout: HidPosReportLayout = STANDARD_HID_POS_LAYOUT, options: HidPosAssemblerOptions = {}) {
    this.maxBytes = options.maxBytes ?? 4_096;
    this.staleMs = options.staleMs ?? 1_000;
    this.now = options.now ?? Date.now;
  }

  /** Feeds one input report; returns the barcode it completed, if any. Other reports are ignored. */
  push(report: Uint8Array): HidPosScan | null {
    const { reportId, lengthOffset, symbologyOffset, dataOffset, dataCapacity, continuedOffset, continuedMask } = this.layout;
    if (reportId !== null && report[0] !== reportId) return null;
    if (report.length <= lengthOffset) return null;
    const now = this.now();
    if ((this.parts.length > 0 || this.discarding) && now - this.lastAt > this.staleMs) this.reset();
    this.lastAt = now;
    const continued = ((report[continuedOffset] ?? 0) & continuedMask) !== 0;
    if (this.discarding) {
      // The rest of an oversized barcode: skipped up to its last report, never glued to the next.
      this.discarding = continued;
      return null;
    }

    const length = Math.min(report[lengthOffset] ?? 0, dataCapacity, Math.max(0, report.length - dataOffset));
    if (this.parts.length === 0) this.symbology = symbologyOf(report.subarray(symbologyOffset, symbologyOffset + 3));
    this.parts.push(report.slice(dataOffset, dataOffset + length));
    this.size += length;
    if (this.size > this.maxBytes) {
      this.reset();
      this.discarding = continued;
      return null;
    }
    if (continued) return null;

    const bytes = Buffer.concat(this.parts);
    const symbology = this.symbology;
    this.reset();
    return bytes.length === 0 ? null : { data: bytes.toString('latin1'), symbology };
  }

  reset(): void {
    this.parts = [];
    this.size = 0;
    this.symbology = null;
    this.discarding = false;
  }
}

/**
 * Splits a barcode into Scanned Data Reports as a scanner would (for the simulator and tests):
 * 56 bytes per report, the continued flag on every report but the last.
 */
export function encodeHidPosReports(data: string, symbology: string | null, layout: HidPosReportLayout = STANDARD_HID_POS_LAYOUT): Uint8Array[] {
  const bytes = Buffer.from(data, 'latin1');
  const reports: Uint8Array[] = [];
  for (let at = 0; at === 0 || at < bytes.length; at += layout.dataCapacity) {
    const chunk = bytes.subarray(at, at + layout.dataCapacity);
    const report = new Uint8Array(Math.max(layout.continuedOffset + 1, layout.dataOffset + layout.dataCapacity));
    if (layout.reportId !== null) report[0] = layout.reportId;
    report[layout.lengthOffset] = chunk.length;
    if (symbology) report.set(Buffer.from(symbology, 'latin1').subarray(0, 3), layout.symbologyOffset);
    report.set(chunk, layout.dataOffset);
    if (at + layout.dataCapacity < bytes.length) report[layout.continuedOffset] = (report[layout.continuedOffset] ?? 0) | layout.continuedMask;
    reports.push(report);
  }
  return reports;
}
