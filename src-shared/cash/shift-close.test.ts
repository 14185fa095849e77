import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeShift, shiftTotals, type ShiftFacts } from './shift-close';

const amount = fc.integer({ min: 1, max: 50_000 });
const tender = fc.constantFrom('cash', 'card', 'mobile');

/** A sale as a till makes it: card/mobile exact, cash may be over-tendered and gives change. */
const sale = fc.record({ total: amount, split: fc.integer({ min: 0, max: 100 }), other: fc.constantFrom('card', 'mobile'), over: fc.integer({ min: 0, max: 5_000 }) })
  .map(({ total, split, other, over }) => {
    const nonCash = Math.floor((total * split) / 100);
    const cashDue = total - nonCash;
    const payments = [
      ...(nonCash > 0 ? [{ tender: other, amountMinor: nonCash }] : []),
      ...(cashDue > 0 ? [{ tender: 'cash', amountMinor: cashDue + over }] : []),
    ];
    return { payments, changeMinor: cashDue > 0 ? over : 0 };
  });

const facts: fc.Arbitrary<ShiftFacts> = fc.record({
  floatMinor: fc.integer({ min: 0, max: 100_000 }),
  sales: fc.array(sale, { maxLength: 30 }),
  refunds: fc.array(fc.record({ tender, amountMinor: amount }), { maxLength: 10 }),
  movements: fc.array(fc.record({ kind: fc.constantFrom('payIn' as const, 'payOut' as const, 'drop' as const), amountMinor: amount }), { maxLength: 10 }),
});

/** The formula of the issue, computed independently of the implementation. */
function expectedCash(f: ShiftFacts): number {
  let cash = f.floatMinor;
  for (const s of f.sales) for (const p of s.payments) if (p.tender === 'cash') cash += p.amountMinor;
  for (const s of f.sales) cash -= s.changeMinor;
  for (const r of f.refunds) if (r.tender === 'cash') cash -= r.amountMinor;
  for (const m of f.movements) cash += m.kind === 'payIn' ? m.amountMinor : -m.amountMinor;
  return cash;
}

describe('shift close (pure)', () => {
  it('expected cash = float + cash sales − cash refunds + pay-ins − pay-outs − drops, change netted', () => {
    fc.assert(fc.property(facts, (f) => {
      const totals = shiftTotals(f);
      expect(totals.cash.expectedMinor).toBe(expectedCash(f));
      const c = totals.cash;
      expect(c.expectedMinor).toBe(c.floatMinor + c.cashSalesMinor - c.cashRefundsMinor + c.payInsMinor - c.payOutsMinor - c.dropsMinor);
      // Every sale paid exactly its total: tendered minus change over all tenders is the takings.
      const takings = f.sales.reduce((sum, s) => sum + s.payments.reduce((a, p) => a + p.amountMinor, 0) - s.changeMinor, 0);
      expect(totals.salesTotalMinor).toBe(takings);
      expect(totals.tenders.reduce((sum, t) => sum + t.salesMinor, 0)).toBe(takings);
    }), { numRuns: 500 });
  });

  it('does not depend on the order of the facts', () => {
    fc.assert(fc.property(facts, fc.integer(), (f, seed) => {
      const shuffle = <T>(items: readonly T[]) => [...items].sort((a, b) => ((JSON.stringify(a).length * 31 + seed) % 7) - ((JSON.stringify(b).length * 31 + seed) % 7));
      const reordered = { ...f, sales: shuffle(f.sales), refunds: shuffle(f.refunds), movements: shuffle(f.movements) };
      expect(shiftTotals(reordered)).toEqual(shiftTotals(f));
    }), { numRuns: 200 });
  });

  it('variance = counted − expected per tender; approval iff some |variance| exceeds the threshold', () => {
    fc.assert(fc.property(facts, fc.integer({ min: -2_000, max: 2_000 }), fc.integer({ min: -2_000, max: 2_000 }), fc.integer({ min: 0, max: 1_500 }), (f, cashOff, cardOff, threshold) => {
      const totals = shiftTotals(f);
      const expectedOf = (t: string) => totals.tenders.find((x) => x.tender === t)?.expectedMinor ?? 0;
      const counted = [{ tender: 'cash', amountMinor: expectedOf('cash') + cashOff }, { tender: 'card', amountMinor: expectedOf('card') + cardOff }];
      const close = closeShift(f, counted, threshold);
      const line = (t: string) => close.lines.find((l) => l.tender === t)!;
      expect(line('cash').varianceMinor).toBe(cashOff);
      expect(line('card').varianceMinor).toBe(cardOff);
      for (const l of close.lines) expect(l.varianceMinor).toBe(l.countedMinor - l.expectedMinor);
      const uncounted = close.lines.filter((l) => l.tender !== 'cash' && l.tender !== 'card');
      const worst = Math.max(Math.abs(cashOff), Math.abs(cardOff), ...uncounted.map((l) => Math.abs(l.varianceMinor)));
      expect(close.maxAbsVarianceMinor).toBe(worst);
      expect(close.needsApproval).toBe(worst > threshold);
    }), { numRuns: 500 });
  });

  it('closes at a difference of exactly 0 (Odoo #72720) and treats the threshold as inclusive', () => {
    const f: ShiftFacts = { floatMinor: 10_000, sales: [{ payments: [{ tender: 'cash', amountMinor: 2_000 }], changeMinor: 550 }], refunds: [], movements: [] };
    expect(closeShift(f, [{ tender: 'cash', amountMinor: 11_450 }], 0)).toMatchObject({ needsApproval: false, maxAbsVarianceMinor: 0 });
    expect(closeShift(f, [{ tender: 'cash', amountMinor: 11_950 }], 500).needsApproval).toBe(false);
    expect(closeShift(f, [{ tender: 'cash', amountMinor: 11_951 }], 500).needsApproval).toBe(true);
  });

  it('books change given back as cash leaving the drawer, whatever else paid (NexoPOS #573)', () => {
    const f: ShiftFacts = {
      floatMinor: 0,
      sales: [{ payments: [{ tender: 'card', amountMinor: 1_000 }, { tender: 'cash', amountMinor: 2_000 }], changeMinor: 500 }],
      refunds: [], movements: [],
    };
    const totals = shiftTotals(f);
    expect(totals.cash.cashSalesMinor).toBe(1_500);
    expect(totals.tenders.find((t) => t.tender === 'card')?.expectedMinor).toBe(1_000);
    expect(totals.salesTotalMinor).toBe(2_500);
  });

  it('counts an uncounted tender as 0 and an unexpected counted tender as an overage', () => {
    const f: ShiftFacts = { floatMinor: 0, sales: [{ payments: [{ tender: 'card', amountMinor: 700 }], changeMinor: 0 }], refunds: [], movements: [] };
    const close = closeShift(f, [{ tender: 'cash', amountMinor: 0 }, { tender: 'mobile', amountMinor: 300 }], 1_000);
    expect(close.lines).toEqual([
      { tender: 'cash', expectedMinor: 0, countedMinor: 0, varianceMinor: 0 },
      { tender: 'card', expectedMinor: 700, countedMinor: 0, varianceMinor: -700 },
      { tender: 'mobile', expectedMinor: 0, countedMinor: 300, varianceMinor: 300 },
    ]);
  });
});
