import { z } from 'zod';
import { InStoreLayout } from '../barcode/in-store';

/**
 * Cash rounding of the part paid in cash, never of card or mobile payments:
 * - `nearest`: the Netherlands (Rijksoverheid, "afronden bij contante betaling": totals ending in
 *   1, 2, 6, 7 cents go down, 3, 4, 8, 9 go up to the nearest 0 or 5), Belgium (mandatory since
 *   1 Dec 2019, FPS Economy "Afronding van cashbetalingen": only the cash part is rounded, and
 *   amounts of 5 cents or less are not), Ireland (Central Bank of Ireland rounding, 2015).
 *   A tie (0.10 increment, amount ending in 5) goes up.
 * - `down`: Switzerland (5 Rappen): SECO says rounding up would ask more than the price shown
 *   (Preisbekanntgabeverordnung), so shops round down.
 * `incrementMinor` 1 means no rounding.
 */
export const CashRounding = z.object({
  incrementMinor: z.number().int().min(1).max(1000).default(1),
  mode: z.enum(['nearest', 'down']).default('nearest'),
}).strict();
export type CashRounding = z.infer<typeof CashRounding>;

/**
 * Per-store checkout settings, stored as JSON in the `setting` table under the key `checkout`
 * (migrations/0004) and parsed with this schema on load: a new setting needs a default here, not a
 * migration. Settings that fail to parse are logged and the defaults are used.
 */
export const StoreSettings = z.object({
  /** VAT per line (each line's tax rounded, then summed) or per receipt (one rounding per rate). */
  taxRounding: z.enum(['perReceipt', 'perLine']).default('perReceipt'),
  cashRounding: CashRounding.default({ incrementMinor: 1, mode: 'nearest' }),
  /** A line or cart discount above this share of the amount needs approval (`authorize`). 1000 = 10 %. */
  discountThresholdBp: z.number().int().min(0).max(10_000).default(1000),
  /** Quick-cash buttons: the notes the store takes, in minor units (amounts above the due are offered). */
  cashNotesMinor: z.array(z.number().int().positive()).max(12).default([500, 1000, 2000, 5000]),
  /** Tenders offered at this store. */
  tenders: z.array(z.enum(['cash', 'card', 'mobile', 'storeCredit'])).min(1).default(['cash', 'card', 'mobile', 'storeCredit']),
  quickKeys: z.object({
    /** Products per category when none are pinned. */
    perCategory: z.number().int().min(1).max(48).default(12),
    /** Pinned products per category id, in button order. */
    pinned: z.record(z.string(), z.array(z.string()).max(48)).default({}),
  }).strict().default({ perCategory: 12, pinned: {} }),
  receipt: z.object({
    /** Characters per line of the on-screen receipt (printers use their own device setting). */
    widthChars: z.number().int().min(24).max(96).default(42),
    codePage: z.enum(['multilingual', 'cp437', 'cp852', 'cp858', 'cp866', 'cp1252']).default('multilingual'),
  }).strict().default({ widthChars: 42, codePage: 'multilingual' }),
  /** GS1 in-store price/weight barcode layouts (prefixes 20–29) of this store. */
  inStoreLayouts: z.array(InStoreLayout).max(10).default([]),
}).strict();
export type StoreSettings = z.infer<typeof StoreSettings>;

export const DEFAULT_STORE_SETTINGS: StoreSettings = StoreSettings.parse({});
