import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src-main/core/deps';
import { DEMO_BARCODES } from '../../src-main/core/demo/seed-demo-store';
import { dispatch } from '../../src-main/rpc/dispatch';
import { databaseDigest, demoCore, type CoreFixture } from '../support/core-fixture';

describe('the first sale through the core', () => {
  let fx: CoreFixture;
  beforeEach(async () => { fx = await demoCore(); });
  afterEach(() => fx.dispose());
  const call = (method: string, input: unknown) => dispatch(fx.core.handlers, method, input, { logger: silentLogger, validateOutput: true });

  it('scans into a persisted cart, takes cash, commits everything together and gives change', async () => {
    const h = fx.core.handlers;
    await h['cart.scan']({ barcode: DEMO_BARCODES.milk });
    await h['cart.scan']({ barcode: DEMO_BARCODES.milk });
    const cart = await h['cart.scan']({ barcode: DEMO_BARCODES.bread });
    expect(cart.lines.map((l) => l.quantity)).toEqual([2, 1]);
    const total = cart.totals.totalMinor;
    expect(total).toBe(cart.lines.reduce((s, l) => s + l.lineTotalMinor, 0));

    const events: string[] = [];
    fx.core.onEvent((name) => events.push(name));
    const tendered = Math.ceil(total / 1000) * 1000;
    const sale = await h['sale.complete']({ cartId: cart.id, payments: [{ tender: 'cash', amountMinor: tendered as never }] });
    expect(sale.receiptNo).toBe('T01-1-000001');
    expect(sale.changeMinor).toBe(tendered - total);
    expect(events).toEqual(['sale.completed', 'cart.changed']);

    const db = fx.local.sqlite;
    expect(db.prepare('SELECT count(*) n FROM sale_line WHERE sale_id = ?').get(sale.id)).toEqual({ n: 2 });
    expect(db.prepare('SELECT sum(quantity_delta) d FROM stock_movement WHERE ref_id = ?').get(sale.id)).toEqual({ d: -3 });
    const outbox = db.prepare('SELECT type, payload FROM outbox').all() as { type: string; payload: string }[];
    expect(outbox).toHaveLength(1);
    expect(JSON.parse(outbox[0]!.payload).sale.receiptNo).toBe('T01-1-000001');
    expect((await h['cart.get']({})).lines).toEqual([]);
  });

  it('numbers receipts without gaps: a refused sale gives its number back', async () => {
    const h = fx.core.handlers;
    let cart = await h['cart.scan']({ barcode: DEMO_BARCODES.milk });
    const short = await call('sale.complete', { cartId: cart.id, payments: [{ tender: 'cash', amountMinor: 1 }] });
    expect(short).toMatchObject({ ok: false, error: { code: 'TENDER_SHORT' } });
    const first = await h['sale.complete']({ cartId: cart.id, payments: [{ tender: 'cash', amountMinor: 100_00 as never }] });
    cart = await h['cart.scan']({ barcode: DEMO_BARCODES.bread });
    const second = await h['sale.complete']({ cartId: cart.id, payments: [{ tender: 'cash', amountMinor: 100_00 as never }] });
    expect([first.receiptNo, second.receiptNo]).toEqual(['T01-1-000001', 'T01-1-000002']);
  });

  it('completing the same cart twice returns the same sale (double click, resend)', async () => {
    const cart = await fx.core.handlers['cart.scan']({ barcode: DEMO_BARCODES.milk });
    const input = { cartId: cart.id, payments: [{ tender: 'cash' as const, amountMinor: 50_00 as never }] };
    const [a, b] = await Promise.all([fx.core.handlers['sale.complete'](input), fx.core.handlers['sale.complete'](input)]);
    expect(a.id).toBe(b.id);
    expect(fx.local.sqlite.prepare('SELECT count(*) n FROM sale').get()).toEqual({ n: 1 });
  });

  it('refuses domain errors with a clear code and changes nothing', async () => {
    const emptyCart = await fx.core.handlers['cart.get']({});
    const before = databaseDigest(fx.local);
    expect(await call('cart.scan', { barcode: '0000000000000' })).toMatchObject({ ok: false, error: { code: 'BARCODE_NOT_FOUND' } });
    expect(await call('sale.complete', { cartId: emptyCart.id, payments: [{ tender: 'cash', amountMinor: 100 }] }))
      .toMatchObject({ ok: false, error: { code: 'CART_EMPTY' } });
    expect(await call('cart.setQuantity', { lineId: 'no-such-line', quantity: 2 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('sale.complete', { cartId: 'stale-cart', payments: [{ tender: 'cash', amountMinor: 100 }] })).toMatchObject({ ok: false, error: { code: 'CART_CHANGED' } });
    expect(databaseDigest(fx.local)).toBe(before);
  });

  it('keeps the cart in progress and the receipt sequence across a restart', async () => {
    let cart = await fx.core.handlers['cart.scan']({ barcode: DEMO_BARCODES.milk });
    await fx.core.handlers['sale.complete']({ cartId: cart.id, payments: [{ tender: 'cash', amountMinor: 50_00 as never }] });
    cart = await fx.core.handlers['cart.scan']({ barcode: DEMO_BARCODES.bread });
    fx = await fx.reopen();
    const again = await fx.core.handlers['cart.get']({});
    expect(again.id).toBe(cart.id);
    expect(again.lines.map((l) => l.sku)).toEqual(cart.lines.map((l) => l.sku));
    const sale = await fx.core.handlers['sale.complete']({ cartId: again.id, payments: [{ tender: 'cash', amountMinor: 50_00 as never }] });
    expect(sale.receiptNo).toBe('T01-1-000002');
  });

  it('searches by name prefix, SKU and barcode without loading the catalog', async () => {
    const byName = await fx.core.handlers['catalog.search']({ query: 'mil', limit: 20 });
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((p) => /mil/i.test(p.name))).toBe(true);
    const byBarcode = await fx.core.handlers['catalog.search']({ query: DEMO_BARCODES.milk, limit: 5 });
    expect(byBarcode[0]?.barcode).toBe(DEMO_BARCODES.milk);
    const bySku = await fx.core.handlers['catalog.search']({ query: byBarcode[0]!.sku, limit: 5 });
    expect(bySku[0]?.id).toBe(byBarcode[0]?.id);
    expect(await fx.core.handlers['catalog.search']({ query: '"*:NEAR(', limit: 5 })).toEqual([]);
  });

  it('lists only this terminal’s own sales as recent (other terminals’ pulled sales are not)', async () => {
    const cart = await fx.core.handlers['cart.scan']({ barcode: DEMO_BARCODES.milk });
    const own = await fx.core.handlers['sale.complete']({ cartId: cart.id, payments: [{ tender: 'cash', amountMinor: 50_00 as never }] });
    // A sale another terminal of the store made, as the sync loop stores it for returns.
    fx.local.sqlite.prepare(`INSERT INTO sale (id, cart_id, receipt_no, terminal_id, install_epoch, receipt_seq, created_at, currency,
      subtotal_minor, tax_minor, total_minor, tendered_minor, change_minor, item_count, taxes_json)
      VALUES ('other-sale', 'other-cart', 'T02-1-000001', 'other-terminal', 1, 1, '2026-11-21T11:00:00.000Z', 'GBP', 100, 0, 100, 100, 0, 1, '[]')`).run();
    const recent = await fx.core.handlers['sale.listRecent']({ limit: 20 });
    expect(recent.map((s) => s.id)).toEqual([own.id]);
    expect((await fx.core.handlers['sale.get']({ receiptNo: 'T02-1-000001' })).id).toBe('other-sale');
  });
});
