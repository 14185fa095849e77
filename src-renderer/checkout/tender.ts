import { parseMajorAmount, type ParseAmountResult } from '../../src-shared/i18n/index';

/**
 * Banknotes of common currencies, in major units, for the quick-cash buttons. An unknown currency
 * falls back to the 5/10/20/50/100 pattern that most note series follow.
 */
const NOTES: Readonly<Record<string, readonly number[]>> = {
  EUR: [5, 10, 20, 50, 100, 200],
  GBP: [5, 10, 20, 50],
  USD: [1, 5, 10, 20, 50, 100],
  CHF: [10, 20, 50, 100, 200],
  JPY: [1000, 2000, 5000, 10000],
};
const DEFAULT_NOTES = [5, 10, 20, 50, 100];

/**
 * Amounts a customer is likely to hand over for `totalMinor`: for each note, the smallest multiple
 * of it that exceeds the total (12.30 → 15, 20, 50, 100), distinct, ascending, at most `max`.
 * Integers only.
 */
export function quickCashAmounts(totalMinor: number, currency: string, digits: number, max = 4): number[] {
  const scale = 10 ** digits;
  const amounts = new Set<number>();
  for (const note of NOTES[currency] ?? DEFAULT_NOTES) {
    const noteMinor = note * scale;
    let count = Math.floor(totalMinor / noteMinor);
    if (count * noteMinor <= totalMinor) count += 1;
    amounts.add(count * noteMinor);
  }
  return [...amounts].sort((a, b) => a - b).slice(0, max);
}

export interface TenderState {
  readonly parsed: ParseAmountResult;
  /** Change to give back, once the tendered amount covers the total. */
  readonly changeMinor: number | null;
  /** What is still missing, while the tendered amount is short. */
  readonly shortMinor: number | null;
  readonly canComplete: boolean;
}

/** Live view of the cash tender field: what was understood, the change or what is still due. */
export function tenderState(text: string, totalMinor: number, locale: string, digits: number): TenderState {
  const parsed = parseMajorAmount(text, locale, digits);
  if (!parsed.ok) return { parsed, changeMinor: null, shortMinor: null, canComplete: false };
  if (parsed.minor < totalMinor) return { parsed, changeMinor: null, shortMinor: totalMinor - parsed.minor, canComplete: false };
  return { parsed, changeMinor: parsed.minor - totalMinor, shortMinor: null, canComplete: parsed.minor > 0 };
}

/**
 * The receipt SVG as an image URL. An SVG shown through `<img>` cannot run script or fetch
 * anything (https://www.w3.org/TR/SVG2/conform.html#secure-static-mode), unlike inlined markup;
 * CSP allows `img-src data:` (src-main/security/content-security-policy.ts).
 */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
