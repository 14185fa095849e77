import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Tender } from '../domain/sale';
import { quickCashAmounts, roundCash, settle, stillDue } from './settle';

const nl = { incrementMinor: 5, mode: 'nearest' } as const;
const none = { incrementMinor: 1, mode: 'nearest' } as const;

describe('cash rounding', () => {
  // Rijksoverheid (NL), "afronden bij contante betaling": a cash total is rounded to 0 or 5 cents;
  // its examples: €23.37 → €23.35 and €8.89 → €8.90.
  it('follows the Dutch examples', () => {
    expect(roundCash(23_37, nl)).toBe(23_35);
    expect(roundCash(8_89, nl)).toBe(8_90);
  });

  // Belgian FPS Economy, "Afronding van cashbetalingen" (mandatory since 1 December 2019), with
  // UNIZO's worked examples: 12.92 → 12.90, 12.93 → 12.95, 12.97 → 12.95, 12.98 → 13.00; amounts
  // of 5 cents or less are not rounded; only the part paid in cash is rounded.
  it('follows the Belgian examples, and never rounds 5 cents or less', () => {
    expect([12_92, 12_93, 12_97, 12_98, 12_95, 13_00].map((a) => roundCash(a, nl))).toEqual([12_90, 12_95, 12_95, 13_00, 12_95, 13_00]);
    expect([1, 2, 3, 5].map((a) => roundCash(a, nl))).toEqual([1, 2, 3, 5]);
    // 20.00 by card and the rest, 12.93, in cash: only the cash part is rounded, to 12.95.
    const split = settle(32_93, [{ tender: 'card', amountMinor: 20_00 }, { tender: 'cash', amountMinor: 15_00 }], nl);
    expect(split).toEqual({ ok: true, tenderedMinor: 35_00, cashDueMinor: 12_95, cashRoundingMinor: 2, changeMinor: 2_05 });
    // Paid fully by card: never rounded.
    expect(settle(12_93, [{ tender: 'card', amountMinor: 12_93 }], nl)).toMatchObject({ ok: true, cashRoundingMinor: 0, changeMinor: 0 });
  });

  it('rounds 0.10 increments half up, and Swiss 5 Rappen down (SECO: never ask more than the price)', () => {
    const tenCents = { incrementMinor: 10, mode: 'nearest' } as const;
    expect([12_94, 12_95, 12_96].map((a) => roundCash(a, tenCents))).toEqual([12_90, 13_00, 13_00]);
    const swiss = { incrementMinor: 5, mode: 'down' } as const;
    expect([12_94, 12_99, 12_95].map((a) => roundCash(a, swiss))).toEqual([12_90, 12_95, 12_95]);
  });
});

describe('settling payments', () => {
  it('completes only when fully paid; refuses card over-tender; change only from cash', () => {
    expect(settle(10_00, [{ tender: 'card', amountMinor: 9_99 }], none)).toMatchObject({ ok: false, code: 'TENDER_SHORT', stillDueMinor: 1 });
    expect(settle(10_00, [{ tender: 'card', amountMinor: 10_01 }], none)).toMatchObject({ ok: false, code: 'TENDER_OVER' });
    expect(settle(10_00, [{ tender: 'mobile', amountMinor: 4_00 }, { tender: 'cash', amountMinor: 5_00 }], none)).toMatchObject({ ok: false, code: 'TENDER_SHORT', stillDueMinor: 1_00 });
    expect(settle(10_00, [{ tender: 'mobile', amountMinor: 4_00 }, { tender: 'cash', amountMinor: 20_00 }], none)).toMatchObject({ ok: true, changeMinor: 14_00 });
    expect(stillDue(12_93, [{ tender: 'card', amountMinor: 5_00 }], nl)).toEqual({ exactMinor: 7_93, cashMinor: 7_95 });
  });

  it('tendered − (total + cash rounding) = change, change ≥ 0 and at most the cash given', () => {
    const tender = fc.constantFrom<Tender>('cash', 'card', 'mobile', 'storeCredit');
    const payment = fc.record({ tender, amountMinor: fc.integer({ min: 1, max: 100_000 }) });
    const rule = fc.record({ incrementMinor: fc.constantFrom(1, 5, 10, 100), mode: fc.constantFrom('nearest' as const, 'down' as const) });
    fc.assert(fc.property(fc.integer({ min: 0, max: 200_000 }), fc.array(payment, { minLength: 1, maxLength: 6 }), rule, (total, payments, r) => {
      const result = settle(total, payments, r);
      if (!result.ok) return;
      expect(result.tenderedMinor - (total + result.cashRoundingMinor)).toBe(result.changeMinor);
      expect(result.changeMinor).toBeGreaterThanOrEqual(0);
      const cash = payments.filter((p) => p.tender === 'cash').reduce((s, p) => s + p.amountMinor, 0);
      expect(result.changeMinor).toBeLessThanOrEqual(cash);
      expect(Math.abs(result.cashRoundingMinor)).toBeLessThan(r.incrementMinor);
    }));
  });

  it('offers quick-cash amounts from the store notes', () => {
    expect(quickCashAmounts(13_40, [500, 1000, 2000, 5000])).toEqual([13_40, 15_00, 20_00, 50_00]);
    expect(quickCashAmounts(20_00, [500, 1000, 2000])).toEqual([20_00]);
    expect(quickCashAmounts(0, [500])).toEqual([]);
  });
});
