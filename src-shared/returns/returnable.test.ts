import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateRefund, grossPerLine, planReturn, remainingOf, type ReturnedLine, type SoldLine } from './returnable';

const soldLines = fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 20 }), grossMinor: fc.integer({ min: 0, max: 100_000 }) }), { minLength: 1, maxLength: 6 })
  .map((lines) => lines.map((l, i): SoldLine => ({ saleLineId: `l${i}`, ...l })));

describe('returns (pure)', () => {
  it('a sequence of partial returns never gives back more than was sold, and all of it adds up to what was paid', () => {
    const requests = fc.array(fc.array(fc.record({ line: fc.nat(5), quantity: fc.integer({ min: -2, max: 25 }) }), { minLength: 1, maxLength: 4 }), { maxLength: 12 });
    fc.assert(fc.property(soldLines, requests, (sold, attempts) => {
      const returned: ReturnedLine[] = [];
      for (const attempt of attempts) {
        const request = attempt.map((r) => ({ saleLineId: `l${r.line % sold.length}`, quantity: r.quantity }));
        const before = remainingOf(sold, returned);
        const plan = planReturn(sold, returned, request);
        if (!plan.ok) {
          // Refused as a whole only when some line really asks for more than is left (or nothing).
          const wanted = new Map<string, number>();
          for (const r of request) wanted.set(r.saleLineId, (wanted.get(r.saleLineId) ?? 0) + r.quantity);
          expect([...wanted].some(([id, q]) => q <= 0 || q > before.get(id)!.quantity) || [...wanted.values()].every((q) => q <= 0)).toBe(true);
          continue;
        }
        returned.push(...plan.lines);
      }
      const after = remainingOf(sold, returned);
      for (const line of sold) {
        const left = after.get(line.saleLineId)!;
        expect(left.quantity).toBeGreaterThanOrEqual(0);
        expect(left.amountMinor).toBeGreaterThanOrEqual(0);
        if (left.quantity === 0) expect(left.amountMinor).toBe(0);
      }
    }), { numRuns: 500 });
  });

  it('refuses more than is left, naming the line, and an unknown line', () => {
    const sold: SoldLine[] = [{ saleLineId: 'a', quantity: 3, grossMinor: 300 }];
    const returned: ReturnedLine[] = [{ saleLineId: 'a', quantity: 2, amountMinor: 200 }];
    expect(planReturn(sold, returned, [{ saleLineId: 'a', quantity: 2 }])).toEqual({ ok: false, reason: 'exceeds', saleLineId: 'a', requested: 2, remaining: 1 });
    expect(planReturn(sold, returned, [{ saleLineId: 'b', quantity: 1 }])).toMatchObject({ ok: false, reason: 'unknownLine' });
    expect(planReturn(sold, returned, [{ saleLineId: 'a', quantity: 1 }])).toEqual({ ok: true, lines: [{ saleLineId: 'a', quantity: 1, amountMinor: 100 }], totalMinor: 100 });
  });

  it('shares a total over lines exactly, in proportion', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 10_000_000 }), (amounts, total) => {
      const shares = grossPerLine(total, amounts);
      const base = amounts.reduce((a, b) => a + b, 0);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(base === 0 ? 0 : total);
      shares.forEach((share, i) => {
        if (amounts[i] === 0) expect(share).toBe(0);
        else expect(Math.abs(share - (total * amounts[i]!) / base)).toBeLessThanOrEqual(1 + amounts.length);
      });
    }), { numRuns: 300 });
  });

  it('refunds to the tenders that paid, never more than each brought in net', () => {
    const paid = [{ tender: 'card', amountMinor: 1_000 }, { tender: 'cash', amountMinor: 2_000 }, { tender: 'cash', amountMinor: -300 }];
    expect(allocateRefund(1_500, paid, [])).toEqual([{ tender: 'card', amountMinor: 1_000 }, { tender: 'cash', amountMinor: 500 }]);
    expect(allocateRefund(1_200, paid, [{ tender: 'card', amountMinor: 1_000 }])).toEqual([{ tender: 'cash', amountMinor: 1_200 }]);
    expect(() => allocateRefund(2_000, paid, [{ tender: 'card', amountMinor: 1_000 }])).toThrow(RangeError);
  });
});
