import { z } from 'zod';
import { Minor, minor } from '../money';
import { CartLine, CartTotals, Discount } from './cart';

/**
 * How a payment was made. `card`: an external card terminal approved it (the approval reference is
 * typed or read from its slip); `mobile`: mobile money (the transaction reference); `storeCredit`:
 * the store's credit ledger (a port in core/sale/store-credit.ts).
 */
export const Tender = z.enum(['cash', 'card', 'mobile', 'storeCredit']);
export type Tender = z.infer<typeof Tender>;

export const Payment = z.object({
  id: z.string(),
  tender: Tender,
  amountMinor: Minor,
  /** Approval code, mobile-money transaction id or credit account; null for cash. */
  reference: z.string().nullable().default(null),
});
export type Payment = z.infer<typeof Payment>;

const zero = minor(0);

export const Sale = z.object({
  id: z.string(),
  /** `<terminal code>-<install epoch>-<sequence>`: gap-free per terminal and epoch. */
  receiptNo: z.string(),
  createdAt: z.string(),
  lines: z.array(CartLine),
  totals: CartTotals,
  payments: z.array(Payment),
  tenderedMinor: Minor,
  /** Given back in cash: tendered − (total + cash rounding). */
  changeMinor: Minor,
  /** Cash rounding of the cash part (e.g. to 0.05): positive when the customer paid more. */
  cashRoundingMinor: Minor.default(zero),
  /** The cart discount as the cashier gave it (its amount is `totals.cartDiscountMinor`). */
  cartDiscount: Discount.nullable().default(null),
  /** Who rang the sale up (filled by the "People, cash and control" work). */
  cashierName: z.string().nullable().default(null),
  note: z.string().nullable().default(null),
});
export type Sale = z.infer<typeof Sale>;

export const SaleSummary = z.object({
  id: z.string(),
  receiptNo: z.string(),
  createdAt: z.string(),
  totalMinor: Minor,
  itemCount: z.number().int(),
});
export type SaleSummary = z.infer<typeof SaleSummary>;
