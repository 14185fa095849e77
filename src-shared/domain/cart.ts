import { z } from 'zod';
import { Minor } from '../money';

export const CartLine = z.object({
  id: z.string(),
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  unitPriceMinor: Minor,
  taxRateBp: z.number().int(),
  lineTotalMinor: Minor,
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
  /** Sum of line totals as shown on the lines (tax-inclusive when the store prices so). */
  subtotalMinor: Minor,
  taxMinor: Minor,
  totalMinor: Minor,
  taxes: z.array(TaxBreakdownRow),
});
export type CartTotals = z.infer<typeof CartTotals>;

/** The sale in progress, held and persisted by main; the renderer only shows it. */
export const Cart = z.object({
  id: z.string(),
  lines: z.array(CartLine),
  totals: CartTotals,
  /** The line most recently added or changed, for highlighting. */
  lastLineId: z.string().nullable(),
});
export type Cart = z.infer<typeof Cart>;
