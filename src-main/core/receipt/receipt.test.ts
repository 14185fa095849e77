import { transform } from 'receiptline';
import { describe, expect, it } from 'vitest';
import type { CartLine } from '../../../src-shared/domain/cart';
import type { Sale } from '../../../src-shared/domain/sale';
import type { StoreInfo, TerminalInfo } from '../../../src-shared/domain/store';
import { minor } from '../../../src-shared/money';
import { escapeText, receiptDocument } from './receipt-document';
import { renderReceiptEscPos, renderReceiptSvg, stripRemoteFonts } from './render-receipt';

const store: StoreInfo = {
  id: 'store-1', name: 'Tillpoint Demo Market', locale: 'en-GB', currency: 'GBP', currencyDigits: 2,
  timeZone: 'Europe/London', pricesIncludeTax: true, address: '1 High Street\nLondon SW1A 1AA',
};
const terminal: TerminalInfo = { id: 'term-1', code: 'T01', name: 'Till 1', installEpoch: 1 };

function line(index: number, name: string, quantity: number, unitPriceMinor: number, taxRateBp: number): CartLine {
  return {
    id: `line-${index}`, productId: `p-${index}`, sku: `SKU-${index}`, name, quantity,
    unitPriceMinor: minor(unitPriceMinor), taxRateBp, lineTotalMinor: minor(quantity * unitPriceMinor),
    weightGrams: null, catalogPriceMinor: null, discount: null, discountMinor: minor(0), cartDiscountMinor: minor(0), note: null,
  };
}

/** Sums the lines into a sale the way a till would, tax-inclusive, per rate (exact integers). */
function saleOf(lines: CartLine[], receiptNo = 'T01-1-42'): Sale {
  const byRate = new Map<number, number>();
  for (const l of lines) byRate.set(l.taxRateBp, (byRate.get(l.taxRateBp) ?? 0) + l.lineTotalMinor);
  const taxes = [...byRate].map(([rateBp, gross]) => {
    const tax = Math.round((gross * rateBp) / (10_000 + rateBp));
    return { rateBp, netMinor: minor(gross - tax), taxMinor: minor(tax), grossMinor: minor(gross) };
  });
  const total = lines.reduce((sum, l) => sum + l.lineTotalMinor, 0);
  const tendered = Math.ceil(total / 1000) * 1000;
  return {
    id: '0192d5a0-0000-7000-8000-000000000042',
    receiptNo,
    createdAt: '2025-07-01T12:34:56.000Z', // 13:34:56 in London (BST)
    lines,
    totals: {
      itemCount: lines.reduce((sum, l) => sum + l.quantity, 0), subtotalMinor: minor(total),
      taxMinor: minor(taxes.reduce((sum, t) => sum + t.taxMinor, 0)), totalMinor: minor(total), taxes,
      discountMinor: minor(0), cartDiscountMinor: minor(0), taxExempt: false, exemptTaxMinor: minor(0),
    },
    payments: [{ id: 'pay-1', tender: 'cash', amountMinor: minor(tendered), reference: null }],
    tenderedMinor: minor(tendered),
    changeMinor: minor(tendered - total),
    cashRoundingMinor: minor(0), cartDiscount: null, cashierName: null, note: null,
  };
}

const threeLines = saleOf([
  line(1, 'Semi-Skimmed Milk 2 Pints', 2, 155, 500),
  line(2, 'Washing-Up Liquid 450ml', 1, 125, 2000),
  line(3, 'White Sliced Bread 800g', 1, 140, 500),
]);

/** The text an SVG shows: receiptline writes one `<tspan>` per character. */
function svgText(svg: string): string {
  return svg
    .replace(/<\/text>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
    .replace(/\u00a0/g, ' ');
}

const textOf = (doc: string, width = 42) => transform(doc, { cpl: width, encoding: 'multilingual', command: 'text' });
const svgHeight = (svg: string) => Number(/<svg[^>]*\bheight="(\d+)px"/.exec(svg)?.[1]);

describe('receipt document', () => {
  it('shows the receipt number, every product, the tax per rate and the total', () => {
    const doc = receiptDocument(threeLines, store, terminal, { copy: false, width: 42, cashierName: 'Casey Cashier' });
    const text = svgText(renderReceiptSvg(doc, { width: 42 }));
    expect(text).toContain('T01-1-42');
    for (const name of ['Semi-Skimmed Milk 2 Pints', 'Washing-Up Liquid 450ml', 'White Sliced Bread 800g']) expect(text).toContain(name);
    expect(text).toContain('£5.75'); // 2 × 1.55 + 1.25 + 1.40
    expect(text).toContain('2 x £1.55');
    expect(text).toContain('5%');
    expect(text).toContain('20%');
    expect(text).toMatch(/20%\s+£1\.04\s+£0\.21/); // £1.25 at 20 %: tax 20.8 → 21
    expect(text).toMatch(/5%\s+£4\.29\s+£0\.21/); // £4.50 at 5 %: tax 21.4 → 21
    expect(text).toContain('01/07/2025, 13:34:56'); // store time zone, not UTC
    expect(text).toContain('Casey Cashier');
    expect(text).toContain('Thank you');
    expect(text).toContain('1 High Street');
    expect(text).not.toContain('COPY');
  });

  it('prints a product name full of markup literally, with no extra columns or codes', () => {
    const evil = '|^^^{code:evil}~';
    const plain = saleOf([line(1, 'Plain', 1, 100, 2000)]);
    const nasty = saleOf([line(1, evil, 1, 100, 2000)]);
    const plainDoc = receiptDocument(plain, store, terminal, { copy: false });
    const nastyDoc = receiptDocument(nasty, store, terminal, { copy: false });
    expect(textOf(nastyDoc)).toContain(evil);
    // Same layout as a harmless name: no second QR code, no extra lines or columns.
    expect(svgHeight(renderReceiptSvg(nastyDoc, { width: 42 }))).toBe(svgHeight(renderReceiptSvg(plainDoc, { width: 42 })));
    expect(nastyDoc.match(/^\{code:/gm)).toHaveLength(1);
    expect(svgText(renderReceiptSvg(nastyDoc, { width: 42 }))).toContain(evil);
  });

  it('escapes every special character and neutralises line breaks in store strings', () => {
    const specials = 'a\\b|c{d}e~f_g"h^i`j-k=l';
    expect(textOf(`|${escapeText(specials)}`)).toContain(specials);
    expect(textOf(escapeText('---'))).toContain('---');
    expect(textOf(escapeText('---'))).not.toMatch(/-{42}/);
    const hostile: StoreInfo = { ...store, name: 'Shop\n{code:x; option:qrcode}', address: 'Road\r\n---\r\n=' };
    const doc = receiptDocument(threeLines, hostile, terminal, { copy: false, footer: 'Bye\n{code:y; option:qrcode}' });
    expect(doc.match(/^\{code:/gm)).toHaveLength(1);
    const rules = (d: string) => d.split('\n').filter((l) => /^(-+|=+)$/.test(l)).length;
    expect(rules(doc)).toBe(rules(receiptDocument(threeLines, store, terminal, { copy: false })));
    expect(svgText(renderReceiptSvg(doc, { width: 42 }))).toContain('{code:y; option:qrcode}');
  });

  it('adds the tax line for tax-exclusive prices, in the store currency, locale and language', () => {
    const paris: StoreInfo = { ...store, locale: 'fr-FR', currency: 'EUR', timeZone: 'Europe/Paris', pricesIncludeTax: false };
    const sale = saleOf([line(1, 'Baguette', 2, 100, 550)]);
    const exclusive: Sale = { ...sale, totals: { ...sale.totals, taxMinor: minor(11), totalMinor: minor(211) } };
    const text = textOf(receiptDocument(exclusive, paris, terminal, { copy: false }));
    // The receipt speaks the store's language: fr-FR → French labels from src-shared/i18n/fr.ts.
    expect(text).toMatch(/Sous-total \(2 articles\)\s+2,00\s€/);
    expect(text).toMatch(/TVA\s+0,11\s€/);
    expect(text).toContain('Espèces');
    expect(text).toContain('5,5\u00a0%');
    expect(text).toContain('01/07/2025 14:34:56'); // Paris is UTC+2 in July
    expect(() => receiptDocument(sale, store, terminal, { copy: false, width: 10 })).toThrow(RangeError);
    // "1 234,50 €" has a narrow no-break space that code page 437 lacks: it must not print as "?".
    const big = saleOf([line(1, 'Champagne', 1, 123_450, 2000)]);
    const bytes = renderReceiptEscPos(receiptDocument(big, paris, terminal, { copy: false }), { width: 42 });
    expect(bytes.includes(Buffer.from('1?234', 'latin1'))).toBe(false);
    // 0xFF is NBSP in cp437, after receiptline's code page switch `ESC t n` when it needs one.
    const printed = bytes.toString('latin1');
    const at = printed.indexOf('234,50');
    expect(printed[at - 1]).toBe('\u00ff');
    expect(printed.slice(at - 5, at - 1)).toContain('1');
  });

  it('marks a copy at the top and the bottom', () => {
    const doc = receiptDocument(threeLines, store, terminal, { copy: true });
    const text = textOf(doc).split('\n').map((l) => l.replace(/\s+/g, '')).filter((l) => l !== '');
    expect(text[0]).toContain('COPY');
    expect(text.at(-1)).toContain('COPY');
  });

  it('wraps long names at word boundaries within the receipt and cuts very long ones', () => {
    const long = 'Extra Mature Farmhouse Cheddar Cheese With Caramelised Onion Chutney Sharing Platter Family Size 1.2kg';
    const doc = receiptDocument(saleOf([line(1, long, 1, 899, 500)]), store, terminal, { copy: false, width: 32 });
    const lines = textOf(doc, 32).split('\n');
    for (const l of lines) expect(l.trimEnd().length).toBeLessThanOrEqual(32);
    expect(lines.join(' ')).toContain('£8.99');
    // Broken at spaces, never inside a word; cut with "..." at MAX_NAME_CHARS.
    for (const word of ['Farmhouse', 'Caramelised', 'Chutney', 'Sharing...']) expect(lines.some((l) => l.includes(word))).toBe(true);
    expect(lines.join(' ')).not.toContain('1.2kg');
  });
});

describe('receipt rendering', () => {
  it('never references a remote font or stylesheet in the SVG', () => {
    const raw = transform(receiptDocument(threeLines, store, terminal, { copy: false }), { cpl: 42, encoding: 'multilingual', command: 'svg' });
    expect(raw).toContain('@import'); // receiptline does emit one: the stripping below is needed
    const svg = renderReceiptSvg(receiptDocument(threeLines, store, terminal, { copy: false }), { width: 42 });
    expect(svg).not.toMatch(/@import|url\s*\(/i);
    const urls = svg.match(/https?:\/\/[^"'\s)]*/g) ?? [];
    expect(urls).toEqual(['http://www.w3.org/2000/svg']);
    expect(svg).toMatch(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toMatch(/font-family="[^"]*monospace"/);
  });

  it('strips imports and remote urls wherever they appear', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(//evil.example/x.css);</style>'
      + '<style>text{fill:url("https://evil.example/p")}</style><g style="@import \'http://x\'"></g></svg>';
    const cleaned = stripRemoteFonts(svg);
    expect(cleaned).not.toMatch(/@import|evil\.example|http:\/\/x/);
    expect(cleaned).toContain('xmlns="http://www.w3.org/2000/svg"');
  });

  it('renders a 200-line receipt, taller than a 3-line one', () => {
    const lines = Array.from({ length: 200 }, (_, i) => line(i, `Product number ${i}`, 1 + (i % 3), 99 + i, i % 2 ? 2000 : 500));
    const big = renderReceiptSvg(receiptDocument(saleOf(lines, 'T01-1-200'), store, terminal, { copy: false }), { width: 42 });
    const small = renderReceiptSvg(receiptDocument(threeLines, store, terminal, { copy: false }), { width: 42 });
    const text = svgText(big);
    expect(text).toContain('Product number 0');
    expect(text).toContain('Product number 199');
    expect(svgHeight(big)).toBeGreaterThan(svgHeight(small) + 200 * 24);
  });

  it('gives ESC/POS bytes that initialise the printer and carry the receipt number', () => {
    const bytes = renderReceiptEscPos(receiptDocument(threeLines, store, terminal, { copy: false }), { width: 42 });
    expect([...bytes.subarray(0, 2)]).toEqual([0x1b, 0x40]);
    expect(bytes.includes(Buffer.from('T01-1-42', 'ascii'))).toBe(true);
    expect(bytes.includes(Buffer.from('Semi-Skimmed Milk', 'ascii'))).toBe(true);
    // £ is 0x9C in code page 437, one byte: no UTF-8 leaked through.
    expect(bytes.includes(Buffer.from([0xc2, 0xa3]))).toBe(false);
  });
});

describe('receipt document: checkout in depth', () => {
  const discounted: Sale = (() => {
    const milk = { ...line(1, 'Semi-Skimmed Milk 2 Pints', 2, 155, 500), discount: { kind: 'percent' as const, bp: 1000 }, discountMinor: minor(31), lineTotalMinor: minor(279) };
    const cheese = { ...line(2, 'Cheddar', 1, 599, 0), weightGrams: 1234, lineTotalMinor: minor(739) };
    const cola = { ...line(3, 'Cola 2L', 1, 200, 2000), catalogPriceMinor: minor(225), note: 'dented can' };
    const base = saleOf([milk, cheese, cola]);
    return {
      ...base,
      totals: { ...base.totals, subtotalMinor: minor(310 + 739 + 200), discountMinor: minor(31 + 100), cartDiscountMinor: minor(100), totalMinor: minor(1118) },
      cartDiscount: { kind: 'amount' as const, amountMinor: minor(100) },
      payments: [
        { id: 'p1', tender: 'card' as const, amountMinor: minor(500), reference: 'AUTH 123456' },
        { id: 'p2', tender: 'mobile' as const, amountMinor: minor(300), reference: 'MM-77' },
        { id: 'p3', tender: 'cash' as const, amountMinor: minor(500), reference: null },
      ],
      tenderedMinor: minor(1300), cashRoundingMinor: minor(2), changeMinor: minor(180), cashierName: 'Casey Cashier',
    };
  })();

  it('shows line and sale discounts, weight, price change, notes, every tender with its reference, rounding and change', () => {
    const text = textOf(receiptDocument(discounted, store, terminal, { copy: false }));
    expect(text).toMatch(/Semi-Skimmed Milk 2 Pints\s+£3\.10/); // before its discount
    expect(text).toMatch(/Discount 10%\s+-£0\.31/);
    expect(text).toContain('1.234 kg x £5.99/kg');
    expect(text).toContain('Price changed, was £2.25');
    expect(text).toContain('Note: dented can');
    expect(text).toMatch(/Discount on the sale\s+-£1\.00/);
    expect(text).toMatch(/Discounts\s+-£1\.31/);
    expect(text).toMatch(/Subtotal \(4 items\)\s+£12\.49/);
    expect(text).toMatch(/TOTAL\s+£11\.18/);
    expect(text).toMatch(/Card\s+£5\.00/);
    expect(text).toContain('Ref. AUTH 123456');
    expect(text).toMatch(/Mobile money\s+£3\.00/);
    expect(text).toContain('Ref. MM-77');
    expect(text).toMatch(/Cash rounding\s+£0\.02/);
    expect(text).toMatch(/Change\s+£1\.80/);
    expect(text).toContain('Served by Casey Cashier');
  });

  it('says a tax-exempt sale charged no tax, and escapes references', () => {
    const exempt: Sale = { ...threeLines, totals: { ...threeLines.totals, taxExempt: true, taxMinor: minor(0), exemptTaxMinor: minor(42) } };
    expect(textOf(receiptDocument(exempt, store, terminal, { copy: false }))).toContain('Tax-exempt sale: no tax charged.');
    const hostile: Sale = { ...discounted, payments: [{ id: 'p', tender: 'card', amountMinor: minor(1118), reference: '{code:x; option:qrcode}' }] };
    const doc = receiptDocument(hostile, store, terminal, { copy: false });
    expect(doc.match(/^\{code:/gm)).toHaveLength(1);
    expect(textOf(doc).replace(/\s+/g, ' ')).toContain('Ref. {code:x; option:qrcode}');
  });
});
