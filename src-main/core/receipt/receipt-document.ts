import type { Sale } from '../../../src-shared/domain/sale';
import type { StoreInfo, TerminalInfo } from '../../../src-shared/domain/store';
import type { Discount } from '../../../src-shared/domain/cart';
import { dateTimeFormat, numberFormat } from '../../../src-shared/i18n/intl-cache';
import { createMoneyFormatter } from '../../../src-shared/i18n/money-format';
import type { MessageKey } from '../../../src-shared/i18n/en';
import { languageForLocale, translate, translatePlural, type MessageParams } from '../../../src-shared/i18n/translate';

/**
 * One receipt as a receiptline document (https://github.com/receiptline/receiptline, "Grammar"):
 * the same text becomes ESC/POS bytes for the printer and SVG for the screen (render-receipt.ts).
 * Labels come from the i18n catalogs in the store's language; numbers, money and dates follow the
 * store's locale, currency and time zone. Each line shows its amount before its own discount, the
 * discount below it, then the cart discount, tax, tenders with their references and the change.
 */
export interface ReceiptOptions {
  /** A reprint: "COPY" at the top and the bottom, so it cannot pass for the original. */
  readonly copy: boolean;
  /** Characters per line of the paper (42 on 80 mm paper with font A at 12 dots, 32 on 58 mm). */
  readonly width?: number;
  readonly cashierName?: string;
  /** The store's own closing words (the `receipt_footer` column); "Thank you" when empty. */
  readonly footer?: string;
}

export const DEFAULT_RECEIPT_WIDTH = 42;
/** Longest product name printed; longer names are cut with "..." so one line cannot fill a page. */
export const MAX_NAME_CHARS = 80;

export function receiptDocument(sale: Sale, store: StoreInfo, terminal: TerminalInfo, options: ReceiptOptions): string {
  const width = options.width ?? DEFAULT_RECEIPT_WIDTH;
  // receiptline's own range for characters per line (README, "URL query string": c = 24-96).
  if (!Number.isInteger(width) || width < 24 || width > 96) throw new RangeError(`Receipt width must be 24 to 96 characters, got ${width}.`);
  // Labels in the store's language (the receipt is the store's document, whatever the UI shows).
  const language = languageForLocale(store.locale);
  const tr = (key: MessageKey, params?: MessageParams) => translate(language, key, params);
  const t = (key: MessageKey, params?: MessageParams) => escapeText(tr(key, params));
  const formatMoney = createMoneyFormatter(store);
  const money = (minorUnits: number) => escapeText(formatMoney(minorUnits));
  const amountWidth = Math.min(14, Math.max(10, Math.floor(width / 3)));
  const out: string[] = [];

  if (options.copy) out.push(...copyBanner(t('receipt.doc.copy')));
  out.push(`^^^${escapeText(store.name)}`);
  for (const line of store.address.split(/\r\n|\r|\n/)) {
    if (line.trim() !== '') out.push(escapeText(line));
  }
  out.push('');
  out.push(row(t('receipt.doc.receiptNo', { receiptNo: sale.receiptNo }), t('receipt.doc.till', { code: terminal.code })));
  out.push(`|${escapeText(formatDateTime(sale.createdAt, store))}`);
  const cashier = options.cashierName ?? sale.cashierName;
  if (cashier) out.push(`|${t('receipt.doc.servedBy', { name: cashier })}`);
  out.push('---');

  // From here on: a wide description column and a fixed amount column, so amounts line up.
  out.push(`{width:*,${amountWidth}}`);
  const nameWidth = width - amountWidth - 1; // one space of border between the columns
  // Indented detail under a line (quantity, weight, reference, note), wrapped at word boundaries.
  const detail = (raw: string) => out.push(`|~~${wrapWords(raw, nameWidth - 2).map(escapeText).join('\\n~~')} |`);
  for (const line of sale.lines) {
    const name = wrapWords(truncate(line.name, MAX_NAME_CHARS), nameWidth).map(escapeText).join('\\n');
    out.push(row(name, money(line.lineTotalMinor + line.discountMinor)));
    if (line.weightGrams !== null) {
      detail(tr('receipt.doc.weighed', { weight: formatWeight(line.weightGrams, store.locale), price: formatMoney(line.unitPriceMinor) }));
    } else if (line.quantity !== 1) detail(`${line.quantity} x ${formatMoney(line.unitPriceMinor)}`);
    if (line.catalogPriceMinor !== null) detail(tr('receipt.doc.priceChanged', { price: formatMoney(line.catalogPriceMinor) }));
    if (line.discountMinor > 0) out.push(row(`~~${t('receipt.doc.lineDiscount', { what: discountLabel(line.discount, store.locale) })}`, money(-line.discountMinor)));
    if (line.note) detail(tr('receipt.doc.note', { note: truncate(line.note, MAX_NAME_CHARS) }));
  }
  out.push('---');
  const { totals } = sale;
  out.push(row(escapeText(translatePlural(language, 'receipt.doc.items', totals.itemCount)), money(totals.subtotalMinor)));
  if (totals.cartDiscountMinor > 0) {
    out.push(row(`~~${t('receipt.doc.cartDiscount', { what: discountLabel(sale.cartDiscount, store.locale) })}`, money(-totals.cartDiscountMinor)));
  }
  // The discounts in total, unless that would only repeat the sale discount just above.
  if (totals.discountMinor > totals.cartDiscountMinor) out.push(row(t('receipt.doc.discounts'), money(-totals.discountMinor)));
  if (totals.exemptTaxMinor > 0) out.push(row(t('receipt.doc.exemptTax'), money(-totals.exemptTaxMinor)));
  // Tax-exclusive prices: the tax is what takes the subtotal to the total, so it shows here too.
  if (!store.pricesIncludeTax) out.push(row(t('receipt.doc.tax'), money(totals.taxMinor)));
  // Double height, not double width: a wide amount would wrap in its column.
  out.push(row(`^^"${t('receipt.doc.total')}`, `^^"${money(totals.totalMinor)}`));
  if (sale.cashRoundingMinor !== 0) out.push(row(t('receipt.doc.cashRounding'), money(sale.cashRoundingMinor)));
  for (const payment of sale.payments) {
    out.push(row(t(`receipt.doc.tender.${payment.tender}`), money(payment.amountMinor)));
    if (payment.reference) detail(tr('receipt.doc.reference', { reference: payment.reference }));
  }
  out.push(row(t('receipt.doc.change'), money(sale.changeMinor)));
  out.push('{width:auto}');
  if (sale.note) out.push(`|${t('receipt.doc.note', { note: truncate(sale.note, MAX_NAME_CHARS) })}`);

  if (totals.taxes.length > 0) {
    out.push('');
    out.push(`{width:*,${amountWidth},${amountWidth}}`);
    out.push(`|${t('receipt.doc.taxRate')} |${right(t('receipt.doc.net'))}|${right(t('receipt.doc.taxAmount'))}|`);
    for (const tax of totals.taxes) {
      out.push(`|${escapeText(percent(tax.rateBp, store.locale))} |${right(money(tax.netMinor))}|${right(money(tax.taxMinor))}|`);
    }
    out.push('{width:auto}');
    out.push(`|${t(totals.taxExempt ? 'receipt.doc.taxExempt' : store.pricesIncludeTax ? 'receipt.doc.pricesIncludeTax' : 'receipt.doc.taxAdded')}`);
  }

  out.push('');
  out.push(`{code:${escapeProperty(sale.id)}; option:qrcode,4,m}`);
  out.push('');
  const footer = options.footer?.trim() ? escapeLines(options.footer) : [t('receipt.doc.thankYou')];
  out.push(...footer);
  if (options.copy) out.push(...copyBanner(t('receipt.doc.copy')));
  return `${out.join('\n')}\n`;
}

function escapeLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '').map(escapeText);
}

/** "10 %" for a percentage discount; nothing for an amount (the amount column says it). */
function discountLabel(discount: Discount | null, locale: string): string {
  return discount?.kind === 'percent' ? percent(discount.bp, locale) : '';
}

function formatWeight(grams: number, locale: string): string {
  return numberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(grams / 1000);
}

/**
 * Makes any string print literally: control characters (a newline would start a new receipt
 * line) become spaces, other spaces become no-break spaces, and every character with a meaning in receiptline text gets its
 * backslash ("Escape sequences in text"). `-` and `=` are escaped too, so a name made only of
 * dashes is not taken for a rule or a paper cut.
 */
export function escapeText(value: string): string {
  return withoutControls(value, ' ')
    // Intl writes U+202F (narrow no-break space) in "1 234,50 €"; printer code pages lack it
    // and receiptline prints "?", so every unusual space becomes U+00A0, which cp437/858/1252 have.
    .replace(/[^\S\n ]/gu, '\u00a0')
    .replace(/[\\|{}~_"^`=-]/g, (c) => `\\${c}`);
}

/** Escapes a property value ("Escape sequences in property values"): `\ | { } ;`. */
export function escapeProperty(value: string): string {
  return withoutControls(value, '').replace(/[\\|{};]/g, (c) => `\\${c}`);
}

/** C0 controls, DEL and the Unicode line separators, each replaced by `replacement`. */
function withoutControls(value: string, replacement: string): string {
  let out = '';
  for (const char of value) {
    const code = char.charCodeAt(0);
    out += code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029 ? replacement : char;
  }
  return out;
}

function formatDateTime(iso: string, store: StoreInfo): string {
  return dateTimeFormat(store.locale, { timeZone: store.timeZone, dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));
}

function percent(rateBp: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(rateBp / 10_000);
}

/** A left-aligned description and a right-aligned amount ("Alignment": the pipe attracts text). */
function row(left: string, rightText: string): string {
  return `|${left} | ${rightText}|`;
}

function right(text: string): string {
  return ` ${text}`;
}

function truncate(value: string, max: number): string {
  const chars = Array.from(value.trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 3).join('').trimEnd()}...`;
}

/**
 * Breaks at spaces so that words stay whole (receiptline itself breaks anywhere, "Ched|dar");
 * the pieces are joined with receiptline's manual line break `\n`. A word longer than the column
 * is left for receiptline to break.
 */
function wrapWords(text: string, columnWidth: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    if (current === '') current = word;
    else if (Array.from(`${current} ${word}`).length <= columnWidth) current = `${current} ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  lines.push(current);
  return lines;
}

function copyBanner(label: string): string[] {
  return [`"^^^${label}`, ''];
}
