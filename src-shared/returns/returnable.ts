import { divRoundHalfUp } from '../money';

/**
 * What may still be returned from a sale, as a pure computation: a line can give back at most
 * what was sold minus what earlier returns took, and its refunds add up to exactly what the
 * customer paid for it (the last unit takes the remainder, so rounding never leaks a cent).
 */

export interface SoldLine {
  saleLineId: string;
  quantity: number;
  /** What the customer paid for the whole line, tax included. */
  grossMinor: number;
}

export interface ReturnedLine {
  saleLineId: string;
  quantity: number;
  amountMinor: number;
}

export interface Remaining {
  saleLineId: string;
  quantity: number;
  amountMinor: number;
}

export function remainingOf(sold: readonly SoldLine[], returned: readonly ReturnedLine[]): Map<string, Remaining> {
  const remaining = new Map(sold.map((line) => [line.saleLineId, { saleLineId: line.saleLineId, quantity: line.quantity, amountMinor: line.grossMinor }]));
  for (const line of returned) {
    const left = remaining.get(line.saleLineId);
    if (!left) continue;
    left.quantity -= line.quantity;
    left.amountMinor -= line.amountMinor;
  }
  return remaining;
}

export type ReturnPlan =
  | { ok: true; lines: ReturnedLine[]; totalMinor: number }
  | { ok: false; reason: 'unknownLine' | 'exceeds' | 'empty'; saleLineId?: string; requested?: number; remaining?: number };

/**
 * Plans a return of `request` against the remaining quantities. Refused as a whole when any line
 * asks for more than is left (or a line that is not on the sale): nothing is partly returned.
 */
export function planReturn(sold: readonly SoldLine[], returned: readonly ReturnedLine[], request: ReadonlyArray<{ saleLineId: string; quantity: number }>): ReturnPlan {
  const remaining = remainingOf(sold, returned);
  const wanted = new Map<string, number>();
  for (const r of request) wanted.set(r.saleLineId, (wanted.get(r.saleLineId) ?? 0) + r.quantity);
  if (wanted.size === 0 || [...wanted.values()].every((q) => q <= 0)) return { ok: false, reason: 'empty' };
  const lines: ReturnedLine[] = [];
  for (const [saleLineId, quantity] of wanted) {
    const left = remaining.get(saleLineId);
    if (!left) return { ok: false, reason: 'unknownLine', saleLineId };
    if (quantity > left.quantity || quantity <= 0) return { ok: false, reason: 'exceeds', saleLineId, requested: quantity, remaining: left.quantity };
    const amountMinor = quantity === left.quantity ? left.amountMinor : divRoundHalfUp(left.amountMinor * quantity, left.quantity);
    lines.push({ saleLineId, quantity, amountMinor });
  }
  return { ok: true, lines, totalMinor: lines.reduce((s, l) => s + l.amountMinor, 0) };
}

/**
 * Splits a refund over the tenders the sale was paid with, in payment order, each capped by what
 * that tender brought in net (cash net of change) minus what earlier refunds already took from it.
 */
export function allocateRefund(amountMinor: number, paid: ReadonlyArray<{ tender: string; amountMinor: number }>, refunded: ReadonlyArray<{ tender: string; amountMinor: number }>): Array<{ tender: string; amountMinor: number }> {
  const available = new Map<string, number>();
  for (const p of paid) available.set(p.tender, (available.get(p.tender) ?? 0) + p.amountMinor);
  for (const r of refunded) available.set(r.tender, (available.get(r.tender) ?? 0) - r.amountMinor);
  const out: Array<{ tender: string; amountMinor: number }> = [];
  let left = amountMinor;
  for (const [tender, cap] of available) {
    if (left <= 0) break;
    const take = Math.min(left, Math.max(0, cap));
    if (take > 0) out.push({ tender, amountMinor: take });
    left -= take;
  }
  if (left > 0) throw new RangeError(`A refund of ${amountMinor} is more than the sale has left to refund.`);
  return out;
}

/**
 * What the customer paid for each line: the sale's total shared over the lines in proportion to
 * their amounts (cart discounts and receipt-level tax rounding included), the rounding remainder
 * going to the first lines, so that the shares add up to the total exactly.
 */
export function grossPerLine(totalMinor: number, lineAmounts: readonly number[]): number[] {
  const base = lineAmounts.reduce((s, a) => s + a, 0);
  if (base <= 0) return lineAmounts.map(() => 0);
  // BigInt: a total times a line amount can pass 2^53.
  const shares = lineAmounts.map((a) => Number((BigInt(totalMinor) * BigInt(a)) / BigInt(base)));
  let rest = totalMinor - shares.reduce((s, a) => s + a, 0);
  for (let i = 0; rest > 0 && lineAmounts.length > 0; i = (i + 1) % lineAmounts.length) {
    if (lineAmounts[i]! > 0) { shares[i] = shares[i]! + 1; rest -= 1; }
  }
  return shares;
}
