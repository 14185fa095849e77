import type { StoreInfo } from '../domain/store';
import { numberFormat } from './intl-cache';

/** What money formatting needs to know about a store. */
export type MoneyLocale = Pick<StoreInfo, 'locale' | 'currency' | 'currencyDigits'>;

/**
 * Formats integer minor units as the store's currency (`Intl.NumberFormat`, so `fr-FR` gets
 * "12,50 €" with its narrow no-break space and `en-GB` "£12.50"). The division by 10^digits is for
 * display only: it never feeds back into arithmetic, which stays in integers.
 */
export function createMoneyFormatter(store: MoneyLocale): (minor: number) => string {
  const format = numberFormat(store.locale, {
    style: 'currency',
    currency: store.currency,
    minimumFractionDigits: store.currencyDigits,
    maximumFractionDigits: store.currencyDigits,
  });
  const scale = 10 ** store.currencyDigits;
  return (minor) => format.format(minor / scale);
}

/** Formats an amount of minor units as a plain number in major units ("12,50" in fr-FR), for input fields. */
export function formatMajorPlain(minor: number, store: MoneyLocale): string {
  return numberFormat(store.locale, {
    minimumFractionDigits: store.currencyDigits,
    maximumFractionDigits: store.currencyDigits,
    useGrouping: false,
  }).format(minor / 10 ** store.currencyDigits);
}

/** The locale's decimal separator ("," for fr-FR, "." for en-GB), read from CLDR data through Intl. */
export function decimalSeparator(locale: string): string {
  return numberFormat(locale, {}).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
}

export type ParseAmountFailure = 'empty' | 'invalid' | 'negative' | 'too-many-decimals' | 'too-large';
export type ParseAmountResult = { ok: true; minor: number } | { ok: false; reason: ParseAmountFailure };

/** Largest amount a cashier may type: the `sale.complete` payment ceiling of the contract (in minor units). */
const MAX_AMOUNT_MINOR = 100_000_000_00;

/**
 * Parses what a cashier typed in major units ("12,50" in French, "12.5" in English) into integer
 * minor units, by string surgery only: "12,5" → "12" + "50" → 1250, never `12.5 * 100`
 * (which is 1250.0000000000002 for some inputs).
 *
 * Accepted decimal separators: the locale's own and ".", because the numeric keypad's decimal key
 * types "." on many French layouts. Grouping separators are never accepted, so "1,234" in English
 * is rejected rather than guessed; spaces are ignored.
 */
export function parseMajorAmount(text: string, locale: string, digits: number): ParseAmountResult {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return { ok: false, reason: 'empty' };
  if (/^[-\u2212]/.test(compact)) return { ok: false, reason: 'negative' };
  const separators = new Set(['.', decimalSeparator(locale)]);
  let integerPart = compact;
  let fractionPart = '';
  const sepIndex = [...compact].findIndex((char) => separators.has(char));
  if (sepIndex >= 0) {
    integerPart = compact.slice(0, sepIndex);
    fractionPart = compact.slice(sepIndex + 1);
  }
  if (!/^\d*$/.test(integerPart) || !/^\d*$/.test(fractionPart) || integerPart + fractionPart === '') {
    return { ok: false, reason: 'invalid' };
  }
  if (fractionPart.length > digits) return { ok: false, reason: 'too-many-decimals' };
  const integerDigits = integerPart.replace(/^0+/, '');
  // Checked on the digit count first so that Number() below always stays a safe integer.
  if (integerDigits.length > 12) return { ok: false, reason: 'too-large' };
  const minor = Number((integerDigits || '0') + fractionPart.padEnd(digits, '0'));
  return minor > MAX_AMOUNT_MINOR ? { ok: false, reason: 'too-large' } : { ok: true, minor };
}
