import { z } from 'zod';

/**
 * The `data` of each pulled `Change` (../../../src-shared/sync/protocol.ts) by `entity`, as this
 * terminal reads it: the entity's whole current state, camelCase, money in minor units. Unknown
 * entities are skipped (a newer server may send more); unknown fields are ignored.
 */
export const ProductData = z.object({
  id: z.string().min(1).max(100),
  sku: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  categoryId: z.string().max(100).nullish(),
  taxRateId: z.string().min(1).max(100),
  priceMinor: z.number().int().nonnegative(),
  active: z.boolean().default(true),
  /** The product's whole barcode set; absent = unchanged. */
  barcodes: z.array(z.string().min(1).max(64)).max(100).optional(),
  updatedAt: z.string().optional(),
});
export const TaxRateData = z.object({ id: z.string().min(1).max(100), name: z.string().max(200), rateBp: z.number().int().min(0).max(10_000) });
export const CategoryData = z.object({ id: z.string().min(1).max(100), name: z.string().max(200), sort: z.number().int().default(0) });
export const PersonData = z.object({
  id: z.string().min(1).max(100),
  name: z.string().max(200),
  /** The role's id at the centre (roles and permissions arrive as their own entity later). */
  roleId: z.string().min(1).max(100).optional(),
  role: z.string().min(1).max(40).optional(),
  /** The PIN's hash in the format of src-main/core/people/pin-hash.ts, when the centre sends one; never a PIN. */
  pinHash: z.string().default(''),
  active: z.boolean().default(true),
});
export const StoreData = z.object({
  id: z.string().min(1).max(100),
  name: z.string().max(200),
  locale: z.string().min(2).max(35),
  currency: z.string().length(3),
  currencyDigits: z.number().int().min(0).max(3),
  timeZone: z.string().min(1).max(64),
  pricesIncludeTax: z.boolean(),
  address: z.string().max(1000).default(''),
  receiptFooter: z.string().max(1000).default(''),
});
export const TerminalData = z.object({ id: z.string(), code: z.string().min(1).max(20).optional(), name: z.string().min(1).max(60).optional() });
/** A fact of another terminal of the store (`facts` stream), as it was pushed. */
export const FactData = z.object({
  eventId: z.string().optional(),
  type: z.string(),
  terminalId: z.string().optional(),
  payload: z.unknown(),
});
