import { describe, expect, it } from 'vitest';
import { Minor, minor, sumMinor } from './money';

describe('minor', () => {
  it('brands whole numbers of minor units, negative and zero included', () => {
    for (const value of [0, 1, -1, 123_456, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]) expect(minor(value)).toBe(value);
  });

  it('refuses a fraction, NaN, infinities and integers past 2^53 with a clear message', () => {
    for (const value of [0.5, -0.01, 0.1 + 0.2, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 53, -(2 ** 53)]) {
      expect(() => minor(value)).toThrow(/whole number of minor units/);
    }
  });

  it('accepts exactly what the Minor schema accepts (the hand check must not drift from it)', () => {
    const values = [0, 7, -7, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53 - 1, 2 ** 53, -(2 ** 53 - 1), -(2 ** 53), 1e21, -0];
    for (const value of values) {
      const schema = Minor.safeParse(value).success;
      let hand = true;
      try {
        minor(value);
      } catch {
        hand = false;
      }
      expect({ value, accepted: hand }).toEqual({ value, accepted: schema });
    }
  });

  it('sums exactly and refuses a sum that is not a whole amount', () => {
    expect(sumMinor([10, 20, -5])).toBe(25);
    expect(() => sumMinor([1, 0.5])).toThrow(RangeError);
  });
});
