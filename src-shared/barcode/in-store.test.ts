import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidGtin } from './ean';
import { DEMO_IN_STORE_LAYOUTS, InStoreLayout, inStoreBaseCode, makeInStoreCode, readInStore } from './in-store';
import { priceCheckDigit } from './price-check';

const [price5, priceChecked, weight5] = DEMO_IN_STORE_LAYOUTS as [InStoreLayout, InStoreLayout, InStoreLayout];

describe('price/weight check digit (GS1 General Specifications §7.9.2–7.9.4)', () => {
  it('gives the specification worked examples', () => {
    // Four digits, factors 2- 2- 3 5-: 4 + 5 + 1 + 3 = 13, × 3 = 39 → 9.
    expect(priceCheckDigit('2875')).toBe(9);
    // Five digits, factors 5+ 2- 5- 5+ 2-: 5 + 8 + 7 + 4 + 9 = 33; 10 − 3 = 7; the digit whose 5- is 7 is 6.
    expect(priceCheckDigit('14685')).toBe(6);
    expect(priceCheckDigit('0000')).toBe(0);
    expect(priceCheckDigit('00000')).toBe(0);
    expect(() => priceCheckDigit('123')).toThrow(RangeError);
  });

  it('detects any single changed digit of a 4 or 5 digit field', () => {
    const field = fc.integer({ min: 4, max: 5 }).chain((n) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }));
    fc.assert(fc.property(field, fc.nat(), fc.integer({ min: 1, max: 9 }), (d, at, delta) => {
      const i = at % d.length;
      const changed = d.map((x, j) => (j === i ? (x + delta) % 10 : x));
      expect(priceCheckDigit(changed.join(''))).not.toBe(priceCheckDigit(d.join('')));
    }), { numRuns: 500 });
  });
});

describe('in-store layouts', () => {
  it('refuses a layout that does not add up to 13 digits or uses a non-RCN prefix', () => {
    expect(InStoreLayout.safeParse({ ...price5, itemDigits: 4 }).success).toBe(false);
    expect(InStoreLayout.safeParse({ ...price5, prefixes: ['50'] }).success).toBe(false);
    for (const layout of DEMO_IN_STORE_LAYOUTS) expect(InStoreLayout.parse(layout)).toEqual(layout);
  });

  it('reads price, weight and the price check digit back from built codes', () => {
    const code = makeInStoreCode('21', '12345', 250, price5);
    expect(code).toMatch(/^211234500250[0-9]$/);
    expect(isValidGtin(code)).toBe(true);
    expect(readInStore(code, price5)).toMatchObject({ itemCode: '12345', priceMinor: 250, weightGrams: null, valueCheckOk: true, baseCode: '2112345000008' });

    const checked = makeInStoreCode('23', '1234', 14685, priceChecked);
    expect(checked.slice(0, 12)).toBe('231234614685');
    expect(readInStore(checked, priceChecked)).toMatchObject({ itemCode: '1234', priceMinor: 14685, valueCheckOk: true });
    // Same EAN check digit, wrong price check digit: caught.
    const forged = `2312347146850`;
    expect(readInStore(forged, priceChecked).valueCheckOk).toBe(false);

    const weighed = makeInStoreCode('28', '00042', 1234, weight5);
    expect(readInStore(weighed, weight5)).toMatchObject({ itemCode: '00042', priceMinor: null, weightGrams: 1234 });
    expect(inStoreBaseCode('28', '00042', weight5)).toBe(readInStore(weighed, weight5).baseCode);
  });

  it('refuses values and item codes that do not fit', () => {
    expect(() => makeInStoreCode('21', '1234', 1, price5)).toThrow(RangeError);
    expect(() => makeInStoreCode('21', '12345', 100_000, price5)).toThrow(RangeError);
    expect(() => makeInStoreCode('21', '12345', 1.5, price5)).toThrow(RangeError);
  });
});
