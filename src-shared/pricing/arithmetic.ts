import { divRoundHalfUp } from '../money';

/**
 * `a × b / c` rounded half away from zero, exact for any safe integers: the product of a large
 * amount and a rate can pass 2^53, so it switches to BigInt when it would.
 */
export function mulDivHalfUp(a: number, b: number, c: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product)) return divRoundHalfUp(product, c);
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const q = abs / d;
  const r = abs - q * d;
  const rounded = r * 2n >= d ? q + 1n : q;
  return Number(negative ? -rounded : rounded);
}

/**
 * Splits `total` over `weights` in proportion, in whole minor units, so that the parts add up to
 * `total` exactly: each part is floored, and the units left over go to the largest remainders
 * (Hamilton's largest-remainder method; ties to the earlier line). With 0 ≤ total ≤ Σ weights, no
 * part exceeds its weight, so a cart discount never makes a line negative.
 */
export function allocateLargestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (total === 0 || sum === 0) return weights.map(() => 0);
  if (total < 0 || weights.some((w) => w < 0)) throw new RangeError('allocation needs a non-negative total and weights');
  const parts: number[] = [];
  const remainders: Array<{ index: number; remainder: bigint }> = [];
  weights.forEach((weight, index) => {
    const n = BigInt(total) * BigInt(weight);
    const q = n / BigInt(sum);
    parts.push(Number(q));
    remainders.push({ index, remainder: n - q * BigInt(sum) });
  });
  let left = total - parts.reduce((s, p) => s + p, 0);
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0) break;
    parts[index]! += 1;
    left -= 1;
  }
  return parts;
}
