import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceCart } from './price-cart';

describe('priceCart', () => {
  it('extracts VAT from tax-inclusive prices per rate (HMRC: VAT fraction 1/6 at 20 %)', () => {
    // 2 × 1.20 at 20 % and 1 × 2.10 at 5 %: VAT = 2.40/6 = 0.40 and 2.10/21 = 0.10.
    const totals = priceCart([
      { quantity: 2, unitPriceMinor: 120, taxRateBp: 2000 },
      { quantity: 1, unitPriceMinor: 210, taxRateBp: 500 },
    ], true);
    expect(totals.totalMinor).toBe(450);
    expect(totals.taxMinor).toBe(50);
    expect(totals.taxes).toEqual([
      { rateBp: 2000, netMinor: 200, taxMinor: 40, grossMinor: 240 },
      { rateBp: 500, netMinor: 200, taxMinor: 10, grossMinor: 210 },
    ]);
    expect(totals.itemCount).toBe(3);
  });

  it('adds tax to tax-exclusive prices, rounding half up once per rate', () => {
    const totals = priceCart([{ quantity: 1, unitPriceMinor: 1005, taxRateBp: 2000 }], false);
    expect(totals.taxMinor).toBe(201);
    expect(totals.totalMinor).toBe(1206);
  });

  it('keeps total = Σ gross per rate and gross = net + tax, to the minor unit', () => {
    const line = fc.record({
      quantity: fc.integer({ min: 1, max: 9999 }),
      unitPriceMinor: fc.integer({ min: 0, max: 1_000_000 }),
      taxRateBp: fc.constantFrom(0, 500, 550, 1000, 2000, 2100),
    });
    fc.assert(fc.property(fc.array(line, { maxLength: 40 }), fc.boolean(), (lines, inclusive) => {
      const totals = priceCart(lines, inclusive);
      const gross = totals.taxes.reduce((s, r) => s + r.grossMinor, 0);
      expect(gross).toBe(totals.totalMinor);
      for (const row of totals.taxes) {
        expect(row.netMinor + row.taxMinor).toBe(row.grossMinor);
        expect(row.taxMinor).toBeGreaterThanOrEqual(0);
      }
      expect(Number.isInteger(totals.totalMinor)).toBe(true);
    }));
  });
});
