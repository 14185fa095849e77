import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gtinCheckDigit } from './ean';
import { compressUpcA, expandUpcE, expandUpcESix } from './upc-e';

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((a) => a.join(''));

/** UPC-E data digits the zero-suppression table can produce (the specification's canonical forms). */
const canonicalData = fc.oneof(
  fc.tuple(digits(5), fc.constantFrom('0', '1', '2')).map(([d, last]) => d + last),
  // d6 = 3 needs d3 ≥ 3, else the 0–2 row would have been used.
  fc.tuple(digits(2), fc.constantFrom('3', '4', '5', '6', '7', '8', '9'), digits(2)).map(([a, d3, b]) => `${a}${d3}${b}3`),
  // d6 = 4 needs d4 ≠ 0 (else a manufacturer ending 00); d6 ≥ 5 needs d5 ≠ 0.
  fc.tuple(digits(3), fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '8', '9'), digit).map(([a, d4, d5]) => `${a}${d4}${d5}4`),
  fc.tuple(digits(4), fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '8', '9'), fc.constantFrom('5', '6', '7', '8', '9')).map(([a, d5, d6]) => `${a}${d5}${d6}`),
);
const withCheck = (ns: string, data: string) => `${ns}${data}${expandUpcESix(data, ns as '0' | '1').slice(-1)}`;

describe('UPC-E (GS1 General Specifications §5.2.2.4.2)', () => {
  it('expands each of the four zero-suppression cases', () => {
    // d6 0–2: n d1 d2 d6 0000 d3 d4 d5 — the Wikipedia UPC-E example 0 425261 4 ↔ 042100005264.
    expect(expandUpcE('04252614')).toBe('042100005264');
    // d6 = 3: n d1 d2 d3 00000 d4 d5
    expect(expandUpcESix('123453')).toBe('01230000045' + String(gtinCheckDigit('01230000045')));
    // d6 = 4: n d1 d2 d3 d4 00000 d5
    expect(expandUpcESix('123454')).toBe('01234000005' + String(gtinCheckDigit('01234000005')));
    // d6 5–9: n d1 … d5 0000 d6
    expect(expandUpcESix('123457')).toBe('01234500007' + String(gtinCheckDigit('01234500007')));
    // Number system 1, d6 = 1: 1 65 1 0000 432.
    expect(expandUpcESix('654321', '1')).toBe('16510000432' + String(gtinCheckDigit('16510000432')));
  });

  it('refuses a wrong check digit, number systems other than 0 and 1, and bad shapes', () => {
    expect(expandUpcE('04252615')).toBeNull();
    expect(expandUpcE('24252614')).toBeNull();
    expect(expandUpcE('0425261')).toBeNull();
    expect(compressUpcA('042100005265')).toBeNull();
    expect(compressUpcA('012345678905')).toBeNull(); // not zero-suppressible
    expect(() => expandUpcESix('12345')).toThrow(RangeError);
  });

  it('expand then recompress gives the same UPC-E for every canonical UPC-E', () => {
    fc.assert(fc.property(fc.constantFrom('0', '1'), canonicalData, (ns, data) => {
      const upcE = withCheck(ns, data);
      const upcA = expandUpcE(upcE);
      expect(upcA).not.toBeNull();
      expect(compressUpcA(upcA!)).toBe(upcE);
    }), { numRuns: 500 });
  });

  it('any six data digits: the expansion is stable under compress and expand again', () => {
    fc.assert(fc.property(digits(6), (data) => {
      const upcA = expandUpcESix(data);
      const again = compressUpcA(upcA);
      expect(again).not.toBeNull();
      expect(expandUpcE(again!)).toBe(upcA);
    }), { numRuns: 500 });
  });
});
