import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Discount } from '../domain/cart';
import { minor } from '../money';
import { allocateLargestRemainder } from './arithmetic';
import { priceCart, type PricedLineInput } from './price-cart';

const inclusive = { pricesIncludeTax: true } as const;
const exclusive = { pricesIncludeTax: false } as const;

describe('tax, with worked examples from HMRC', () => {
  // HMRC, "Calculating VAT for VAT-inclusive and VAT-exclusive prices"
  // (http://www.hmrc.gov.uk/vat/forms-rates/rates/calculating.htm): £100 excluding VAT at 20 % → VAT
  // £20, £120 including; at 5 % → £5, £105. The VAT in a VAT-inclusive price is its "VAT fraction":
  // 1/6 at 20 % (£120 × 1/6 = £20), 1/21 at 5 %.
  it('adds 20 % and 5 % to tax-exclusive prices (£100 → £20 and £5)', () => {
    const { totals } = priceCart([
      { quantity: 1, unitPriceMinor: 100_00, taxRateBp: 2000 },
      { quantity: 1, unitPriceMinor: 100_00, taxRateBp: 500 },
    ], exclusive);
    expect(totals.taxes).toEqual([
      { rateBp: 2000, netMinor: 100_00, taxMinor: 20_00, grossMinor: 120_00 },
      { rateBp: 500, netMinor: 100_00, taxMinor: 5_00, grossMinor: 105_00 },
    ]);
    expect(totals.totalMinor).toBe(225_00);
  });

  it('extracts the VAT fraction from tax-inclusive prices (£120 × 1/6 = £20; £2.10 × 1/21 = £0.10)', () => {
    const { totals } = priceCart([
      { quantity: 1, unitPriceMinor: 120_00, taxRateBp: 2000 },
      { quantity: 1, unitPriceMinor: 210, taxRateBp: 500 },
    ], inclusive);
    expect(totals.taxes).toEqual([
      { rateBp: 2000, netMinor: 100_00, taxMinor: 20_00, grossMinor: 120_00 },
      { rateBp: 500, netMinor: 200, taxMinor: 10, grossMinor: 210 },
    ]);
    expect(totals.totalMinor).toBe(122_10);
    expect(totals.taxMinor).toBe(20_10);
  });

  // VAT Notice 700 §17.5 (https://www.gov.uk/guidance/vat-guide-notice-700#section17): VAT may be
  // worked out per line or on the invoice total; §17.6: a retailer must not round down, but may
  // round each calculation to the nearest penny. Three items at £0.99 including 20 % VAT:
  // per line 0.99/6 = 0.165 → 0.17 each, 0.51 in all; per receipt 2.97/6 = 0.495 → 0.50.
  it('rounds per line or per receipt, as the store chooses (Notice 700 §17.5, §17.6)', () => {
    const lines: PricedLineInput[] = [0, 1, 2].map(() => ({ quantity: 1, unitPriceMinor: 99, taxRateBp: 2000 }));
    expect(priceCart(lines, { ...inclusive, taxRounding: 'perLine' }).totals.taxMinor).toBe(51);
    expect(priceCart(lines, { ...inclusive, taxRounding: 'perReceipt' }).totals.taxMinor).toBe(50);
    // The customer pays the shelf prices either way.
    expect(priceCart(lines, { ...inclusive, taxRounding: 'perLine' }).totals.totalMinor).toBe(297);
    // Tax-exclusive: 3 × £0.99 + 20 %: per line 19.8 → 20 each (60), per receipt 59.4 → 59.
    expect(priceCart(lines, { ...exclusive, taxRounding: 'perLine' }).totals).toMatchObject({ taxMinor: 60, totalMinor: 357 });
    expect(priceCart(lines, { ...exclusive, taxRounding: 'perReceipt' }).totals).toMatchObject({ taxMinor: 59, totalMinor: 356 });
  });

  it('charges no tax on a tax-exempt sale: inclusive prices lose their VAT fraction', () => {
    const lines: PricedLineInput[] = [{ quantity: 1, unitPriceMinor: 120_00, taxRateBp: 2000 }, { quantity: 2, unitPriceMinor: 105, taxRateBp: 500 }];
    const inc = priceCart(lines, { ...inclusive, taxExempt: true }).totals;
    expect(inc).toMatchObject({ taxMinor: 0, exemptTaxMinor: 20_10, totalMinor: 100_00 + 200, taxExempt: true });
    const exc = priceCart(lines, { ...exclusive, taxExempt: true }).totals;
    expect(exc).toMatchObject({ taxMinor: 0, exemptTaxMinor: 0, totalMinor: 120_00 + 210 });
  });
});

describe('discounts', () => {
  it('takes a line discount in percent or amount, never more than the line', () => {
    const { lines, totals } = priceCart([
      { quantity: 2, unitPriceMinor: 155, taxRateBp: 500, discount: { kind: 'percent', bp: 1000 } },
      { quantity: 1, unitPriceMinor: 125, taxRateBp: 2000, discount: { kind: 'amount', amountMinor: minor(500) } },
    ], inclusive);
    expect(lines.map((l) => [l.grossMinor, l.discountMinor, l.lineTotalMinor])).toEqual([[310, 31, 279], [125, 125, 0]]);
    expect(totals).toMatchObject({ subtotalMinor: 435, discountMinor: 156, totalMinor: 279 });
  });

  it('spreads a cart discount over the lines exactly (largest remainder)', () => {
    // 1.00 off three lines of 1.00: 34 + 33 + 33, not 33 × 3 = 99.
    const { lines, totals } = priceCart(
      [0, 1, 2].map(() => ({ quantity: 1, unitPriceMinor: 100, taxRateBp: 2000 })),
      { ...inclusive, cartDiscount: { kind: 'amount', amountMinor: minor(100) } },
    );
    expect(lines.map((l) => l.cartDiscountMinor)).toEqual([34, 33, 33]);
    expect(totals).toMatchObject({ cartDiscountMinor: 100, discountMinor: 100, totalMinor: 200 });
    expect(allocateLargestRemainder(10, [1, 1, 1, 0])).toEqual([4, 3, 3, 0]);
    expect(allocateLargestRemainder(7, [5, 3])).toEqual([4, 3]); // 4.375 + 2.625: the larger remainder (.625) gets the unit
  });

  it('applies the discount before tax: the tax follows the discounted amount', () => {
    const { totals } = priceCart([{ quantity: 1, unitPriceMinor: 100_00, taxRateBp: 2000 }], { ...exclusive, cartDiscount: { kind: 'percent', bp: 1000 } });
    expect(totals).toMatchObject({ discountMinor: 10_00, taxMinor: 18_00, totalMinor: 108_00 });
  });

  it('prices a weighed line: grams × price per kg, half a penny up', () => {
    const { lines } = priceCart([{ quantity: 1, unitPriceMinor: 599, taxRateBp: 0, weightGrams: 1234 }], inclusive);
    expect(lines[0]!.grossMinor).toBe(739); // 5.99 × 1.234 = 7.39166
  });
});

const discountArb: fc.Arbitrary<Discount | null> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 1, max: 10_000 }).map((bp) => ({ kind: 'percent' as const, bp })),
  fc.integer({ min: 0, max: 2_000_000 }).map((amount) => ({ kind: 'amount' as const, amountMinor: minor(amount) })),
);
const lineArb = fc.record({
  quantity: fc.integer({ min: 1, max: 9999 }),
  unitPriceMinor: fc.integer({ min: 0, max: 1_000_000 }),
  taxRateBp: fc.constantFrom(0, 500, 550, 1000, 2000, 2100),
  weightGrams: fc.option(fc.integer({ min: 1, max: 99_999 }), { nil: null }),
  discount: discountArb,
});
const optionsArb = fc.record({
  pricesIncludeTax: fc.boolean(),
  taxRounding: fc.constantFrom('perLine' as const, 'perReceipt' as const),
  taxExempt: fc.boolean(),
  cartDiscount: discountArb,
});

describe('pricing properties', () => {
  it('total = Σ lines − discounts (+ exclusive tax) (− exempted tax), to the minor unit', () => {
    fc.assert(fc.property(fc.array(lineArb, { maxLength: 40 }), optionsArb, (inputs, options) => {
      const { lines, totals } = priceCart(inputs, options);
      const gross = lines.reduce((s, l) => s + l.grossMinor, 0);
      const expected = gross - totals.discountMinor + (options.pricesIncludeTax ? 0 : totals.taxMinor) - totals.exemptTaxMinor;
      expect(totals.totalMinor).toBe(expected);
      expect(totals.subtotalMinor).toBe(gross);
      expect(totals.taxes.reduce((s, r) => s + r.grossMinor, 0)).toBe(totals.totalMinor);
      for (const row of totals.taxes) expect(row.netMinor + row.taxMinor).toBe(row.grossMinor);
      if (options.taxExempt) expect(totals.taxMinor).toBe(0);
      expect(Number.isSafeInteger(totals.totalMinor)).toBe(true);
    }));
  });

  it('discounts never make a line negative, and cart-discount shares add up exactly', () => {
    fc.assert(fc.property(fc.array(lineArb, { maxLength: 40 }), optionsArb, (inputs, options) => {
      const { lines, totals } = priceCart(inputs, options);
      for (const line of lines) {
        expect(line.discountMinor).toBeLessThanOrEqual(line.grossMinor);
        expect(line.lineTotalMinor).toBeGreaterThanOrEqual(0);
        expect(line.cartDiscountMinor).toBeLessThanOrEqual(line.lineTotalMinor);
        expect(line.amountMinor).toBeGreaterThanOrEqual(0);
      }
      expect(lines.reduce((s, l) => s + l.cartDiscountMinor, 0)).toBe(totals.cartDiscountMinor);
      expect(totals.totalMinor).toBeGreaterThanOrEqual(0);
    }));
  });

  it('allocates any amount up to the weights exactly, each part within its weight', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), (weights, share) => {
      const sum = weights.reduce((s, w) => s + w, 0);
      const total = Math.floor(sum * share);
      const parts = allocateLargestRemainder(total, weights);
      expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
      parts.forEach((part, i) => {
        expect(part).toBeGreaterThanOrEqual(0);
        expect(part).toBeLessThanOrEqual(weights[i]!);
      });
    }));
  });
});
