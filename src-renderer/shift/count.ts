import type { CashCount } from '../../src-shared/cash/denominations';

/** Pieces per denomination (face value in minor units) as the count grid holds them. */
export type Counts = Readonly<Record<number, number>>;

/** Largest number of one note or coin a field takes (the contract's bound is 100,000). */
export const MAX_PIECES = 99_999;

/** The contract's `CashCount`: every denomination with a count above zero, largest first. */
export function toCashCount(counts: Counts): CashCount {
  return Object.entries(counts)
    .map(([value, count]) => ({ valueMinor: Number(value), count }))
    .filter((entry) => entry.count > 0)
    .sort((a, b) => b.valueMinor - a.valueMinor);
}

/** The value of a count, in minor units (integers only: face value × pieces). */
export function countedMinor(counts: Counts): number {
  let total = 0;
  for (const [value, count] of Object.entries(counts)) total += Number(value) * count;
  return total;
}

/** What a count field's text means: digits only, clamped to `MAX_PIECES`; anything else is 0. */
export function piecesOf(text: string): number {
  const digits = text.replace(/\D/g, '');
  if (digits === '') return 0;
  return Math.min(MAX_PIECES, Number(digits.slice(0, 6)));
}
