import { z } from 'zod';
import { BarcodeKind, NormalizedBarcode } from '../barcode/normalized-barcode';
import { Minor } from '../money';
import { none } from './common';

export const ScannerKind = z.enum(['hid-pos', 'serial', 'tcp']);
export const ScannerState = z.enum(['connecting', 'connected', 'disconnected', 'stopped']);

/** A configured scanner read in main (HID-POS, serial, network) and its connection state. */
export const ScannerInfo = z.object({
  id: z.string(),
  kind: ScannerKind,
  description: z.string(),
  status: ScannerState,
  /** Why, for people: the device path, or what disconnected it and when the next try is. */
  detail: z.string().nullable(),
  lastScanAt: z.string().nullable(),
});
export type ScannerInfo = z.infer<typeof ScannerInfo>;

/** A device discovery found (HID usage page 0x8C, serial ports) that could be configured. */
export const AvailableScanner = z.object({ kind: ScannerKind, spec: z.string(), description: z.string() });
export type AvailableScanner = z.infer<typeof AvailableScanner>;

/**
 * What became of a scan from a main-side scanner: `added` to the cart (the cart follows in
 * `cart.changed`), `notFound` in the catalog, `invalid` (a check digit is wrong: misread), or
 * `refused` by the cart (inactive product, quantity limit) with the reason in `message`.
 */
export const ScanResult = z.enum(['added', 'notFound', 'invalid', 'refused']);
export type ScanResult = z.infer<typeof ScanResult>;

/** Event `scanner.scanned`: every scan a HID-POS, serial or network scanner delivered. */
export const ScannerScanned = z.object({
  source: z.string(),
  raw: z.string(),
  code: z.string(),
  kind: BarcodeKind,
  symbology: z.string().nullable(),
  result: ScanResult,
  message: z.string().nullable(),
  at: z.string(),
});
export type ScannerScanned = z.infer<typeof ScannerScanned>;

/** What the admin scanner test field shows: raw and normalised code and the product it finds. */
export const ScannerTest = z.object({
  source: z.string(),
  normalized: NormalizedBarcode,
  product: z.object({ id: z.string(), sku: z.string(), name: z.string(), priceMinor: Minor, active: z.boolean() }).nullable(),
  at: z.string(),
});
export type ScannerTest = z.infer<typeof ScannerTest>;

export const scannerContract = {
  /** The scanners main reads, with their state, and the devices discovery finds right now. */
  'scanner.list': {
    input: none,
    output: z.object({ scanners: z.array(ScannerInfo), available: z.array(AvailableScanner) }),
  },
  /**
   * The admin scanner test: with `raw` (what a wedge scanner typed into the test field, printable
   * characters only), normalises it and looks it up without touching the cart; without it,
   * returns the last scan any main-side scanner delivered (null when none yet).
   */
  'scanner.test': {
    input: z.object({ raw: z.string().min(1).max(256).regex(/^[\x20-\x7e]+$/, 'raw holds printable ASCII only').optional() }).strict(),
    output: z.object({ last: ScannerTest.nullable() }),
  },
} as const;
