/**
 * GTIN check digits (EAN-8, UPC-A, EAN-13, GTIN-14).
 *
 * GS1 General Specifications §7.9 "Check digit calculation"
 * (https://www.gs1.org/standards/barcodes-epcrfid-id-keys/gs1-general-specifications):
 * from the rightmost digit of the body leftwards, digits are weighted 3, 1, 3, 1 …; the check
 * digit is what brings the weighted sum up to the next multiple of ten. The same rule serves
 * every GTIN length, which is why one function covers all four.
 */

/** Lengths of a complete GTIN, check digit included: EAN-8, UPC-A, EAN-13, GTIN-14. */
export const GTIN_LENGTHS: readonly number[] = [8, 12, 13, 14];

const DIGITS = /^[0-9]+$/;

/** The check digit for `body` (a GTIN without its last digit). Throws on anything but digits. */
export function gtinCheckDigit(body: string): number {
  if (!DIGITS.test(body)) throw new RangeError(`A GTIN body is digits only, got "${body}"`);
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    // Position counted from the right: the digit next to the check digit weighs 3.
    const fromRight = body.length - 1 - i;
    sum += (body.charCodeAt(i) - 48) * (fromRight % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** True for an 8, 12, 13 or 14 digit string whose last digit is its correct check digit. */
export function isValidGtin(code: string): boolean {
  if (!DIGITS.test(code) || !GTIN_LENGTHS.includes(code.length)) return false;
  return gtinCheckDigit(code.slice(0, -1)) === code.charCodeAt(code.length - 1) - 48;
}

/** Appends the check digit to a 12-digit body: `makeEan13('501234500001')` → `'5012345000015'`. */
export function makeEan13(body12: string): string {
  if (body12.length !== 12 || !DIGITS.test(body12)) {
    throw new RangeError(`An EAN-13 body is exactly 12 digits, got "${body12}"`);
  }
  return body12 + String(gtinCheckDigit(body12));
}
