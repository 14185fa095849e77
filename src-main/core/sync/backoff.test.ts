import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, fullJitterDelay } from './backoff';

describe('full-jitter backoff', () => {
  it('stays in [0, min(cap, base·2^attempt)) for any attempt and random value', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
      const delay = fullJitterDelay(attempt, () => r);
      const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
      return Number.isInteger(delay) && delay >= 0 && delay < ceiling;
    }));
  });

  it('doubles its ceiling per failure up to the 30 s cap', () => {
    const top = (attempt: number) => fullJitterDelay(attempt, () => 0.999_999);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 50].map(top)).toEqual([499, 999, 1_999, 3_999, 7_999, 15_999, 29_999, 29_999, 29_999]);
    expect(fullJitterDelay(9, () => 0)).toBe(0);
  });
});
