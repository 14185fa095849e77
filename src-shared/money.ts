import { z } from 'zod';

/**
 * Money is always an integer count of the currency's minor unit (cents, pence).
 * Never a float: 0.1 + 0.2 !== 0.3, and a till that is off by a cent is wrong.
 */
export const Minor = z.number().int().safe().brand<'Minor'>();
export type Minor = z.infer<typeof Minor>;

export const minor = (value: number): Minor => Minor.parse(value);

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
