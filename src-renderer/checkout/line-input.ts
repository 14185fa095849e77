import { MAX_LINE_QUANTITY } from '../../src-shared/contract/index';
import { parseMajorAmount } from '../../src-shared/i18n/index';
import type { MessageKey } from '../../src-shared/i18n/index';

/** A cashier's text understood, or the message that says why not (nothing is sent then). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; messageKey: MessageKey };

/** A quantity typed on the keypad: a whole number from 1 to MAX_LINE_QUANTITY. */
export function parseQuantity(text: string): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, messageKey: 'input.quantity.empty' };
  if (!/^\d+$/.test(trimmed)) return { ok: false, messageKey: 'input.quantity.invalid' };
  const digits = trimmed.replace(/^0+/, '');
  if (digits === '') return { ok: false, messageKey: 'input.quantity.zero' };
  // Compared as a digit count first, so a 30-digit typo never becomes an unsafe number.
  if (digits.length > String(MAX_LINE_QUANTITY).length || Number(digits) > MAX_LINE_QUANTITY) return { ok: false, messageKey: 'input.quantity.tooLarge' };
  return { ok: true, value: Number(digits) };
}

/** A percentage ("10", "12,5") as basis points (1250), more than 0 and at most 100 %. */
export function parsePercentBp(text: string, locale: string): Parsed<number> {
  const parsed = parseMajorAmount(text.replace(/%/g, ''), locale, 2);
  if (!parsed.ok) {
    if (parsed.reason === 'empty') return { ok: false, messageKey: 'input.percent.empty' };
    if (parsed.reason === 'too-many-decimals') return { ok: false, messageKey: 'input.percent.decimals' };
    if (parsed.reason === 'too-large') return { ok: false, messageKey: 'input.percent.over100' };
    return { ok: false, messageKey: 'input.percent.invalid' };
  }
  if (parsed.minor === 0) return { ok: false, messageKey: 'input.discount.zero' };
  if (parsed.minor > 10_000) return { ok: false, messageKey: 'input.percent.over100' };
  return { ok: true, value: parsed.minor };
}

/** An amount in major units ("1,50") as minor units, more than 0 and at most `maxMinor`. */
export function parseDiscountAmount(text: string, locale: string, digits: number, maxMinor: number): Parsed<number> {
  const parsed = parseMajorAmount(text, locale, digits);
  if (!parsed.ok) return { ok: false, messageKey: parsed.reason === 'empty' ? 'input.amount.empty' : `tender.invalid.${parsed.reason}` };
  if (parsed.minor === 0) return { ok: false, messageKey: 'input.discount.zero' };
  if (parsed.minor > maxMinor) return { ok: false, messageKey: 'input.discount.overAmount' };
  return { ok: true, value: parsed.minor };
}

/** A price in major units; 0 is allowed (a free item), a negative one never. */
export function parsePrice(text: string, locale: string, digits: number): Parsed<number> {
  const parsed = parseMajorAmount(text, locale, digits);
  if (!parsed.ok) return { ok: false, messageKey: parsed.reason === 'empty' ? 'input.amount.empty' : `tender.invalid.${parsed.reason}` };
  return { ok: true, value: parsed.minor };
}

/** A one-line note (the contract's rule: 1–200 printable characters). */
export function parseNote(text: string): Parsed<string> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, messageKey: 'input.note.empty' };
  if (trimmed.length > 200) return { ok: false, messageKey: 'input.note.tooLong' };
  if (/[\p{Cc}\u2028\u2029]/u.test(trimmed)) return { ok: false, messageKey: 'input.note.invalid' };
  return { ok: true, value: trimmed };
}
