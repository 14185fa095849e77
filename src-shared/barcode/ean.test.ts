import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, isValidGtin, makeEan13 } from './ean';

const body12 = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 12, maxLength: 12 });

describe('GTIN check digits', () => {
  it('matches published codes of every length', () => {
    // Worked examples of each length from the EAN-8, UPC-A and EAN-13 articles on Wikipedia.
    expect(isValidGtin('96385074')).toBe(true); // EAN-8
    expect(isValidGtin('036000291452')).toBe(true); // UPC-A
    expect(isValidGtin('4006381333931')).toBe(true); // EAN-13
    expect(isValidGtin('10012345678902')).toBe(true); // GTIN-14
    expect(gtinCheckDigit('400638133393')).toBe(1);
    expect(gtinCheckDigit('9638507')).toBe(4);
  });

  it('rejects wrong lengths, non-digits and wrong check digits', () => {
    for (const bad of ['', '1234567', '12345678901', '123456789012345', '400638133393X', '4006381333932', ' 4006381333931', '4006381333931\n']) {
      expect(isValidGtin(bad)).toBe(false);
    }
    expect(() => gtinCheckDigit('12a')).toThrow(RangeError);
    expect(() => makeEan13('12345')).toThrow(RangeError);
    expect(() => makeEan13('50123450000a')).toThrow(RangeError);
  });

  it('every generated EAN-13 validates', () => {
    fc.assert(fc.property(body12, (body) => {
      const code = makeEan13(body);
      expect(code).toHaveLength(13);
      expect(code.startsWith(body)).toBe(true);
      expect(isValidGtin(code)).toBe(true);
    }));
  });

  it('changing any single digit invalidates an EAN-13', () => {
    fc.assert(fc.property(body12, fc.nat(12), fc.integer({ min: 1, max: 9 }), (body, position, shift) => {
      const code = makeEan13(body);
      const digit = (Number(code[position]) + shift) % 10;
      const changed = code.slice(0, position) + String(digit) + code.slice(position + 1);
      expect(changed).not.toBe(code);
      expect(isValidGtin(changed)).toBe(false);
    }));
  });
});
