import type { CartTotals, TaxBreakdownRow } from '../domain/cart';
import { divRoundHalfUp, minor } from '../money';

export interface PricedLineInput {
  quantity: number;
  unitPriceMinor: number;
  taxRateBp: number;
}

/** A line's amount as shown on the line: quantity × unit price, in minor units. */
export const lineTotal = (line: PricedLineInput): number => line.quantity * line.unitPriceMinor;

/**
 * Totals of a cart with tax computed per rate over the whole receipt (one rounding per rate, the
 * method most VAT authorities accept for retail receipts, e.g. HMRC VAT Notice 700 §17.5
 * https://www.gov.uk/guidance/vat-guide-notice-700). Tax-inclusive prices extract the tax from the
 * gross (gross × r / (1 + r)); tax-exclusive prices add it (net × r). Integer arithmetic only.
 * Discounts, per-line rounding and cash rounding arrive with the "Checkout in depth" issue.
 */
export function priceCart(lines: readonly PricedLineInput[], pricesIncludeTax: boolean): CartTotals {
  const byRate = new Map<number, number>();
  let subtotal = 0;
  let itemCount = 0;
  for (const line of lines) {
    const amount = lineTotal(line);
    subtotal += amount;
    itemCount += line.quantity;
    byRate.set(line.taxRateBp, (byRate.get(line.taxRateBp) ?? 0) + amount);
  }
  const taxes: TaxBreakdownRow[] = [...byRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rateBp, amount]) => {
      if (pricesIncludeTax) {
        const tax = divRoundHalfUp(amount * rateBp, 10_000 + rateBp);
        return { rateBp, netMinor: minor(amount - tax), taxMinor: minor(tax), grossMinor: minor(amount) };
      }
      const tax = divRoundHalfUp(amount * rateBp, 10_000);
      return { rateBp, netMinor: minor(amount), taxMinor: minor(tax), grossMinor: minor(amount + tax) };
    });
  const tax = taxes.reduce((sum, row) => sum + row.taxMinor, 0);
  return {
    itemCount,
    subtotalMinor: minor(subtotal),
    taxMinor: minor(tax),
    totalMinor: minor(pricesIncludeTax ? subtotal : subtotal + tax),
    taxes,
  };
}
