import { describe, expect, it } from 'vitest';
import { countTotal, DENOMINATIONS, UnknownDenominationError } from './denominations';

describe('denominations', () => {
  it('lists GBP, EUR and USD largest first, without duplicates', () => {
    for (const currency of ['GBP', 'EUR', 'USD']) {
      const values = DENOMINATIONS[currency]!.map((d) => d.valueMinor);
      expect(values.length).toBeGreaterThan(8);
      expect(new Set(values).size).toBe(values.length);
      expect([...values].sort((a, b) => b - a)).toEqual(values);
    }
    expect(DENOMINATIONS.GBP!.map((d) => d.valueMinor)).toEqual([5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1]);
  });

  it('totals a count by denomination', () => {
    expect(countTotal('GBP', [{ valueMinor: 2000, count: 2 }, { valueMinor: 500, count: 3 }, { valueMinor: 1, count: 7 }])).toBe(5507);
    expect(countTotal('USD', [{ valueMinor: 25, count: 4 }])).toBe(100);
    expect(countTotal('EUR', [])).toBe(0);
  });

  it('refuses a value that is not a note or coin of the currency, a value counted twice, or an unknown currency', () => {
    expect(() => countTotal('GBP', [{ valueMinor: 25, count: 1 }])).toThrow(UnknownDenominationError);
    expect(() => countTotal('GBP', [{ valueMinor: 500, count: 1 }, { valueMinor: 500, count: 2 }])).toThrow(/twice/);
    expect(() => countTotal('XTS', [{ valueMinor: 100, count: 1 }])).toThrow(/No denomination table/);
  });
});
