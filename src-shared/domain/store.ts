import { z } from 'zod';

/** The store this terminal sells for: drives locale, currency and time zone of every screen. */
export const StoreInfo = z.object({
  id: z.string(),
  name: z.string(),
  /** BCP 47 tag, e.g. `en-GB`, `fr-FR`: number and date formats. */
  locale: z.string(),
  /** ISO 4217 code, e.g. `EUR`. */
  currency: z.string().length(3),
  /** Digits of the minor unit (2 for EUR, 0 for JPY). */
  currencyDigits: z.number().int().min(0).max(3),
  /** IANA zone, e.g. `Europe/Paris`: receipts show the store's local time. */
  timeZone: z.string(),
  pricesIncludeTax: z.boolean(),
  address: z.string(),
});
export type StoreInfo = z.infer<typeof StoreInfo>;

export const TerminalInfo = z.object({
  id: z.string(),
  /** Short code printed on receipts, e.g. `T01`. */
  code: z.string(),
  name: z.string(),
  /** Increases when a terminal is reinstalled or restored: receipt numbers carry it. */
  installEpoch: z.number().int().positive(),
});
export type TerminalInfo = z.infer<typeof TerminalInfo>;
