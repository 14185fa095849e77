import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_BARCODES } from '../../../src-main/core/demo/seed-demo-store';
import { checkoutCore, type CheckoutFixture } from '../../support/checkout-fixture';
import { databaseDigest } from '../../support/core-fixture';

describe('parked sales', () => {
  let fx: CheckoutFixture;
  afterEach(() => fx.dispose());

  it('parks, lists, resumes (refusing over a cart with lines) and deletes with a recorded reason', async () => {
    fx = await checkoutCore();
    const h = fx.core.handlers;
    await h['cart.scan']({ barcode: DEMO_BARCODES.milk });
    const first = await h['cart.scan']({ barcode: DEMO_BARCODES.bread });
    const fresh = await h['cart.park']({ note: 'lady in the red coat' });
    expect(fresh.lines).toEqual([]);
    expect(fresh.id).not.toBe(first.id);
    expect(await fx.call('cart.park', {})).toMatchObject({ ok: false, error: { code: 'CART_EMPTY' } });

    const second = await h['cart.scan']({ barcode: DEMO_BARCODES.cola });
    const parked = await h['cart.listParked']({});
    expect(parked).toEqual([expect.objectContaining({ id: first.id, note: 'lady in the red coat', lineCount: 2, itemCount: 2, totalMinor: 2_95 })]);

    const before = databaseDigest(fx.local);
    const refused = await fx.call('cart.resume', { parkedId: first.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CART_NOT_EMPTY' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/park it or finish it/);
    expect(databaseDigest(fx.local)).toBe(before);

    await h['cart.park']({});
    const resumed = await h['cart.resume']({ parkedId: first.id });
    expect(resumed.id).toBe(first.id);
    expect(resumed.lines.map((l) => l.sku)).toEqual(first.lines.map((l) => l.sku));
    expect((await h['cart.get']({})).id).toBe(first.id);
    expect((await h['cart.listParked']({})).map((p) => p.id)).toEqual([second.id]);

    expect(await fx.call('cart.deleteParked', { parkedId: second.id })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h['cart.deleteParked']({ parkedId: second.id, reason: 'customer left' })).toEqual({ deleted: second.id });
    expect(await h['cart.listParked']({})).toEqual([]);
    const record = fx.local.sqlite.prepare('SELECT reason, line_count, total_minor, lines_json FROM parked_cart_deletion').get() as { reason: string; line_count: number; total_minor: number; lines_json: string };
    expect(record).toMatchObject({ reason: 'customer left', line_count: 1, total_minor: 2_25 });
    expect(JSON.parse(record.lines_json)[0].sku).toBe(second.lines[0]!.sku);
    expect(fx.local.sqlite.prepare('SELECT count(*) n FROM cart_line WHERE cart_id = ?').get(second.id)).toEqual({ n: 0 });
    expect(await fx.call('cart.resume', { parkedId: second.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // The resumed sale completes as any other.
    const sale = await h['sale.complete']({ cartId: first.id, payments: [{ tender: 'cash', amountMinor: 5_00 as never }] });
    expect(sale.totals.totalMinor).toBe(2_95);
  });
});
