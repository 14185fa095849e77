import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFraming, SuffixFramer } from './suffix-framer';

/** Splits `bytes` at the given cut points. */
const split = (bytes: Buffer, cuts: number[]): Buffer[] => {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let at = 0;
  for (const point of [...points, bytes.length]) {
    parts.push(bytes.subarray(at, point));
    at = point;
  }
  return parts;
};

describe('SuffixFramer', () => {
  it('reads names and escapes of framing characters', () => {
    expect(parseFraming('CR')).toBe('\r');
    expect(parseFraming('crlf')).toBe('\r\n');
    expect(parseFraming('ETX')).toBe('\x03');
    expect(parseFraming('\\x02')).toBe('\x02');
    expect(parseFraming('#')).toBe('#');
  });

  it('gives the same barcodes however the bytes are chunked, with prefix and CRLF suffix', () => {
    const code = fc.stringMatching(/^[0-9A-Z]{1,20}$/);
    fc.assert(fc.property(fc.array(code, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 12 }), (codes, cuts) => {
      const framer = new SuffixFramer({ prefix: '\x02', suffix: '\r\n' });
      const stream = Buffer.from(codes.map((c) => `\x02${c}\r\n`).join(''), 'latin1');
      const out = split(stream, cuts).flatMap((chunk) => framer.push(chunk));
      expect(out).toEqual(codes);
    }), { numRuns: 300 });
  });

  it('keeps a half-received barcode until its suffix arrives, and splits two barcodes in one chunk', () => {
    const framer = new SuffixFramer({ suffix: '\r' });
    expect(framer.push(Buffer.from('50123'))).toEqual([]);
    expect(framer.push(Buffer.from('45000015\r96385'))).toEqual(['5012345000015']);
    expect(framer.push(Buffer.from('074\r4006381333931\r'))).toEqual(['96385074', '4006381333931']);
  });

  it('tolerates a scanner sending CRLF to a port set to CR, and empty frames', () => {
    const framer = new SuffixFramer({ suffix: '\r' });
    expect(framer.push(Buffer.from('123\r\n456\r\n\r'))).toEqual(['123', '456']);
  });

  it('drops a stale partial frame and runaway input without a suffix', () => {
    let now = 0;
    const framer = new SuffixFramer({ suffix: '\r', staleMs: 100, maxFrameBytes: 32, now: () => now });
    framer.push(Buffer.from('99999'));
    now = 1_000;
    expect(framer.push(Buffer.from('123\r'))).toEqual(['123']);
    expect(framer.push(Buffer.alloc(40, 0x31))).toEqual([]);
    expect(framer.push(Buffer.from('42\r'))).toEqual(['42']);
    expect(() => new SuffixFramer({ suffix: '' })).toThrow(RangeError);
  });
});
