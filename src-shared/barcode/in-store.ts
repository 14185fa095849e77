/**
 * In-store barcodes with an embedded price or weight: EAN-13 restricted circulation numbers with
 * GS1 prefixes 20–29, which GS1 leaves to each company (GS1 General Specifications §1.4.1.2
 * "Restricted Circulation Numbers", and the RCN layouts each GS1 Member Organisation publishes,
 * https://www.gs1.org/standards/barcodes-epcrfid-id-keys/gs1-general-specifications). Because the
 * layout differs per country and per store, it is configuration, not code:
 *
 *   prefix (2) · item code (itemDigits) · [price/weight check digit (1)] · value (valueDigits) · EAN check (1)
 *
 * e.g. `21 12345 00250 C` = item 12345 at 2.50, or `28 12345 01234 C` = item 12345 weighing 1.234 kg.
 * The price check digit follows GS1 §7.9.2–7.9.4 (see price-check.ts).
 *
 * Catalog convention (documented in docs/architecture.md): the product sold under such a code is
 * registered with the barcode whose value field (and value check digit) are zeros, with a correct
 * EAN check digit: item 12345 under prefix 21 is `2112345000008`. `inStoreBaseCode` makes it, so a
 * store's catalog needs no extra column; a product sold by weight has its price per kilogram.
 */
import { z } from 'zod';
import { gtinCheckDigit, makeEan13 } from './ean';
import { priceCheckDigit } from './price-check';

export const InStoreLayout = z.object({
  /** Two-digit GS1 prefixes (20–29) this layout applies to. */
  prefixes: z.array(z.string().regex(/^2[0-9]$/, 'an in-store prefix is 20 to 29')).min(1),
  itemDigits: z.number().int().min(1).max(6),
  /** `price` in the currency's minor units, `weight` in grams. */
  value: z.enum(['price', 'weight']),
  valueDigits: z.union([z.literal(4), z.literal(5)]),
  /** A price/weight check digit sits between the item code and the value. */
  valueCheckDigit: z.boolean(),
}).strict().refine(
  (layout) => 2 + layout.itemDigits + (layout.valueCheckDigit ? 1 : 0) + layout.valueDigits + 1 === 13,
  { message: 'prefix, item code, value check digit, value and EAN check digit must add up to 13 digits' },
);
export type InStoreLayout = z.infer<typeof InStoreLayout>;

/**
 * Example layouts (the demo store's): 21 price, item 5 + price 5; 23 price, item 4 + price check +
 * price 5; 28 weight in grams, item 5 + weight 5. A real store sets its own from its GS1 MO's rules.
 */
export const DEMO_IN_STORE_LAYOUTS: readonly InStoreLayout[] = [
  { prefixes: ['21'], itemDigits: 5, value: 'price', valueDigits: 5, valueCheckDigit: false },
  { prefixes: ['23'], itemDigits: 4, value: 'price', valueDigits: 5, valueCheckDigit: true },
  { prefixes: ['28'], itemDigits: 5, value: 'weight', valueDigits: 5, valueCheckDigit: false },
];

export interface InStoreReading {
  layout: InStoreLayout;
  itemCode: string;
  /** The catalog barcode of the item (value field zeroed, see the module comment). */
  baseCode: string;
  priceMinor: number | null;
  weightGrams: number | null;
  /** False when the value's own check digit is wrong (the EAN check digit is checked by the caller). */
  valueCheckOk: boolean;
}

export const layoutFor = (ean13: string, layouts: readonly InStoreLayout[]): InStoreLayout | undefined =>
  layouts.find((layout) => layout.prefixes.includes(ean13.slice(0, 2)));

/** The catalog code of `itemCode` under `prefix` with `layout`: value zeroed, EAN check digit computed. */
export function inStoreBaseCode(prefix: string, itemCode: string, layout: InStoreLayout): string {
  const zeros = '0'.repeat(13 - 1 - 2 - layout.itemDigits);
  return makeEan13(prefix + itemCode + zeros);
}

/** Reads a (check-digit-valid) EAN-13 with a matching layout. */
export function readInStore(ean13: string, layout: InStoreLayout): InStoreReading {
  const prefix = ean13.slice(0, 2);
  const itemCode = ean13.slice(2, 2 + layout.itemDigits);
  let at = 2 + layout.itemDigits;
  const check = layout.valueCheckDigit ? ean13[at++] : undefined;
  const field = ean13.slice(at, at + layout.valueDigits);
  const value = Number(field);
  return {
    layout,
    itemCode,
    baseCode: inStoreBaseCode(prefix, itemCode, layout),
    priceMinor: layout.value === 'price' ? value : null,
    weightGrams: layout.value === 'weight' ? value : null,
    valueCheckOk: check === undefined || Number(check) === priceCheckDigit(field),
  };
}

/** Builds an in-store EAN-13 (for label printers, simulators and tests). */
export function makeInStoreCode(prefix: string, itemCode: string, value: number, layout: InStoreLayout): string {
  if (itemCode.length !== layout.itemDigits || !/^[0-9]+$/.test(itemCode)) {
    throw new RangeError(`item code must be ${layout.itemDigits} digits, got "${itemCode}"`);
  }
  if (!Number.isInteger(value) || value < 0 || value >= 10 ** layout.valueDigits) {
    throw new RangeError(`value must fit in ${layout.valueDigits} digits, got ${value}`);
  }
  const field = String(value).padStart(layout.valueDigits, '0');
  const body = prefix + itemCode + (layout.valueCheckDigit ? String(priceCheckDigit(field)) : '') + field;
  return body + String(gtinCheckDigit(body));
}
