import { z } from 'zod';

/**
 * Money is always an integer count of the currency's minor unit (cents, pence).
 * Never a float: 0.1 + 0.2 !== 0.3, and a till that is off by a cent is wrong.
 */
export const Minor = z.number().int().safe().brand<'Minor'>();
export type Minor = z.infer<typeof Minor>;

/**
 * Brands an amount as minor units; a fraction, NaN or an integer past 2^53 throws (a bug upstream,
 * never something to round away). The same rule as `Minor`, checked by hand: this runs for every
 * amount of every cart snapshot on the scan and sale paths, where `Minor.parse` cost ~1 µs a call.
 */
export const minor = (value: number): Minor => {
  if (!Number.isSafeInteger(value)) throw new RangeError(`A money amount must be a whole number of minor units, got ${value}.`);
  return value as Minor;
};

/** Sums minor amounts exactly (integers stay exact far beyond any till total). */
export const sumMinor = (values: readonly number[]): Minor => minor(values.reduce((a, b) => a + b, 0));

/**
 * Divides `numerator / denominator` rounding half away from zero, in integers only.
 * Used for tax: 0.5 of a minor unit goes up, the way tax authorities publish it.
 */
export function divRoundHalfUp(numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError('denominator must be positive');
  const sign = numerator < 0 ? -1 : 1;
  const n = Math.abs(numerator);
  const q = Math.floor(n / denominator);
  const r = n - q * denominator;
  return sign * (r * 2 >= denominator ? q + 1 : q);
}
