import { z } from 'zod';
import { MAX_LINE_QUANTITY } from './cart-contract';
import { ReasonCode } from '../domain/settings';
import { ReturnDisposition, ReturnableSale, SaleReturn, SaleVoid } from '../domain/returns';
import { Minor } from '../money';
import { id } from './common';
import { OverrideToken } from './people-contract';

const common = {
  reasonCode: ReasonCode,
  note: z.string().trim().max(200).optional(),
  disposition: ReturnDisposition,
  overrideToken: OverrideToken.optional(),
};

/** Returns, refunds and voids (issue 4). They write stock movements and outbox facts like sales. */
export const returnsContract = {
  /**
   * Finds sales to return from: by receipt number, by the receipt's QR code (the sale id), or by
   * the store-local date and the total paid. Each with what is left to return per line.
   */
  'returns.findSale': {
    input: z.union([
      z.object({ receiptNo: z.string().trim().min(1).max(40) }).strict(),
      z.object({ saleId: id }).strict(),
      z.object({ date: z.iso.date(), totalMinor: Minor.refine((v) => v > 0, 'total must be positive') }).strict(),
    ]),
    output: z.array(ReturnableSale),
  },
  /**
   * Returns some or all lines of a sale (`refund`), never more than sold minus already returned
   * (`RETURN_EXCEEDS_SOLD`), refunded to the original tenders or as store credit; or goods
   * without a receipt (`refund.noReceipt`) refunded in cash or store credit. Restock or write off.
   */
  'returns.create': {
    input: z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('receipt'), saleId: id, refundTo: z.enum(['original', 'storeCredit']),
        lines: z.array(z.object({ saleLineId: id, quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY) }).strict()).min(1).max(200),
        ...common,
      }).strict(),
      z.object({
        kind: z.literal('noReceipt'), refundTo: z.enum(['cash', 'storeCredit']),
        lines: z.array(z.object({
          productId: id, quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
          unitPriceMinor: Minor.refine((v) => v > 0 && v <= 100_000_00, 'price must be positive and at most 100,000.00'),
        }).strict()).min(1).max(50),
        ...common,
      }).strict(),
    ]),
    output: SaleReturn,
  },
  'returns.get': { input: z.object({ returnId: id }).strict(), output: SaleReturn },
  /** Voids a completed sale of the open shift that has no returns (`sale.void`): everything is given back. */
  'sale.void': { input: z.object({ saleId: id, reasonCode: ReasonCode, overrideToken: OverrideToken.optional() }).strict(), output: SaleVoid },
} as const;

