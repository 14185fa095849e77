import { z } from 'zod';
import { Minor, minor } from '../money';

/**
 * A discount as the cashier gave it: a percentage (basis points, 1000 = 10 %) or an amount in
 * minor units. The amount it comes to is computed by `src-shared/pricing` and shown beside it.
 */
export const Discount = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), bp: z.number().int().min(1).max(10_000) }).strict(),
  z.object({ kind: z.literal('amount'), amountMinor: Minor }).strict(),
]);
export type Discount = z.infer<typeof Discount>;

const zero = minor(0);

/**
 * A line of a cart or a sale. Fields added after the first release carry defaults, so a sale
 * pushed by an older terminal (`sale.completed` facts) still parses.
 */
export const CartLine = z.object({
  id: z.string(),
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  /** Units; 1 for a weighed line (its amount comes from `weightGrams`). */
  quantity: z.number().int(),
  /** The price charged per unit (per kilogram for a weighed line), after any override. */
  unitPriceMinor: Minor,
  taxRateBp: z.number().int(),
  /** What the line comes to after its own discount (before its share of a cart discount). */
  lineTotalMinor: Minor,
  /** Grams of a weighed line (GS1 in-store weight barcode); null for a line sold by units. */
  weightGrams: z.number().int().positive().nullable().default(null),
  /** The catalog price when the price was overridden; null when it was not. */
  catalogPriceMinor: Minor.nullable().default(null),
  discount: Discount.nullable().default(null),
  /** What the line's own discount comes to. */
  discountMinor: Minor.default(zero),
  /** This line's share of the cart discount (largest-remainder allocation, see pricing/allocate.ts). */
  cartDiscountMinor: Minor.default(zero),
  note: z.string().nullable().default(null),
});
export type CartLine = z.infer<typeof CartLine>;

export const TaxBreakdownRow = z.object({
  rateBp: z.number().int(),
  /** Amount the tax applies to, excluding the tax. */
  netMinor: Minor,
  taxMinor: Minor,
  grossMinor: Minor,
});
export type TaxBreakdownRow = z.infer<typeof TaxBreakdownRow>;

export const CartTotals = z.object({
  itemCount: z.number().int(),
  /** Sum of the lines before any discount (tax-inclusive when the store prices so). */
  subtotalMinor: Minor,
  /** Line discounts plus the cart discount. */
  discountMinor: Minor.default(zero),
  /** Of which the cart discount. */
  cartDiscountMinor: Minor.default(zero),
  taxMinor: Minor,
  /**
   * subtotal − discounts (+ tax when prices exclude it) (− the tax a tax-exempt sale does not
   * charge when prices include it). What the customer owes before cash rounding.
   */
  totalMinor: Minor,
  taxes: z.array(TaxBreakdownRow),
  taxExempt: z.boolean().default(false),
  /** Tax-inclusive prices on a tax-exempt sale: the tax taken off the prices. */
  exemptTaxMinor: Minor.default(zero),
});
export type CartTotals = z.infer<typeof CartTotals>;

/** The sale in progress, held and persisted by main; the renderer only shows it. */
export const Cart = z.object({
  id: z.string(),
  lines: z.array(CartLine),
  totals: CartTotals,
  /** The line most recently added or changed, for highlighting. */
  lastLineId: z.string().nullable(),
  /** A discount on the whole cart, spread over the lines. */
  discount: Discount.nullable().default(null),
  taxExempt: z.boolean().default(false),
  note: z.string().nullable().default(null),
});
export type Cart = z.infer<typeof Cart>;

/** A sale put aside (`cart.park`), waiting to be resumed. */
export const ParkedCart = z.object({
  id: z.string(),
  parkedAt: z.string(),
  note: z.string().nullable(),
  lineCount: z.number().int(),
  itemCount: z.number().int(),
  totalMinor: Minor,
  /** The first few product names, to recognise the sale in a list. */
  preview: z.array(z.string()),
});
export type ParkedCart = z.infer<typeof ParkedCart>;
