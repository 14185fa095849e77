import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonical JSON (RFC 8785 subset)', () => {
  it('sorts keys at every depth, drops undefined members and has no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'x' }], c: true }, u: undefined })).toBe('{"a":{"c":true,"d":[3,{"y":"x","z":null}]},"b":1}');
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
  });

  it('escapes strings as JSON does and refuses non-finite numbers', () => {
    expect(canonicalJson({ 'é"\n': '\u2028' })).toBe(JSON.stringify({ 'é"\n': '\u2028' }));
    expect(() => canonicalJson(Number.NaN)).toThrow(RangeError);
    expect(() => canonicalJson({ x: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });
});
