import { z } from 'zod';
import { Minor } from '../money';

export const TaxRate = z.object({
  id: z.string(),
  name: z.string(),
  /** Rate in basis points: 2000 = 20 %, 550 = 5.5 %. */
  rateBp: z.number().int().min(0).max(10_000),
});
export type TaxRate = z.infer<typeof TaxRate>;

export const ProductSummary = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  priceMinor: Minor,
  taxRateBp: z.number().int(),
  barcode: z.string().nullable(),
  categoryName: z.string().nullable(),
  active: z.boolean(),
});
export type ProductSummary = z.infer<typeof ProductSummary>;
