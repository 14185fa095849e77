import type { CartTotals, Discount, TaxBreakdownRow } from '../domain/cart';
import { minor } from '../money';
import { allocateLargestRemainder, mulDivHalfUp } from './arithmetic';

export interface PricedLineInput {
  quantity: number;
  /** Per unit, or per kilogram when `weightGrams` is set. */
  unitPriceMinor: number;
  taxRateBp: number;
  weightGrams?: number | null;
  discount?: Discount | null;
}

export interface PricingOptions {
  /** Shelf prices include the tax (extracted) or exclude it (added on top). */
  pricesIncludeTax: boolean;
  /** One rounding per line, or one per rate over the whole receipt (the default). */
  taxRounding?: 'perLine' | 'perReceipt';
  /** No tax is charged: tax-inclusive prices are reduced by their tax, exclusive ones get none added. */
  taxExempt?: boolean;
  cartDiscount?: Discount | null;
}

export interface PricedLine {
  /** quantity × unit price (or weight × price per kg), before any discount. */
  grossMinor: number;
  /** The line's own discount. */
  discountMinor: number;
  /** gross − own discount: what the line shows. */
  lineTotalMinor: number;
  /** Its share of the cart discount. */
  cartDiscountMinor: number;
  /** lineTotal − cart share: what the line is sold for (tax-inclusive or not, as the store prices). */
  amountMinor: number;
}

export interface PricedCart {
  lines: PricedLine[];
  totals: CartTotals;
}

/** quantity × unit price, or grams × price per kilogram rounded half up to the minor unit. */
export function lineGross(line: Pick<PricedLineInput, 'quantity' | 'unitPriceMinor' | 'weightGrams'>): number {
  if (line.weightGrams != null) return mulDivHalfUp(line.unitPriceMinor, line.weightGrams, 1000);
  return line.quantity * line.unitPriceMinor;
}

/** What a discount comes to on `base`, never more than `base` (a discount never makes a line negative). */
export function discountAmount(discount: Discount | null | undefined, base: number): number {
  if (!discount || base <= 0) return 0;
  const amount = discount.kind === 'percent' ? mulDivHalfUp(base, discount.bp, 10_000) : discount.amountMinor;
  return Math.min(Math.max(amount, 0), base);
}

/** Tax contained in a tax-inclusive amount: amount × r / (1 + r) (HMRC's "VAT fraction", 1/6 at 20 %). */
export const taxIncluded = (amount: number, rateBp: number): number => mulDivHalfUp(amount, rateBp, 10_000 + rateBp);
/** Tax to add to a tax-exclusive amount: amount × r. */
export const taxOnTop = (amount: number, rateBp: number): number => mulDivHalfUp(amount, rateBp, 10_000);

/**
 * Prices a cart in integer minor units, in this order:
 * 1. each line's gross (quantity × price, or weight × price per kg) and its own discount;
 * 2. the cart discount, spread over the lines in proportion to what they come to, with the
 *    largest-remainder method so the shares add up to the discount exactly;
 * 3. tax per rate, either once per rate over the receipt or per line and then summed. HMRC VAT
 *    Notice 700 §17.5 allows both (line level or invoice level); §17.6 says a retailer must not
 *    round tax down but may round each calculation to the nearest penny, which `mulDivHalfUp` does
 *    (https://www.gov.uk/guidance/vat-guide-notice-700, section 17).
 * Cash rounding is not applied here: it concerns only the cash part of the payment (settle.ts).
 */
export function priceCart(inputs: readonly PricedLineInput[], options: PricingOptions): PricedCart {
  const perLine = options.taxRounding === 'perLine';
  const exempt = options.taxExempt === true;
  const lines: PricedLine[] = inputs.map((input) => {
    const grossMinor = lineGross(input);
    const discountMinor = discountAmount(input.discount, grossMinor);
    const lineTotalMinor = grossMinor - discountMinor;
    return { grossMinor, discountMinor, lineTotalMinor, cartDiscountMinor: 0, amountMinor: lineTotalMinor };
  });
  const afterLineDiscounts = lines.reduce((sum, line) => sum + line.lineTotalMinor, 0);
  const cartDiscount = discountAmount(options.cartDiscount, afterLineDiscounts);
  if (cartDiscount > 0) {
    const shares = allocateLargestRemainder(cartDiscount, lines.map((line) => line.lineTotalMinor));
    lines.forEach((line, i) => {
      line.cartDiscountMinor = shares[i]!;
      line.amountMinor = line.lineTotalMinor - shares[i]!;
    });
  }

  // Per rate: the amounts sold, and (per-line rounding) the tax of each line already rounded.
  const byRate = new Map<number, { amount: number; lineTax: number }>();
  inputs.forEach((input, i) => {
    const amount = lines[i]!.amountMinor;
    const row = byRate.get(input.taxRateBp) ?? { amount: 0, lineTax: 0 };
    row.amount += amount;
    if (perLine) row.lineTax += options.pricesIncludeTax ? taxIncluded(amount, input.taxRateBp) : taxOnTop(amount, input.taxRateBp);
    byRate.set(input.taxRateBp, row);
  });

  let exemptTax = 0;
  const taxes: TaxBreakdownRow[] = [...byRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rateBp, { amount, lineTax }]) => {
      const computed = perLine ? lineTax : options.pricesIncludeTax ? taxIncluded(amount, rateBp) : taxOnTop(amount, rateBp);
      if (exempt) {
        // Tax-exempt: nothing is charged; tax-inclusive prices lose the tax they contain.
        const net = options.pricesIncludeTax ? amount - computed : amount;
        if (options.pricesIncludeTax) exemptTax += computed;
        return { rateBp, netMinor: minor(net), taxMinor: minor(0), grossMinor: minor(net) };
      }
      if (options.pricesIncludeTax) return { rateBp, netMinor: minor(amount - computed), taxMinor: minor(computed), grossMinor: minor(amount) };
      return { rateBp, netMinor: minor(amount), taxMinor: minor(computed), grossMinor: minor(amount + computed) };
    });

  const tax = taxes.reduce((sum, row) => sum + row.taxMinor, 0);
  const subtotal = lines.reduce((sum, line) => sum + line.grossMinor, 0);
  const lineDiscounts = lines.reduce((sum, line) => sum + line.discountMinor, 0);
  const sold = afterLineDiscounts - cartDiscount;
  const total = options.pricesIncludeTax ? sold - exemptTax : sold + tax;
  return {
    lines,
    totals: {
      itemCount: inputs.reduce((sum, line) => sum + line.quantity, 0),
      subtotalMinor: minor(subtotal),
      discountMinor: minor(lineDiscounts + cartDiscount),
      cartDiscountMinor: minor(cartDiscount),
      taxMinor: minor(tax),
      totalMinor: minor(total),
      taxes,
      taxExempt: exempt,
      exemptTaxMinor: minor(exemptTax),
    },
  };
}
