/**
 * Barcode normalisation: whatever a scanner sent (keyboard wedge, serial, HID-POS) becomes one
 * canonical code, so one product is found whichever form is scanned, and a misread is caught by
 * its check digit before it reaches the cart. Pure: no I/O, used by main and the renderer.
 *
 * Order: strip framing (whitespace, STX/ETX, the configured prefix and suffix) → strip the AIM
 * symbology identifier → Code 39 start/stop asterisks → GS1 element strings reduced to their GTIN
 * (AI 01) → digits by length (EAN-8, UPC-E, UPC-A, EAN-13, GTIN-14) → in-store price/weight codes.
 * GTIN rules: GS1 General Specifications §7.9 (check digit), §5.2.2.4.2 (UPC-E), §1.4.1.2 (RCN).
 */
import { isGs1ElementString, splitAim, symbologyFamily, type SymbologyFamily } from './aim';
import { isValidGtin } from './ean';
import { layoutFor, readInStore, type InStoreLayout } from './in-store';
import type { BarcodeFormat, NormalizedBarcode } from './normalized-barcode';
import { expandUpcE, expandUpcESix } from './upc-e';

export interface NormalizeOptions {
  /** A prefix the scanner is configured to send before every code (removed when present). */
  readonly prefix?: string;
  /** A suffix the scanner sends after every code (removed when present; CR/LF always are). */
  readonly suffix?: string;
  /** The AIM identifier the transport reported beside the data (HID-POS), if the data has none. */
  readonly symbology?: string | null;
  /** The store's in-store (prefix 20–29) price/weight layouts. */
  readonly inStoreLayouts?: readonly InStoreLayout[];
}

const NAMES: Readonly<Record<number, string>> = { 0x02: 'STX', 0x03: 'ETX', 0x04: 'EOT', 0x09: 'TAB', 0x0a: 'LF', 0x0d: 'CR', 0x1d: 'GS', 0x1e: 'RS' };

/** Control characters made visible, for the admin test field and logs. */
export function visibleRaw(input: string): string {
  return input.replace(/[\x00-\x1f\x7f]/g, (c) => `<${NAMES[c.charCodeAt(0)] ?? `x${c.charCodeAt(0).toString(16).padStart(2, '0')}`}>`);
}

const FRAMING = /^[\s\x00\x02\x03\x04]+|[\s\x00\x02\x03\x04]+$/g;
const CHECK_PROBLEM = 'The check digit does not match: a digit was misread or lost. Scan again.';

type Result = Omit<NormalizedBarcode, 'raw' | 'symbology'>;

const gtin = (format: BarcodeFormat, code: string, lookup: string[]): Result =>
  ({ code, format, kind: 'gtin', valid: true, problem: null, lookup: [...new Set(lookup)], inStore: null });
const badGtin = (format: BarcodeFormat, digits: string): Result =>
  ({ code: digits, format, kind: 'gtin', valid: false, problem: CHECK_PROBLEM, lookup: [digits], inStore: null });
const text = (code: string): Result => ({
  code, format: 'text', kind: 'other', valid: code !== '', problem: code === '' ? 'Nothing was scanned.' : null,
  lookup: code === '' ? [] : [code], inStore: null,
});

function ean13(digits: string, layouts: readonly InStoreLayout[]): Result {
  if (!isValidGtin(digits)) return badGtin('ean-13', digits);
  const layout = layoutFor(digits, layouts);
  if (!layout) return digits.startsWith('0') ? gtin('upc-a', digits, [digits, digits.slice(1)]) : gtin('ean-13', digits, [digits]);
  const reading = readInStore(digits, layout);
  return {
    code: digits,
    format: 'in-store',
    kind: layout.value === 'price' ? 'gs1-price' : 'gs1-weight',
    valid: reading.valueCheckOk,
    problem: reading.valueCheckOk ? null : `The ${layout.value} check digit does not match: scan again.`,
    lookup: [reading.baseCode],
    inStore: { itemCode: reading.itemCode, priceMinor: reading.priceMinor, weightGrams: reading.weightGrams },
  };
}

function upcE(expanded: string, upcE8: string): Result {
  return gtin('upc-e', `0${expanded}`, [`0${expanded}`, expanded, upcE8]);
}

function numeric(digits: string, family: SymbologyFamily | null, layouts: readonly InStoreLayout[]): Result {
  switch (digits.length) {
    case 6:
      return family === 'ean-upc' ? upcE(expandUpcESix(digits), digits) : text(digits);
    case 8: {
      const asUpcE = family === 'ean-8' ? null : expandUpcE(digits);
      const asEan8 = family === 'ean-upc' ? false : isValidGtin(digits);
      if (asEan8) return gtin('ean-8', digits, asUpcE ? [digits, `0${asUpcE}`] : [digits]);
      if (asUpcE) return upcE(asUpcE, digits);
      return badGtin(family === 'ean-upc' ? 'upc-e' : 'ean-8', digits);
    }
    case 12:
      return isValidGtin(digits) ? ean13(`0${digits}`, layouts) : badGtin('upc-a', digits);
    case 13:
      return ean13(digits, layouts);
    case 14: {
      if (!isValidGtin(digits)) return badGtin('gtin-14', digits);
      if (!digits.startsWith('0')) return gtin('gtin-14', digits, [digits]);
      const inner = ean13(digits.slice(1), layouts);
      return { ...inner, lookup: [...inner.lookup, digits] };
    }
    default:
      return text(digits);
  }
}

/** The GTIN of a GS1 element string that starts with AI (01), e.g. `0105012345000015 10ABC`. */
function gs1Gtin(data: string): string | null {
  const match = /^\x1d?01([0-9]{14})/.exec(data);
  return match?.[1] ?? null;
}

export function normalizeBarcode(input: string, options: NormalizeOptions = {}): NormalizedBarcode {
  const layouts = options.inStoreLayouts ?? [];
  let data = input.replace(FRAMING, '');
  if (options.prefix && data.startsWith(options.prefix)) data = data.slice(options.prefix.length);
  if (options.suffix && data.endsWith(options.suffix)) data = data.slice(0, -options.suffix.length);
  data = data.replace(FRAMING, '');

  const aim = splitAim(data);
  const symbology = aim.id ?? options.symbology ?? null;
  const family = symbologyFamily(symbology);
  data = aim.rest;
  // Code 39 start/stop characters are never data; some scanners pass them on (JumpMind #2108).
  if (family === null || family === 'code-39') data = data.replace(/^\*+|\*+$/g, '');

  let body = data;
  const fromAi = gs1Gtin(data);
  // Without an identifier, only a long string whose AI (01) holds a valid GTIN is read as GS1.
  if (fromAi !== null && (isGs1ElementString(family) || (family === null && data.length >= 16 && isValidGtin(fromAi)))) body = fromAi;
  // `]E3`: EAN-13/UPC with a 2- or 5-digit add-on (periodicals); the add-on is not the product.
  if (symbology === ']E3' && (body.length === 15 || body.length === 18)) body = body.slice(0, 13);
  const result = /^[0-9]+$/.test(body) ? numeric(body, family, layouts) : text(body);
  return { raw: visibleRaw(input), symbology, ...result };
}
