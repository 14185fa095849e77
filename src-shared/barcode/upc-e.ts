/**
 * UPC-E: the zero-suppressed form of a GTIN-12 (UPC-A) that begins with number system 0 or 1.
 *
 * GS1 General Specifications §5.2.2.4.2 ("UPC-E bar code symbol: zero-suppression",
 * https://www.gs1.org/standards/barcodes-epcrfid-id-keys/gs1-general-specifications) gives the
 * four cases by the last of the six UPC-E data digits d1…d6:
 *
 * | d6      | GTIN-12                          | what was suppressed                        |
 * |---------|----------------------------------|--------------------------------------------|
 * | 0, 1, 2 | n d1 d2 d6 0 0 0 0 d3 d4 d5 c    | manufacturer ends 000/100/200, item ≤ 999  |
 * | 3       | n d1 d2 d3 0 0 0 0 0 d4 d5 c     | manufacturer ends 00, item ≤ 99            |
 * | 4       | n d1 d2 d3 d4 0 0 0 0 0 d5 c     | manufacturer ends 0, item ≤ 9              |
 * | 5 … 9   | n d1 d2 d3 d4 d5 0 0 0 0 d6 c    | item 5 … 9                                 |
 *
 * The UPC-E check digit is the check digit of the expanded GTIN-12. GS1 itself only assigns UPC-E
 * with number system 0; number system 1 ("UPC-E1") exists in the field and is accepted here.
 */
import { gtinCheckDigit } from './ean';

const SIX = /^[0-9]{6}$/;

/** The GTIN-12 body (11 digits, no check digit) for number system `ns` and UPC-E data d1…d6. */
function expandBody(ns: string, d: string): string {
  const last = d[5] as string;
  if (last <= '2') return `${ns}${d.slice(0, 2)}${last}0000${d.slice(2, 5)}`;
  if (last === '3') return `${ns}${d.slice(0, 3)}00000${d.slice(3, 5)}`;
  if (last === '4') return `${ns}${d.slice(0, 4)}00000${d[4]}`;
  return `${ns}${d.slice(0, 5)}0000${last}`;
}

/**
 * Expands an 8-digit UPC-E (number system, six data digits, check digit) to its GTIN-12.
 * Returns null when it is not a UPC-E: wrong shape, number system other than 0/1, or a check
 * digit that does not match the expanded code.
 */
export function expandUpcE(upcE: string): string | null {
  if (!/^[01][0-9]{7}$/.test(upcE)) return null;
  const body = expandBody(upcE[0] as string, upcE.slice(1, 7));
  const check = gtinCheckDigit(body);
  return String(check) === upcE[7] ? body + String(check) : null;
}

/** Expands six UPC-E data digits sent without number system and check digit (number system 0). */
export function expandUpcESix(data: string, numberSystem: '0' | '1' = '0'): string {
  if (!SIX.test(data)) throw new RangeError(`UPC-E data is six digits, got "${data}"`);
  const body = expandBody(numberSystem, data);
  return body + String(gtinCheckDigit(body));
}

/**
 * Compresses a GTIN-12 to UPC-E when the zero-suppression rules allow it (tried in the
 * specification's order, so the result is the one canonical UPC-E); null otherwise.
 */
export function compressUpcA(upcA: string): string | null {
  if (!/^[01][0-9]{11}$/.test(upcA)) return null;
  const ns = upcA[0] as string;
  const m = upcA.slice(1, 6);
  const p = upcA.slice(6, 11);
  const check = upcA[11] as string;
  if (String(gtinCheckDigit(upcA.slice(0, 11))) !== check) return null;
  let data: string | null = null;
  if (m.endsWith('00') && m[2]! <= '2' && p.startsWith('00')) data = `${m.slice(0, 2)}${p.slice(2)}${m[2]}`;
  else if (m.endsWith('00') && p.startsWith('000')) data = `${m.slice(0, 3)}${p.slice(3)}3`;
  else if (m.endsWith('0') && p.startsWith('0000')) data = `${m.slice(0, 4)}${p[4]}4`;
  else if (p.startsWith('0000') && p[4]! >= '5') data = `${m}${p[4]}`;
  return data === null ? null : `${ns}${data}${check}`;
}
