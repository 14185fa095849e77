import { z } from 'zod';
import { Sale, SaleSummary } from '../domain/sale';
import { Minor } from '../money';
import { id } from './common';

/** The largest single payment a till accepts: 100,000,000.00 in a 2-digit currency. */
export const MAX_PAYMENT_MINOR = 100_000_000_00;

const paymentAmount = Minor.refine((v) => v > 0 && v <= MAX_PAYMENT_MINOR, 'amount must be positive and at most 100,000,000.00');
/** Card approval code, mobile-money transaction id, store-credit note number: printable, bounded. */
const reference = z.string().trim().min(1).max(64).regex(/^[\x20-\x7e]+$/, 'a reference holds printable characters only');

/**
 * One payment. Cash needs only its amount (the first release's shape, still accepted); card (an
 * external terminal approved it), mobile money and store credit need their reference.
 */
export const PaymentInput = z.discriminatedUnion('tender', [
  z.object({ tender: z.literal('cash'), amountMinor: paymentAmount }).strict(),
  z.object({ tender: z.literal('card'), amountMinor: paymentAmount, reference }).strict(),
  z.object({ tender: z.literal('mobile'), amountMinor: paymentAmount, reference }).strict(),
  z.object({ tender: z.literal('storeCredit'), amountMinor: paymentAmount, reference }).strict(),
]);
export type PaymentInput = z.infer<typeof PaymentInput>;

export const saleContract = {
  /**
   * Takes payment and completes the sale in one durable transaction: sale, lines, payments, stock
   * movements and the outbox event commit together, with the next gap-free receipt number.
   * `cartId` must be the cart the cashier saw (`CART_CHANGED` otherwise); completing the same
   * cart again returns the sale already made, so a double click or a resend never sells twice.
   * Split tender over any mix: card, mobile and credit pay exact amounts (`TENDER_OVER` if they
   * exceed what is due); cash pays the rest, rounded to the store's cash increment, and gives the
   * change. `TENDER_SHORT` when the payments do not cover the total; `TENDER_REFUSED` for a tender
   * the store does not take (store credit until a ledger is plugged in).
   */
  'sale.complete': {
    input: z.object({
      cartId: id,
      payments: z.array(PaymentInput).min(1).max(10),
    }).strict(),
    output: Sale,
  },
  /** One completed sale, by id or by receipt number. */
  'sale.get': {
    input: z.union([z.object({ saleId: id }).strict(), z.object({ receiptNo: z.string().min(1).max(40) }).strict()]),
    output: Sale,
  },
  /** The most recent sales of this terminal, newest first. */
  'sale.listRecent': {
    input: z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict(),
    output: z.array(SaleSummary),
  },
  /** The receipt of a sale as SVG for the on-screen preview (receiptline). */
  'receipt.preview': {
    input: z.object({ saleId: id, copy: z.boolean().default(false) }).strict(),
    output: z.object({ svg: z.string(), receiptNo: z.string() }),
  },
} as const;
