import { z } from 'zod';

export interface Denomination {
  /** Face value in minor units. */
  readonly valueMinor: number;
  readonly kind: 'note' | 'coin';
}

const notes = (...values: number[]): Denomination[] => values.map((valueMinor) => ({ valueMinor, kind: 'note' }));
const coins = (...values: number[]): Denomination[] => values.map((valueMinor) => ({ valueMinor, kind: 'coin' }));

/**
 * Notes and coins in circulation, largest first, per ISO 4217 currency:
 * GBP https://www.bankofengland.co.uk/banknotes and https://www.royalmint.com/currency/uk-currency/ ;
 * EUR https://www.ecb.europa.eu/euro/banknotes/ and /euro/coins/ (1 and 2 cent coins stay legal tender);
 * USD https://www.uscurrency.gov/denominations (the $2 note included; the dollar coin is counted with
 * the $1 notes, since a count is keyed by face value).
 */
export const DENOMINATIONS: Readonly<Record<string, readonly Denomination[]>> = {
  GBP: [...notes(5000, 2000, 1000, 500), ...coins(200, 100, 50, 20, 10, 5, 2, 1)],
  EUR: [...notes(50000, 20000, 10000, 5000, 2000, 1000, 500), ...coins(200, 100, 50, 20, 10, 5, 2, 1)],
  USD: [...notes(10000, 5000, 2000, 1000, 500, 200, 100), ...coins(50, 25, 10, 5, 1)],
};

/**
 * A cash count: how many of each denomination (by face value in minor units). Bounded so that a
 * typo cannot make a count overflow: 100,000 pieces of one denomination is more than any drawer.
 */
export const DenominationCount = z.object({
  valueMinor: z.number().int().min(1).max(100_000_00),
  count: z.number().int().min(0).max(100_000),
}).strict();
export type DenominationCount = z.infer<typeof DenominationCount>;

export const CashCount = z.array(DenominationCount).max(40);
export type CashCount = z.infer<typeof CashCount>;

export class UnknownDenominationError extends Error {
  override readonly name = 'UnknownDenominationError';
}

export function denominationsOf(currency: string): readonly Denomination[] | undefined {
  return Object.hasOwn(DENOMINATIONS, currency) ? DENOMINATIONS[currency] : undefined;
}

/**
 * The total of a count. Every value must be a denomination of `currency` and appear once, so a
 * count typed into the wrong field (or twice) is refused instead of silently summed.
 */
export function countTotal(currency: string, count: CashCount): number {
  const known = denominationsOf(currency);
  if (!known) throw new UnknownDenominationError(`No denomination table for ${currency}: count the cash as one amount.`);
  const seen = new Set<number>();
  let total = 0;
  for (const { valueMinor, count: pieces } of count) {
    if (!known.some((d) => d.valueMinor === valueMinor)) {
      throw new UnknownDenominationError(`${valueMinor} is not a ${currency} note or coin (minor units).`);
    }
    if (seen.has(valueMinor)) throw new UnknownDenominationError(`The ${valueMinor} denomination is counted twice.`);
    seen.add(valueMinor);
    total += valueMinor * pieces;
  }
  return total;
}
