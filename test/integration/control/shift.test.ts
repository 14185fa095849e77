import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DENOMINATIONS, type CashCount } from '../../../src-shared/cash/denominations';
import { DEMO_BARCODES } from '../../../src-main/core/demo/seed-demo-store';
import { databaseDigest, demoCore, type CoreFixture } from '../../support/core-fixture';
import { auditOf, ok, refused } from './call';

let fx: CoreFixture;
afterEach(() => fx?.dispose());

const strict = { requireSignIn: true, requireShift: true, varianceThresholdMinor: 500 };

/** Notes and coins for an amount, largest first (every GBP amount can be made: there is a 1p coin). */
function countFor(amountMinor: number): CashCount {
  let left = amountMinor;
  const count: CashCount = [];
  for (const { valueMinor } of DENOMINATIONS.GBP!) {
    const pieces = Math.floor(left / valueMinor);
    if (pieces > 0) count.push({ valueMinor, count: pieces });
    left -= pieces * valueMinor;
  }
  return count;
}

async function sell(barcode: string, extraMinor = 0) {
  const cart = await ok(fx, 'cart.scan', { barcode });
  return ok(fx, 'sale.complete', { cartId: cart.id, payments: [{ tender: 'cash', amountMinor: cart.totals.totalMinor + extraMinor }] });
}

const facts = (type: string) => (fx.local.sqlite.prepare('SELECT payload FROM outbox WHERE type = ? ORDER BY seq').all(type) as { payload: string }[]).map((r) => JSON.parse(r.payload) as Record<string, unknown>);

describe('shifts and cash', () => {
  it('needs an open shift to sell, opens with a float counted by denomination, refuses a second one', async () => {
    fx = await demoCore(undefined, { control: strict, signIn: 'cashier' });
    await refused(fx, 'cart.scan', { barcode: DEMO_BARCODES.milk }, 'SHIFT_CLOSED');
    await refused(fx, 'shift.open', { floatCount: [{ valueMinor: 25, count: 4 }] }, 'COUNT_INVALID');
    const shift = await ok(fx, 'shift.open', { floatCount: [{ valueMinor: 2000, count: 2 }, { valueMinor: 500, count: 2 }, { valueMinor: 100, count: 5 }] });
    expect(shift).toMatchObject({ floatMinor: 5500, currency: 'GBP', openedBy: { name: 'Casey Cashier' }, closedAt: null });
    expect(await ok(fx, 'shift.current', {})).toEqual(shift);
    await refused(fx, 'shift.open', { floatCount: [] }, 'SHIFT_ALREADY_OPEN');
    expect(facts('shift.opened')).toMatchObject([{ shift: { id: shift.id, floatMinor: 5500 } }]);
    const sale = await sell(DEMO_BARCODES.milk, 45);
    expect(fx.local.sqlite.prepare('SELECT shift_id FROM sale_seal WHERE sale_id = ?').get(sale.id)).toEqual({ shift_id: shift.id });
  });

  it('pay-in, pay-out and drop with a reason; a pay-out or drop larger than the drawer holds changes nothing', async () => {
    fx = await demoCore(undefined, { control: strict, signIn: 'manager' });
    await ok(fx, 'shift.open', { floatCount: countFor(10_000) });
    const sale = await sell(DEMO_BARCODES.cola, 275); // £2.25 paid with £5.00
    expect(sale.changeMinor).toBe(275);
    await ok(fx, 'cash.payIn', { amountMinor: 1_000, reasonCode: 'change' });
    const out = await ok(fx, 'cash.payOut', { amountMinor: 300, reasonCode: 'supplies', note: 'milk for the staff room' });
    expect(out).toMatchObject({ kind: 'payOut', amountMinor: 300, reasonCode: 'supplies', note: 'milk for the staff room' });
    await ok(fx, 'cash.drop', { amountMinor: 2_000, reasonCode: 'safeDrop' });
    const drawer = 10_000 + 225 + 1_000 - 300 - 2_000;

    const before = databaseDigest(fx.local);
    const tooMuch = await refused(fx, 'cash.payOut', { amountMinor: drawer + 1, reasonCode: 'supplies' }, 'PAYOUT_EXCEEDS_DRAWER');
    expect(tooMuch.message).toMatch(new RegExp(`should hold ${drawer}`));
    await refused(fx, 'cash.drop', { amountMinor: drawer + 1, reasonCode: 'safeDrop' }, 'PAYOUT_EXCEEDS_DRAWER');
    expect(databaseDigest(fx.local)).toBe(before);
    await ok(fx, 'cash.drop', { amountMinor: drawer, reasonCode: 'safeDrop' });

    const x = await ok(fx, 'shift.xReport', {});
    expect(x.cash).toEqual({ floatMinor: 10_000, cashSalesMinor: 225, cashRefundsMinor: 0, payInsMinor: 1_000, payOutsMinor: 300, dropsMinor: 2_000 + drawer, expectedMinor: 0 });
    expect(facts('cash.moved').map((f) => (f.movement as { kind: string }).kind)).toEqual(['payIn', 'payOut', 'drop', 'drop']);
    expect(auditOf(fx, 'cash.payOut')).toMatchObject([{ details: { amountMinor: 300, reasonCode: 'supplies' } }]);
  });

  it('refuses to close with a sale in progress, and changes nothing', async () => {
    fx = await demoCore(undefined, { control: strict, signIn: 'manager' });
    await ok(fx, 'shift.open', { floatCount: countFor(5_000) });
    await ok(fx, 'cart.scan', { barcode: DEMO_BARCODES.bread });
    const before = databaseDigest(fx.local);
    const error = await refused(fx, 'shift.close', { cash: countFor(5_000) }, 'CART_NOT_EMPTY');
    expect(error.message).toMatch(/sale is in progress/);
    expect(databaseDigest(fx.local)).toBe(before);
    await ok(fx, 'cart.clear', {});
    expect((await ok(fx, 'shift.close', { cash: countFor(5_000) })).close?.lines).toEqual([{ tender: 'cash', expectedMinor: 5_000, countedMinor: 5_000, varianceMinor: 0 }]);
  });

  it('a blind count off by more than the threshold needs a manager; the Z report shows both people and the variance', async () => {
    fx = await demoCore(undefined, { control: strict, signIn: 'cashier' });
    const shift = await ok(fx, 'shift.open', { floatCount: countFor(10_000) });
    await sell(DEMO_BARCODES.chocolate, 875); // £1.25 paid with £10.00
    // The cashier may not close at all without a manager; a count £7.00 short needs the variance approval.
    const counted = countFor(10_125 - 700);
    const before = databaseDigest(fx.local);
    const refusal = await refused(fx, 'shift.close', { cash: counted }, 'PERMISSION_REQUIRED');
    expect(refusal.details).toEqual({ permission: 'shift.approveVariance', context: { shiftId: shift.id, varianceMinor: 700 } });
    expect(databaseDigest(fx.local)).toBe(before);

    const manager = await fx.personId('manager');
    await refused(fx, 'override.approve', { permission: 'shift.approveVariance', approverId: await fx.personId('cashier'), pin: '0000', reasonCode: 'managerDiscretion', context: { shiftId: shift.id, varianceMinor: 700 } }, 'PERMISSION_REQUIRED');
    const { overrideToken } = await ok(fx, 'override.approve', { permission: 'shift.approveVariance', approverId: manager, pin: '1234', reasonCode: 'staffError', context: { shiftId: shift.id, varianceMinor: 700 } });
    const z = await ok(fx, 'shift.close', { cash: counted, overrideToken });
    expect(z).toMatchObject({ kind: 'Z', number: 1, closedBy: 'Casey Cashier', approvedBy: 'Morgan Manager', salesCount: 1, salesTotalMinor: 125 });
    expect(z.close).toMatchObject({ lines: [{ tender: 'cash', expectedMinor: 10_125, countedMinor: 9_425, varianceMinor: -700 }], maxAbsVarianceMinor: 700, thresholdMinor: 500 });
    expect(await ok(fx, 'reports.get', { reportId: z.id })).toEqual(z);
    expect(await ok(fx, 'shift.current', {})).toBeNull();
    const [closed] = auditOf(fx, 'shift.closed');
    expect(closed).toMatchObject({ actor_id: await fx.personId('cashier'), details: { approverId: manager, overrideReason: 'staffError', zNumber: 1 } });
    expect(facts('shift.closed')).toMatchObject([{ shiftId: shift.id, report: { kind: 'Z', number: 1 } }]);
    // Offline by construction: nothing above needed the sync server (none is configured).
    await refused(fx, 'cart.scan', { barcode: DEMO_BARCODES.milk }, 'SHIFT_CLOSED');
  });

  it('numbers X and Z reports without gaps per terminal, across shifts and a restart', async () => {
    fx = await demoCore(undefined, { control: strict, signIn: 'manager' });
    const numbers: string[] = [];
    for (let round = 0; round < 2; round += 1) {
      await ok(fx, 'shift.open', { floatCount: countFor(1_000) });
      numbers.push(`X${(await ok(fx, 'shift.xReport', {})).number}`, `X${(await ok(fx, 'shift.xReport', {})).number}`);
      numbers.push(`Z${(await ok(fx, 'shift.close', { cash: countFor(1_000) })).number}`);
      fx = await fx.reopen({ signIn: 'manager' });
    }
    expect(numbers).toEqual(['X1', 'X2', 'Z1', 'X3', 'X4', 'Z2']);
    expect((await ok(fx, 'reports.list', { limit: 10 })).map((r) => `${r.kind}${r.number}`)).toEqual(['Z2', 'X4', 'X3', 'Z1', 'X2', 'X1']);
    // A refused close (cart in progress) gives its Z number back.
    await ok(fx, 'shift.open', { floatCount: [] });
    await ok(fx, 'cart.scan', { barcode: DEMO_BARCODES.banana });
    await refused(fx, 'shift.close', { cash: [] }, 'CART_NOT_EMPTY');
    await ok(fx, 'cart.clear', {});
    expect((await ok(fx, 'shift.close', { cash: [] })).number).toBe(3);
  });

  it('property: through the core, expected cash = float + cash sales − cash refunds + pay-ins − pay-outs − drops', async () => {
    fx = await demoCore(undefined, { control: strict, signIn: 'manager' });
    const barcodes = Object.values(DEMO_BARCODES);
    const op = fc.oneof(
      fc.record({ kind: fc.constant('sale' as const), barcode: fc.constantFrom(...barcodes), extra: fc.integer({ min: 0, max: 2_000 }) }),
      fc.record({ kind: fc.constant('return' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constantFrom('payIn' as const, 'payOut' as const, 'drop' as const), amount: fc.integer({ min: 1, max: 5_000 }) }),
    );
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: 20_000 }), fc.array(op, { minLength: 1, maxLength: 12 }), async (float, ops) => {
      await ok(fx, 'shift.open', { floatCount: countFor(float) });
      const model = { float, cashSales: 0, cashRefunds: 0, payIns: 0, payOuts: 0, drops: 0 };
      const drawer = () => model.float + model.cashSales - model.cashRefunds + model.payIns - model.payOuts - model.drops;
      const sold: Array<{ saleId: string; lineId: string }> = [];
      for (const o of ops) {
        if (o.kind === 'sale') {
          const sale = await sell(o.barcode, o.extra);
          model.cashSales += sale.totals.totalMinor;
          sold.push({ saleId: sale.id, lineId: sale.lines[0]!.id });
        } else if (o.kind === 'return') {
          const target = sold.splice(o.pick % Math.max(1, sold.length), 1)[0];
          if (!target) continue;
          const [found] = await ok(fx, 'returns.findSale', { saleId: target.saleId });
          const line = found!.lines.find((l) => l.saleLineId === target.lineId)!;
          if (line.remainingMinor > drawer()) {
            await refused(fx, 'returns.create', { kind: 'receipt', saleId: target.saleId, refundTo: 'original', reasonCode: 'changedMind', disposition: 'restock', lines: [{ saleLineId: target.lineId, quantity: 1 }] }, 'PAYOUT_EXCEEDS_DRAWER');
            continue;
          }
          const ret = await ok(fx, 'returns.create', { kind: 'receipt', saleId: target.saleId, refundTo: 'original', reasonCode: 'changedMind', disposition: 'restock', lines: [{ saleLineId: target.lineId, quantity: 1 }] });
          model.cashRefunds += ret.refunds.filter((r) => r.tender === 'cash').reduce((s, r) => s + r.amountMinor, 0);
        } else if (o.kind !== 'payIn' && o.amount > drawer()) {
          await refused(fx, o.kind === 'payOut' ? 'cash.payOut' : 'cash.drop', { amountMinor: o.amount, reasonCode: 'other' }, 'PAYOUT_EXCEEDS_DRAWER');
        } else {
          await ok(fx, o.kind === 'payIn' ? 'cash.payIn' : o.kind === 'payOut' ? 'cash.payOut' : 'cash.drop', { amountMinor: o.amount, reasonCode: 'other' });
          model[o.kind === 'payIn' ? 'payIns' : o.kind === 'payOut' ? 'payOuts' : 'drops'] += o.amount;
        }
      }
      const x = await ok(fx, 'shift.xReport', {});
      expect(x.cash).toEqual({
        floatMinor: model.float, cashSalesMinor: model.cashSales, cashRefundsMinor: model.cashRefunds,
        payInsMinor: model.payIns, payOutsMinor: model.payOuts, dropsMinor: model.drops, expectedMinor: drawer(),
      });
      const z = await ok(fx, 'shift.close', { cash: countFor(drawer()) });
      expect(z.close?.maxAbsVarianceMinor).toBe(0);
    }), { numRuns: 8 });
  });
});
