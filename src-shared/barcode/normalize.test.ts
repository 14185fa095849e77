import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gtinCheckDigit } from './ean';
import { DEMO_IN_STORE_LAYOUTS, makeInStoreCode, type InStoreLayout } from './in-store';
import { NormalizedBarcode } from './normalized-barcode';
import { normalizeBarcode } from './normalize';

const layouts = DEMO_IN_STORE_LAYOUTS;
const [price5, priceChecked, weight5] = layouts as [InStoreLayout, InStoreLayout, InStoreLayout];
const digitString = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const validGtin = fc.constantFrom(8, 12, 13, 14).chain((n) => digitString(n - 1)).map((body) => body + String(gtinCheckDigit(body)));

describe('normalizeBarcode', () => {
  it('keeps EAN-13 and EAN-8 as they are and checks them', () => {
    expect(normalizeBarcode('4006381333931')).toMatchObject({ code: '4006381333931', format: 'ean-13', kind: 'gtin', valid: true, lookup: ['4006381333931'] });
    expect(normalizeBarcode('96385074')).toMatchObject({ code: '96385074', format: 'ean-8', valid: true });
    expect(normalizeBarcode('4006381333932')).toMatchObject({ valid: false, kind: 'gtin', problem: expect.stringMatching(/check digit/) });
  });

  it('turns UPC-A into EAN-13 with a leading 0 and tries both forms', () => {
    expect(normalizeBarcode('036000291452')).toMatchObject({ code: '0036000291452', format: 'upc-a', lookup: ['0036000291452', '036000291452'] });
    // The same product scanned by a scanner that sends UPC-A as EAN-13 finds the same code.
    expect(normalizeBarcode('0036000291452').code).toBe('0036000291452');
    expect(normalizeBarcode('036000291453').valid).toBe(false);
  });

  it('expands UPC-E, and tells EAN-8 from UPC-E by the AIM identifier', () => {
    expect(normalizeBarcode(']E004252614')).toMatchObject({ code: '0042100005264', format: 'upc-e', symbology: ']E0', lookup: ['0042100005264', '042100005264', '04252614'] });
    // Without an identifier an 8-digit code that is only a valid UPC-E is read as one.
    expect(normalizeBarcode('04252614')).toMatchObject({ format: 'upc-e', code: '0042100005264' });
    // Six digits with ]E0: UPC-E without number system and check digit.
    expect(normalizeBarcode(']E0425261').code).toBe('0042100005264');
    expect(normalizeBarcode(']E496385074')).toMatchObject({ code: '96385074', format: 'ean-8', symbology: ']E4' });
    expect(normalizeBarcode(']E496385075').valid).toBe(false);
  });

  it('reduces GTIN-14 with indicator 0 to EAN-13 and keeps case GTINs', () => {
    expect(normalizeBarcode('05012345000015')).toMatchObject({ code: '5012345000015', lookup: ['5012345000015', '05012345000015'] });
    expect(normalizeBarcode('10012345678902')).toMatchObject({ code: '10012345678902', format: 'gtin-14' });
  });

  it('reads the GTIN out of GS1 element strings (AI 01)', () => {
    expect(normalizeBarcode(']C10105012345000015\x1d10LOT42')).toMatchObject({ code: '5012345000015', symbology: ']C1', kind: 'gtin' });
    expect(normalizeBarcode(']d20110012345678902172612311042')).toMatchObject({ code: '10012345678902', format: 'gtin-14' });
    // No identifier: a long string whose AI (01) holds a valid GTIN.
    expect(normalizeBarcode('010501234500001510LOT42').code).toBe('5012345000015');
  });

  it('strips framing, the configured prefix and suffix, and Code 39 asterisks', () => {
    expect(normalizeBarcode('\x02#5012345000015!\r\n', { prefix: '#', suffix: '!' }).code).toBe('5012345000015');
    expect(normalizeBarcode('  5012345000015\t').code).toBe('5012345000015');
    // JumpMind #2108: "*000122521" kept its start character.
    expect(normalizeBarcode('*000122521')).toMatchObject({ code: '000122521', kind: 'other', format: 'text' });
    expect(normalizeBarcode(']A0*ABC-123*')).toMatchObject({ code: 'ABC-123', symbology: ']A0', kind: 'other' });
    // The transport's identifier is used when the data has none.
    expect(normalizeBarcode('96385074', { symbology: ']E4' }).format).toBe('ean-8');
  });

  it('drops the add-on of ]E3 codes', () => {
    const periodical = '977123456700' + String(gtinCheckDigit('977123456700'));
    expect(normalizeBarcode(`]E3${periodical}02`)).toMatchObject({ code: periodical, valid: true });
    expect(normalizeBarcode(`]E3${periodical}00512`).code).toBe(periodical);
  });

  it('reads in-store price and weight barcodes with the store layouts', () => {
    const priced = makeInStoreCode('21', '12345', 250, price5);
    expect(normalizeBarcode(priced, { inStoreLayouts: layouts })).toMatchObject({
      kind: 'gs1-price', format: 'in-store', valid: true, code: priced, lookup: ['2112345000008'],
      inStore: { itemCode: '12345', priceMinor: 250, weightGrams: null },
    });
    const weighed = makeInStoreCode('28', '00042', 1234, weight5);
    expect(normalizeBarcode(weighed, { inStoreLayouts: layouts })).toMatchObject({ kind: 'gs1-weight', inStore: { itemCode: '00042', weightGrams: 1234, priceMinor: null } });
    const checked = makeInStoreCode('23', '1234', 14685, priceChecked);
    expect(normalizeBarcode(checked, { inStoreLayouts: layouts }).inStore?.priceMinor).toBe(14685);
    // Right EAN check digit, wrong price check digit.
    const body = '231234714685';
    expect(normalizeBarcode(body + String(gtinCheckDigit(body)), { inStoreLayouts: layouts })).toMatchObject({ valid: false, kind: 'gs1-price', problem: expect.stringMatching(/price check digit/) });
    // A prefix without a layout is an ordinary (restricted) GTIN, and so is any 2x code without layouts.
    const fixed = makeInStoreCode('25', '12345', 250, price5);
    expect(normalizeBarcode(fixed, { inStoreLayouts: layouts })).toMatchObject({ kind: 'gtin', lookup: [fixed] });
    expect(normalizeBarcode(priced).kind).toBe('gtin');
  });

  it('reports empty input and keeps other symbologies as text, making control characters visible', () => {
    expect(normalizeBarcode('\r\n')).toMatchObject({ code: '', valid: false, lookup: [] });
    const qr = normalizeBarcode(']Q1https://example.org/x');
    expect(qr).toMatchObject({ kind: 'other', code: 'https://example.org/x', symbology: ']Q1' });
    expect(normalizeBarcode(']C1010501234500001510A\x1d21B\r').raw).toBe(']C1010501234500001510A<GS>21B<CR>');
  });

  it('every valid GTIN round-trips: valid, found under its own form, canonical form stable', () => {
    fc.assert(fc.property(validGtin, (code) => {
      const once = normalizeBarcode(code);
      expect(NormalizedBarcode.parse(once)).toEqual(once);
      expect(once.valid).toBe(true);
      expect(once.lookup).toContain(code);
      expect(normalizeBarcode(once.code).code).toBe(once.code);
    }), { numRuns: 1000 });
  });

  it('one changed digit is detected', () => {
    const sized = fc.constantFrom(8, 12, 13, 14).chain((n) => fc.tuple(digitString(n - 1), fc.nat(), fc.integer({ min: 1, max: 9 })));
    fc.assert(fc.property(sized, ([body, at, delta]) => {
      const code = body + String(gtinCheckDigit(body));
      const i = at % code.length;
      const changed = code.slice(0, i) + String((Number(code[i]) + delta) % 10) + code.slice(i + 1);
      // 8 digits could also be a UPC-E: the scanner's ]E4 says EAN-8, as real scanners report it.
      const result = normalizeBarcode(changed, { symbology: code.length === 8 ? ']E4' : null });
      expect(result.valid).toBe(false);
    }), { numRuns: 1000 });
  });
});
