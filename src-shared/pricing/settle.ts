import type { Tender } from '../domain/sale';
import type { CashRounding } from '../domain/store-settings';

/**
 * Rounds a cash amount to the store's increment (store-settings.ts `CashRounding` cites the rules).
 * An amount at or below one increment is never rounded (Belgium: not for 5 cents or less), so a
 * positive amount never becomes free.
 */
export function roundCash(amountMinor: number, rule: CashRounding): number {
  const inc = rule.incrementMinor;
  if (inc <= 1 || amountMinor <= inc) return amountMinor;
  const remainder = amountMinor % inc;
  if (remainder === 0) return amountMinor;
  const down = amountMinor - remainder;
  if (rule.mode === 'down') return down;
  return remainder * 2 >= inc ? down + inc : down;
}

export interface TenderAmount {
  tender: Tender;
  amountMinor: number;
}

export type Settlement =
  | {
    ok: true;
    /** Σ payments. */
    tenderedMinor: number;
    /** What the cash part had to be (the rest after other tenders, rounded); null without cash. */
    cashDueMinor: number | null;
    /** cashDue − (total − other tenders): the rounding of the cash part, + when the customer pays more. */
    cashRoundingMinor: number;
    /** cash tendered − cash due. Only cash gives change. */
    changeMinor: number;
  }
  | { ok: false; code: 'TENDER_SHORT' | 'TENDER_OVER'; message: string; stillDueMinor: number };

/**
 * Checks a set of payments against a total. Card, mobile money and store credit are for exact
 * amounts and may not exceed what is left (no change from a card); cash pays the rest, rounded to
 * the store's increment (only the cash part is rounded), and may exceed it: the difference is
 * the change. A sale completes only when this says `ok`.
 */
export function settle(totalMinor: number, payments: readonly TenderAmount[], rule: CashRounding): Settlement {
  const other = payments.filter((p) => p.tender !== 'cash').reduce((sum, p) => sum + p.amountMinor, 0);
  const cash = payments.filter((p) => p.tender === 'cash').reduce((sum, p) => sum + p.amountMinor, 0);
  const hasCash = payments.some((p) => p.tender === 'cash');
  const tendered = other + cash;
  if (other > totalMinor) {
    return {
      ok: false, code: 'TENDER_OVER', stillDueMinor: 0,
      message: `Card, mobile and credit payments come to ${other}, more than the total ${totalMinor} (minor units): only cash can give change.`,
    };
  }
  const rest = totalMinor - other;
  if (!hasCash) {
    if (rest === 0) return { ok: true, tenderedMinor: tendered, cashDueMinor: null, cashRoundingMinor: 0, changeMinor: 0 };
    return { ok: false, code: 'TENDER_SHORT', stillDueMinor: rest, message: `${rest} (minor units) is still due; nothing was charged.` };
  }
  const cashDue = roundCash(rest, rule);
  if (cash < cashDue) {
    return { ok: false, code: 'TENDER_SHORT', stillDueMinor: cashDue - cash, message: `Cash ${cash} is less than the ${cashDue} due in cash (minor units); nothing was charged.` };
  }
  return { ok: true, tenderedMinor: tendered, cashDueMinor: cashDue, cashRoundingMinor: cashDue - rest, changeMinor: cash - cashDue };
}

/** What is left to pay after `paid`: exactly (card, mobile) and in cash (rounded). */
export function stillDue(totalMinor: number, paid: readonly TenderAmount[], rule: CashRounding): { exactMinor: number; cashMinor: number } {
  const other = paid.filter((p) => p.tender !== 'cash').reduce((sum, p) => sum + p.amountMinor, 0);
  const cash = paid.filter((p) => p.tender === 'cash').reduce((sum, p) => sum + p.amountMinor, 0);
  const exact = Math.max(0, totalMinor - other - cash);
  const rest = Math.max(0, totalMinor - other);
  return { exactMinor: exact, cashMinor: Math.max(0, roundCash(rest, rule) - cash) };
}

/**
 * Quick-cash buttons: the exact (rounded) cash due, then the next round amounts the store's notes
 * make (e.g. due 13.40 with notes 5, 10, 20, 50 → 13.40, 15, 20, 50), at most `max`.
 */
export function quickCashAmounts(cashDueMinor: number, notesMinor: readonly number[], max = 4): number[] {
  if (cashDueMinor <= 0) return [];
  const amounts = new Set<number>([cashDueMinor]);
  for (const note of [...notesMinor].sort((a, b) => a - b)) {
    const next = Math.ceil(cashDueMinor / note) * note;
    if (next > cashDueMinor) amounts.add(next);
  }
  return [...amounts].sort((a, b) => a - b).slice(0, max);
}
