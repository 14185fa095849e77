/**
 * The check digit of a 4- or 5-digit price or weight field inside an in-store barcode.
 *
 * GS1 General Specifications §7.9.2–7.9.4 "Check digit calculation for price/weight fields"
 * (https://www.gs1.org/standards/barcodes-epcrfid-id-keys/gs1-general-specifications). Each digit
 * is mapped through a weighting factor:
 * - "2-": digit × 2; of a two-digit product, the units minus the tens (negative → add 10);
 * - "3":  digit × 3, units digit;
 * - "5+": digit × 5; the units plus the tens, units digit of that;
 * - "5-": digit × 5; the units minus the tens (negative → add 10).
 * Four digits use 2-, 2-, 3, 5-: the check digit is the units digit of 3 × the sum.
 * Five digits use 5+, 2-, 5-, 5+, 2-: the check digit is the digit whose "5-" image equals
 * (10 − units of the sum) mod 10. The specification's worked examples: 2875 → 9, 14685 → 6.
 */

const weight = (factor: number, plus: boolean) => (digit: number): number => {
  const product = digit * factor;
  const tens = Math.trunc(product / 10);
  return (((plus ? product + tens : product - tens) % 10) + 10) % 10;
};
const twoMinus = weight(2, false);
const three = (digit: number) => (digit * 3) % 10;
const fivePlus = weight(5, true);
const fiveMinus = weight(5, false);

const FOUR = [twoMinus, twoMinus, three, fiveMinus];
const FIVE = [fivePlus, twoMinus, fiveMinus, fivePlus, twoMinus];

const weightedSum = (field: string, factors: readonly ((d: number) => number)[]): number =>
  factors.reduce((sum, f, i) => sum + f(field.charCodeAt(i) - 48), 0);

/** The price/weight check digit of a 4 or 5 digit field. Throws on anything else. */
export function priceCheckDigit(field: string): number {
  if (!/^[0-9]{4,5}$/.test(field)) throw new RangeError(`A price/weight field is 4 or 5 digits, got "${field}"`);
  if (field.length === 4) return (weightedSum(field, FOUR) * 3) % 10;
  const target = (10 - (weightedSum(field, FIVE) % 10)) % 10;
  // "5-" is a permutation of 0…9, so exactly one digit maps to the target.
  for (let digit = 0; digit <= 9; digit += 1) if (fiveMinus(digit) === target) return digit;
  throw new Error('unreachable: the 5- weighting is a permutation of the digits');
}
