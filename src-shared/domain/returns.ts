import { z } from 'zod';
import { Minor } from '../money';
import { Sale } from './sale';

export const ReturnDisposition = z.enum(['restock', 'writeOff']);
export type ReturnDisposition = z.infer<typeof ReturnDisposition>;

/** `original`: back to the tenders the sale was paid with; `cash`: for a return without receipt. */
export const RefundTo = z.enum(['original', 'storeCredit', 'cash']);
export type RefundTo = z.infer<typeof RefundTo>;

export const RefundLine = z.object({ tender: z.string(), amountMinor: Minor });
export type RefundLine = z.infer<typeof RefundLine>;

export const ReturnableLine = z.object({
  saleLineId: z.string(),
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  soldQuantity: z.number().int(),
  returnedQuantity: z.number().int(),
  returnableQuantity: z.number().int(),
  /** What is left to refund for the line (what was paid for it minus earlier refunds). */
  remainingMinor: Minor,
});
export type ReturnableLine = z.infer<typeof ReturnableLine>;

export const ReturnableSale = z.object({
  sale: Sale,
  lines: z.array(ReturnableLine),
  voided: z.boolean(),
  /** Whether `sale.void` may apply: the sale is in the open shift, not voided, nothing returned. */
  voidable: z.boolean(),
  refundedMinor: Minor,
});
export type ReturnableSale = z.infer<typeof ReturnableSale>;

export const SaleReturn = z.object({
  id: z.string(),
  /** `<terminal>-<epoch>-R<sequence>`: gap-free per terminal. */
  returnNo: z.string(),
  saleId: z.string().nullable(),
  receiptNo: z.string().nullable(),
  createdAt: z.string(),
  reasonCode: z.string(),
  note: z.string().nullable(),
  disposition: ReturnDisposition,
  refundTo: RefundTo,
  lines: z.array(z.object({
    saleLineId: z.string().nullable(), productId: z.string(), sku: z.string(), name: z.string(), quantity: z.number().int(), amountMinor: Minor,
  })),
  totalMinor: Minor,
  refunds: z.array(RefundLine),
  storeCredit: z.object({ code: z.string(), amountMinor: Minor, balanceMinor: Minor }).nullable(),
  personId: z.string().nullable(),
  approverId: z.string().nullable(),
});
export type SaleReturn = z.infer<typeof SaleReturn>;

export const SaleVoid = z.object({
  saleId: z.string(),
  receiptNo: z.string(),
  voidedAt: z.string(),
  reasonCode: z.string(),
  refunds: z.array(RefundLine),
  personId: z.string().nullable(),
  approverId: z.string().nullable(),
});
export type SaleVoid = z.infer<typeof SaleVoid>;
