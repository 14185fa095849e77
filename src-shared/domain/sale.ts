import { z } from 'zod';
import { Minor } from '../money';
import { CartLine, CartTotals } from './cart';

export const Tender = z.enum(['cash']);
export type Tender = z.infer<typeof Tender>;

export const Payment = z.object({
  id: z.string(),
  tender: Tender,
  amountMinor: Minor,
});
export type Payment = z.infer<typeof Payment>;

export const Sale = z.object({
  id: z.string(),
  /** `<terminal code>-<install epoch>-<sequence>`: gap-free per terminal and epoch. */
  receiptNo: z.string(),
  createdAt: z.string(),
  lines: z.array(CartLine),
  totals: CartTotals,
  payments: z.array(Payment),
  tenderedMinor: Minor,
  changeMinor: Minor,
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
