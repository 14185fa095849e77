import { z } from 'zod';
import { Cart, ParkedCart } from '../domain/cart';
import { ProductSummary } from '../domain/catalog';
import { Tender } from '../domain/sale';
import { CashRounding } from '../domain/store-settings';
import { Minor } from '../money';
import { id, none } from './common';
import { MAX_PAYMENT_MINOR, PaymentInput } from './sale-contract';

/** A discount as the cashier types it: percent in basis points (1000 = 10 %) or an amount. */
export const DiscountInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('percent'),
    bp: z.number().int().min(1, 'a discount is at least 0.01 % (1 basis point)').max(10_000, 'a discount cannot be more than 100 %'),
  }).strict(),
  z.object({
    kind: z.literal('amount'),
    amountMinor: z.number().int().min(1, 'a discount amount must be positive').max(MAX_PAYMENT_MINOR),
  }).strict(),
]);
export type DiscountInput = z.infer<typeof DiscountInput>;

/** A note for a line or the sale: printable text, one line. */
const Note = z.string().trim().min(1).max(200).regex(/^[^\p{Cc}\u2028\u2029]+$/u, 'a note is one line of text without control characters');

export const QuickKeyCategory = z.object({ id: z.string(), name: z.string(), products: z.array(ProductSummary) });
export type QuickKeyCategory = z.infer<typeof QuickKeyCategory>;

/** What the checkout screens need to know about the store's rules (src-shared/domain/store-settings.ts). */
export const CheckoutSettings = z.object({
  pricesIncludeTax: z.boolean(),
  taxRounding: z.enum(['perReceipt', 'perLine']),
  cashRounding: CashRounding,
  /** Discounts above this share (basis points) need approval. */
  discountThresholdBp: z.number().int(),
  cashNotesMinor: z.array(z.number().int()),
  tenders: z.array(Tender),
  receiptWidthChars: z.number().int(),
});
export type CheckoutSettings = z.infer<typeof CheckoutSettings>;

export const checkoutContract = {
  /**
   * A line discount in percent or amount; `null` removes it. An amount larger than the line is
   * `DISCOUNT_TOO_LARGE`; above the store's threshold the permission hook decides
   * (`PERMISSION_REQUIRED` with what needs approval).
   */
  'cart.setLineDiscount': { input: z.object({ lineId: id, discount: DiscountInput.nullable() }).strict(), output: Cart },
  /** A discount on the whole sale, spread over the lines exactly (largest remainder); `null` removes it. */
  'cart.setCartDiscount': { input: z.object({ discount: DiscountInput.nullable() }).strict(), output: Cart },
  /**
   * Sells a line at another unit price (per kg for a weighed line); always asks the permission
   * hook. `null` restores the catalog price (no approval needed).
   */
  'cart.overridePrice': {
    input: z.object({ lineId: id, unitPriceMinor: z.number().int().min(0, 'a price cannot be negative').max(MAX_PAYMENT_MINOR).nullable() }).strict(),
    output: Cart,
  },
  /** A note on a line (`lineId`) or on the sale; `null` removes it. Printed on the receipt. */
  'cart.setNote': { input: z.object({ lineId: id.optional(), note: Note.nullable() }).strict(), output: Cart },
  /** A tax-exempt sale: no tax is charged (tax-inclusive prices lose the tax they contain). */
  'cart.setTaxExempt': { input: z.object({ taxExempt: z.boolean() }).strict(), output: Cart },
  /** Parks the current sale (it must have lines) with an optional note; returns the fresh empty cart. */
  'cart.park': { input: z.object({ note: Note.optional() }).strict(), output: Cart },
  /** Parked sales, newest first (at most 100). */
  'cart.listParked': { input: none, output: z.array(ParkedCart) },
  /** Makes a parked sale current again; `CART_NOT_EMPTY` while the current cart has lines (park or finish it first). */
  'cart.resume': { input: z.object({ parkedId: id }).strict(), output: Cart },
  /** Deletes a parked sale; the reason is required and recorded with its lines. */
  'cart.deleteParked': {
    input: z.object({ parkedId: id, reason: z.string().trim().min(3, 'say why, in a few words').max(200).regex(/^[^\p{Cc}]+$/u, 'one line of text') }).strict(),
    output: z.object({ deleted: z.string() }),
  },
  /** The quick-keys grid: categories with their products (the store's pinned ones, or the first N by name). */
  'catalog.quickKeys': {
    input: z.object({ perCategory: z.number().int().min(1).max(48).optional() }).strict(),
    output: z.object({ categories: z.array(QuickKeyCategory) }),
  },
  /** The store's checkout rules: tax mode, rounding, discount threshold, tenders, quick-cash notes. */
  'checkout.settings': { input: none, output: CheckoutSettings },
  /**
   * What is still due on the current cart after `payments` (the tender screen's split so far):
   * exactly (card, mobile) and in cash (rounded), with quick-cash amounts for the cash due.
   */
  'checkout.due': {
    input: z.object({ payments: z.array(PaymentInput).max(10).default([]) }).strict(),
    output: z.object({
      cartId: z.string(),
      totalMinor: Minor,
      paidMinor: Minor,
      exactMinor: Minor,
      cashMinor: Minor,
      quickCashMinor: z.array(Minor),
    }),
  },
} as const;
