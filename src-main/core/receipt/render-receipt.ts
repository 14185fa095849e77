import { transform, type Printer } from 'receiptline';

/**
 * Turns a receipt document (receipt-document.ts) into what the screen and the printer need.
 * receiptline 4 options: https://github.com/receiptline/receiptline#printer-configuration
 */
export interface RenderOptions {
  /** Characters per line, the same width the document was laid out for. */
  readonly width: number;
  /** receiptline code page; `multilingual` covers cp437/852/858/866/1252 (£, €, accents). */
  readonly encoding?: ReceiptEncoding;
}

export type ReceiptEncoding = NonNullable<Printer['encoding']>;

/**
 * The receipt as an SVG image for the on-screen preview and digital receipts.
 *
 * receiptline puts `<style><![CDATA[@import url("https://fonts.googleapis.com/…")]]></style>` in
 * every SVG (lib/receiptline.js, svg `close()`); a till is offline-first and its CSP allows no remote
 * fonts, so the import is removed. The `font-family` lists it writes already end in installed
 * families (`'Courier New', 'Courier', monospace`), which the image falls back to.
 */
export function renderReceiptSvg(doc: string, options: RenderOptions): string {
  const svg = transform(doc, {
    cpl: options.width,
    encoding: options.encoding ?? 'multilingual',
    spacing: true,
    command: 'svg',
  });
  return stripRemoteFonts(svg);
}

/** The receipt as ESC/POS bytes for a receipt printer (starts with `ESC @`, ends with a cut). */
export function renderReceiptEscPos(doc: string, options: RenderOptions): Buffer {
  const commands = transform(doc, {
    cpl: options.width,
    encoding: options.encoding ?? 'multilingual',
    spacing: true,
    cutting: true,
    command: 'escpos',
  });
  // receiptline returns the bytes as a "binary" string: one char per byte (0-255).
  return Buffer.from(commands, 'binary');
}

/**
 * Removes every way an SVG could fetch a remote resource through CSS: `<style>` elements that
 * import or reference URLs, stray `@import` rules, and `url(http…)` references. The `xmlns`
 * attribute is a namespace name, never fetched, and stays.
 */
export function stripRemoteFonts(svg: string): string {
  return svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, (element) => (/@import|url\s*\(/i.test(element) ? '' : element))
    .replace(/@import[^;>]*;?/gi, '')
    .replace(/url\s*\(\s*["']?\s*(?:https?:)?\/\/[^)]*\)/gi, 'none');
}
