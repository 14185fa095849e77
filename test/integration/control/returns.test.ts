import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_BARCODES } from '../../../src-main/core/demo/seed-demo-store';
import { databaseDigest, demoCore, type CoreFixture } from '../../support/core-fixture';
import { auditOf, ok, refused } from './call';

let fx: CoreFixture;
afterEach(() => fx.dispose());

const strict = { requireSignIn: true, requireShift: true, idleLockSeconds: 3_600 };

/** 3 milk (£1.55) + 1 cola (£2.25) = £6.90, paid £10 cash. */
async function setUp(role: 'cashier' | 'manager' = 'manager') {
  fx = await demoCore(undefined, { control: strict, signIn: role });
  await ok(fx, 'shift.open', { floatCount: [{ valueMinor: 2000, count: 5 }] });
  for (const barcode of [DEMO_BARCODES.milk, DEMO_BARCODES.milk, DEMO_BARCODES.milk, DEMO_BARCODES.cola]) await ok(fx, 'cart.scan', { barcode });
  const cart = await ok(fx, 'cart.get', {});
  return ok(fx, 'sale.complete', { cartId: cart.id, payments: [{ tender: 'cash', amountMinor: 1_000 }] });
}

const stockOf = (productId: string) => (fx.local.sqlite.prepare('SELECT coalesce(sum(quantity_delta), 0) AS q FROM stock_movement WHERE product_id = ?').get(productId) as { q: number }).q;

describe('returns and refunds', () => {
  it('finds a sale by receipt number, by its QR (the sale id) and by date and amount', async () => {
    const sale = await setUp();
    expect(sale.totals.totalMinor).toBe(690);
    for (const where of [{ receiptNo: sale.receiptNo }, { saleId: sale.id }, { date: '2026-11-21', totalMinor: 690 }] as const) {
      const found = await ok(fx, 'returns.findSale', where);
      expect(found.map((f) => f.sale.id)).toEqual([sale.id]);
      expect(found[0]!.lines.map((l) => [l.name, l.returnableQuantity, l.remainingMinor])).toEqual([['Semi-Skimmed Milk 2 Pints', 3, 465], ['Cola 2L', 1, 225]]);
    }
    expect(await ok(fx, 'returns.findSale', { date: '2026-11-20', totalMinor: 690 })).toEqual([]);
    expect(await ok(fx, 'returns.findSale', { date: '2026-11-21', totalMinor: 691 })).toEqual([]);
    expect(await ok(fx, 'returns.findSale', { receiptNo: 'T01-1-999999' })).toEqual([]);
  });

  it('returns part of a line to the original tender, restocks, numbers the return and writes the fact', async () => {
    const sale = await setUp();
    const milk = sale.lines[0]!;
    const stockBefore = stockOf(milk.productId);
    const ret = await ok(fx, 'returns.create', { kind: 'receipt', saleId: sale.id, refundTo: 'original', reasonCode: 'damaged', disposition: 'restock', lines: [{ saleLineId: milk.id, quantity: 2 }] });
    expect(ret).toMatchObject({ returnNo: 'T01-1-R000001', receiptNo: sale.receiptNo, totalMinor: 310, refunds: [{ tender: 'cash', amountMinor: 310 }], storeCredit: null });
    expect(stockOf(milk.productId)).toBe(stockBefore + 2);
    const [found] = await ok(fx, 'returns.findSale', { saleId: sale.id });
    expect(found!.lines[0]).toMatchObject({ returnedQuantity: 2, returnableQuantity: 1, remainingMinor: 155 });
    expect(found!.refundedMinor).toBe(310);
    const facts = fx.local.sqlite.prepare(`SELECT payload FROM outbox WHERE type = 'return.completed'`).all() as { payload: string }[];
    expect(JSON.parse(facts[0]!.payload)).toMatchObject({ return: { id: ret.id, totalMinor: 310 } });
    expect(auditOf(fx, 'return.completed')).toMatchObject([{ details: { returnNo: 'T01-1-R000001', totalMinor: 310, reasonCode: 'damaged' } }]);
    const second = await ok(fx, 'returns.create', { kind: 'receipt', saleId: sale.id, refundTo: 'original', reasonCode: 'damaged', disposition: 'writeOff', lines: [{ saleLineId: milk.id, quantity: 1 }] });
    expect(second.returnNo).toBe('T01-1-R000002');
    // Written off: it came back (+1) and left the sellable stock (−1).
    expect(stockOf(milk.productId)).toBe(stockBefore + 2);
    expect((await ok(fx, 'shift.xReport', {})).cash).toMatchObject({ cashSalesMinor: 690, cashRefundsMinor: 465, expectedMinor: 10_000 + 690 - 465 });
  });

  it('never returns more than sold minus already returned, with a clear message and nothing changed', async () => {
    const sale = await setUp();
    const cola = sale.lines[1]!;
    await ok(fx, 'returns.create', { kind: 'receipt', saleId: sale.id, refundTo: 'original', reasonCode: 'damaged', disposition: 'restock', lines: [{ saleLineId: cola.id, quantity: 1 }] });
    const before = databaseDigest(fx.local);
    const error = await refused(fx, 'returns.create', { kind: 'receipt', saleId: sale.id, refundTo: 'original', reasonCode: 'damaged', disposition: 'restock', lines: [{ saleLineId: cola.id, quantity: 1 }] }, 'RETURN_EXCEEDS_SOLD');
    expect(error.message).toBe('Cola 2L: 1 asked, but only 0 left to return (sold minus already returned). Nothing was returned.');
    // A request that is partly fine is refused as a whole.
    await refused(fx, 'returns.create', { kind: 'receipt', saleId: sale.id, refundTo: 'original', reasonCode: 'damaged', disposition: 'restock', lines: [{ saleLineId: sale.lines[0]!.id, quantity: 1 }, { saleLineId: sale.lines[0]!.id, quantity: 3 }] }, 'RETURN_EXCEEDS_SOLD');
    expect(databaseDigest(fx.local)).toBe(before);
  });

  it('property: random partial returns through the core never exceed what was sold, and refunds add up to what was paid', async () => {
    const sale = await setUp();
    await fc.assert(fc.asyncProperty(fc.array(fc.record({ line: fc.nat(1), quantity: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 6 }), async (attempts) => {
      for (const attempt of attempts) {
        const line = sale.lines[attempt.line]!;
        const [found] = await ok(fx, 'returns.findSale', { saleId: sale.id });
        const left = found!.lines[attempt.line]!.returnableQuantity;
        const input = { kind: 'receipt' as const, saleId: sale.id, refundTo: 'storeCredit' as const, reasonCode: 'changedMind', disposition: 'restock' as const, lines: [{ saleLineId: line.id, quantity: attempt.quantity }] };
        if (attempt.quantity > left) await refused(fx, 'returns.create', input, 'RETURN_EXCEEDS_SOLD');
        else await ok(fx, 'returns.create', input);
      }
      const returned = fx.local.sqlite.prepare(`SELECT sale_line_id, sum(quantity) AS q, sum(amount_minor) AS a FROM return_line GROUP BY sale_line_id`).all() as Array<{ sale_line_id: string; q: number; a: number }>;
      for (const row of returned) {
        const sold = sale.lines.find((l) => l.id === row.sale_line_id)!;
        expect(row.q).toBeLessThanOrEqual(sold.quantity);
        if (row.q === sold.quantity) expect(row.a).toBe(sold.lineTotalMinor);
      }
    }), { numRuns: 10 });
    const [found] = await ok(fx, 'returns.findSale', { saleId: sale.id });
    expect(found!.refundedMinor).toBeLessThanOrEqual(690);
  });

  it('refunds as store credit, which a later sale can spend', async () => {
    const sale = await setUp();
    const ret = await ok(fx, 'returns.create', { kind: 'receipt', saleId: sale.id, refundTo: 'storeCredit', reasonCode: 'changedMind', disposition: 'restock', lines: [{ saleLineId: sale.lines[1]!.id, quantity: 1 }] });
    expect(ret.refunds).toEqual([]);
    expect(ret.storeCredit).toMatchObject({ amountMinor: 225, balanceMinor: 225 });
    const code = ret.storeCredit!.code;
    const cart = await ok(fx, 'cart.scan', { barcode: DEMO_BARCODES.chocolate });
    await ok(fx, 'sale.complete', { cartId: cart.id, payments: [{ tender: 'storeCredit', amountMinor: 125, reference: code }] });
    const balance = fx.local.sqlite.prepare('SELECT sum(delta_minor) AS b FROM store_credit_entry').get() as { b: number };
    expect(balance.b).toBe(100);
    // The drawer did not give any cash for it.
    expect((await ok(fx, 'shift.xReport', {})).cash.cashRefundsMinor).toBe(0);
  });

  it('a refund needs the permission; without a receipt it needs its own, and the manager approves', async () => {
    const sale = await setUp('cashier');
    const request = { kind: 'receipt' as const, saleId: sale.id, refundTo: 'original' as const, reasonCode: 'damaged', disposition: 'restock' as const, lines: [{ saleLineId: sale.lines[1]!.id, quantity: 1 }] };
    const refusal = await refused(fx, 'returns.create', request, 'PERMISSION_REQUIRED');
    expect(refusal.details).toEqual({ permission: 'refund', context: { saleId: sale.id } });
    const { overrideToken } = await ok(fx, 'override.approve', { permission: 'refund', approverId: await fx.personId('manager'), pin: '1234', reasonCode: 'customerService', context: { saleId: sale.id } });
    const ret = await ok(fx, 'returns.create', { ...request, overrideToken });
    expect(ret).toMatchObject({ personId: await fx.personId('cashier'), approverId: await fx.personId('manager') });

    const noReceipt = { kind: 'noReceipt' as const, refundTo: 'cash' as const, reasonCode: 'damaged', disposition: 'writeOff' as const, lines: [{ productId: sale.lines[0]!.productId, quantity: 1, unitPriceMinor: 155 }] };
    const denied = await refused(fx, 'returns.create', noReceipt, 'PERMISSION_REQUIRED');
    expect(denied.details).toEqual({ permission: 'refund.noReceipt', context: { totalMinor: 155 } });
    const second = await ok(fx, 'override.approve', { permission: 'refund.noReceipt', approverId: await fx.personId('manager'), pin: '1234', reasonCode: 'customerService', context: { totalMinor: 155 } });
    const done = await ok(fx, 'returns.create', { ...noReceipt, overrideToken: second.overrideToken });
    expect(done).toMatchObject({ saleId: null, receiptNo: null, refunds: [{ tender: 'cash', amountMinor: 155 }] });
  });

  it('voids a sale of the open shift (permission), gives everything back, and refuses a second void or one outside its shift', async () => {
    const sale = await setUp();
    const stockBefore = stockOf(sale.lines[0]!.productId);
    const voided = await ok(fx, 'sale.void', { saleId: sale.id, reasonCode: 'customerCancelled' });
    expect(voided).toMatchObject({ receiptNo: sale.receiptNo, refunds: [{ tender: 'cash', amountMinor: 690 }] });
    expect(stockOf(sale.lines[0]!.productId)).toBe(stockBefore + 3);
    expect(auditOf(fx, 'sale.voided')).toHaveLength(1);
    await refused(fx, 'sale.void', { saleId: sale.id, reasonCode: 'customerCancelled' }, 'SALE_NOT_VOIDABLE');
    await refused(fx, 'returns.create', { kind: 'receipt', saleId: sale.id, refundTo: 'original', reasonCode: 'damaged', disposition: 'restock', lines: [{ saleLineId: sale.lines[0]!.id, quantity: 1 }] }, 'RETURN_EXCEEDS_SOLD');
    expect((await ok(fx, 'shift.xReport', {})).voidsCount).toBe(1);

    const cart = await ok(fx, 'cart.scan', { barcode: DEMO_BARCODES.bread });
    const later = await ok(fx, 'sale.complete', { cartId: cart.id, payments: [{ tender: 'cash', amountMinor: 140 }] });
    const x = await ok(fx, 'shift.xReport', {});
    await ok(fx, 'shift.close', { cash: [{ valueMinor: 1, count: x.cash.expectedMinor }] });
    await ok(fx, 'shift.open', { floatCount: [] });
    const error = await refused(fx, 'sale.void', { saleId: later.id, reasonCode: 'customerCancelled' }, 'SALE_NOT_VOIDABLE');
    expect(error.message).toMatch(/open shift/);
  });
});
