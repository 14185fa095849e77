import { z } from 'zod';

/** What a scanned string turned out to be, once prefixes, suffixes and AIM identifiers are gone. */
export const BarcodeKind = z.enum(['gtin', 'gs1-price', 'gs1-weight', 'other']);
export type BarcodeKind = z.infer<typeof BarcodeKind>;

export const BarcodeFormat = z.enum(['ean-13', 'ean-8', 'upc-a', 'upc-e', 'gtin-14', 'in-store', 'text']);
export type BarcodeFormat = z.infer<typeof BarcodeFormat>;

export const NormalizedBarcode = z.object({
  /** The input as received, with control characters made visible (`<GS>`, `<CR>` …). */
  raw: z.string(),
  /**
   * The code to show and to look up: a GTIN in its canonical form (UPC-A and UPC-E as EAN-13 with
   * a leading 0, GTIN-14 with indicator 0 as EAN-13, EAN-8 as is), the full in-store code, or the
   * data of any other symbology.
   */
  code: z.string(),
  /** The AIM symbology identifier (`]E0`, `]E4`, `]C1` …) when the scanner sent one. */
  symbology: z.string().nullable(),
  format: BarcodeFormat,
  kind: BarcodeKind,
  /** False when a check digit (the GTIN's, or an embedded price/weight's) is wrong. */
  valid: z.boolean(),
  /** Why it is not valid, for people (null when valid). */
  problem: z.string().nullable(),
  /** Catalog codes to try, best first (e.g. the EAN-13 form, then the 12-digit UPC-A form). */
  lookup: z.array(z.string()),
  /** The parts of an in-store price or weight barcode. */
  inStore: z.object({
    itemCode: z.string(),
    priceMinor: z.number().int().nullable(),
    weightGrams: z.number().int().nullable(),
  }).nullable(),
});
export type NormalizedBarcode = z.infer<typeof NormalizedBarcode>;
