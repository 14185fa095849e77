import { afterEach, describe, expect, it } from 'vitest';
import { makeEan13 } from '../../../src-shared/barcode/ean';
import type { Authorize, AuthorizeAction, AuthorizeContext } from '../../../src-main/core/authorize';
import { permissionRequired } from '../../../src-main/core/authorize';
import { DEMO_BARCODES } from '../../../src-main/core/demo/seed-demo-store';
import { checkoutCore, type CheckoutFixture } from '../../support/checkout-fixture';
import { databaseDigest } from '../../support/core-fixture';

/** A fake policy: records every question, refuses what `deny` says. */
function fakePolicy(deny: (action: AuthorizeAction) => boolean) {
  const asked: Array<{ action: AuthorizeAction; context?: AuthorizeContext }> = [];
  const authorize: Authorize = async (action, context) => {
    asked.push({ action, context });
    if (deny(action)) throw permissionRequired(action, context);
  };
  return { authorize, asked };
}

describe('cart edits through the core', () => {
  let fx: CheckoutFixture;
  afterEach(() => fx.dispose());

  it('sets quantities, removes lines, discounts lines and the cart exactly, overrides prices and keeps notes', async () => {
    fx = await checkoutCore();
    const h = fx.core.handlers;
    await h['cart.scan']({ barcode: DEMO_BARCODES.milk }); // £1.55, 5 %
    await h['cart.scan']({ barcode: DEMO_BARCODES.cola }); // £2.25, 20 %
    let cart = await h['cart.scan']({ barcode: DEMO_BARCODES.bread }); // £1.40, 5 %
    const [milk, cola, bread] = cart.lines;
    cart = await h['cart.setQuantity']({ lineId: milk!.id, quantity: 3 });
    expect(cart.lines[0]!.lineTotalMinor).toBe(465);
    cart = await h['cart.setLineDiscount']({ lineId: milk!.id, discount: { kind: 'percent', bp: 1000 } });
    expect(cart.lines[0]).toMatchObject({ discountMinor: 47, lineTotalMinor: 418 }); // 10 % of 4.65 = 0.465 → 0.47
    cart = await h['cart.setLineDiscount']({ lineId: cola!.id, discount: { kind: 'amount', amountMinor: 25 } });
    expect(cart.lines[1]).toMatchObject({ discountMinor: 25, lineTotalMinor: 200 });
    cart = await h['cart.overridePrice']({ lineId: bread!.id, unitPriceMinor: 100 });
    expect(cart.lines[2]).toMatchObject({ unitPriceMinor: 100, catalogPriceMinor: 140, lineTotalMinor: 100 });
    cart = await h['cart.setCartDiscount']({ discount: { kind: 'amount', amountMinor: 100 } });
    // 1.00 over 4.18, 2.00, 1.00 in proportion; the shares add up to exactly 1.00.
    expect(cart.lines.reduce((s, l) => s + l.cartDiscountMinor, 0)).toBe(100);
    expect(cart.totals).toMatchObject({ subtotalMinor: 465 + 225 + 100, discountMinor: 47 + 25 + 100, cartDiscountMinor: 100, totalMinor: 618 });
    cart = await h['cart.setNote']({ lineId: cola!.id, note: 'dented can' });
    cart = await h['cart.setNote']({ note: 'customer will collect' });
    expect(cart.lines[1]!.note).toBe('dented can');
    expect(cart.note).toBe('customer will collect');
    cart = await h['cart.removeLine']({ lineId: bread!.id });
    expect(cart.lines.map((l) => l.sku)).toEqual([milk!.sku, cola!.sku]);
    // A restart keeps all of it.
    const again = await h['cart.get']({});
    expect(again).toEqual(cart);

    const sale = await h['sale.complete']({ cartId: cart.id, payments: [{ tender: 'cash', amountMinor: 10_00 as never }] });
    expect(sale.lines.map((l) => [l.discountMinor, l.cartDiscountMinor, l.note])).toEqual(cart.lines.map((l) => [l.discountMinor, l.cartDiscountMinor, l.note]));
    expect(sale.totals).toEqual(cart.totals);
    expect(await h['sale.get']({ saleId: sale.id })).toEqual(sale); // what was built in memory is what is stored
  });

  it('prices tax-exempt sales and per-line rounding from the store settings', async () => {
    fx = await checkoutCore({ settings: { taxRounding: 'perLine' } });
    const h = fx.core.handlers;
    await h['cart.scan']({ barcode: DEMO_BARCODES.chocolate }); // £1.25 at 20 %: 0.2083 → 0.21 per line
    let cart = await h['cart.scan']({ barcode: DEMO_BARCODES.washingUpLiquid }); // £1.25 at 20 %
    await h['cart.setQuantity']({ lineId: cart.lines[0]!.id, quantity: 1 });
    cart = await h['cart.get']({});
    expect(cart.totals.taxes).toEqual([{ rateBp: 2000, netMinor: 208, taxMinor: 42, grossMinor: 250 }]); // per receipt it would be 2.50/6 = 0.42 too
    cart = await h['cart.setTaxExempt']({ taxExempt: true });
    expect(cart.totals).toMatchObject({ taxExempt: true, taxMinor: 0, exemptTaxMinor: 42, totalMinor: 208 });
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    fx = await checkoutCore();
    const h = fx.core.handlers;
    const cart = await h['cart.scan']({ barcode: DEMO_BARCODES.milk });
    const lineId = cart.lines[0]!.id;
    fx.local.sqlite.prepare("UPDATE product SET active = 0 WHERE sku = (SELECT sku FROM product p JOIN barcode b ON b.product_id = p.id WHERE b.code = ?)").run(DEMO_BARCODES.eggs);
    const before = databaseDigest(fx.local);
    const refusals: Array<[string, unknown, string, RegExp]> = [
      ['cart.setQuantity', { lineId, quantity: 0 }, 'INVALID_INPUT', /quantity/],
      ['cart.setQuantity', { lineId, quantity: 1_000_000 }, 'INVALID_INPUT', /quantity/],
      ['cart.setLineDiscount', { lineId, discount: { kind: 'percent', bp: 12_000 } }, 'INVALID_INPUT', /more than 100 %/],
      ['cart.setLineDiscount', { lineId, discount: { kind: 'amount', amountMinor: 156 } }, 'DISCOUNT_TOO_LARGE', /£1\.56 is more than Semi-Skimmed Milk 2 Pints \(£1\.55\)/],
      ['cart.setCartDiscount', { discount: { kind: 'amount', amountMinor: 999 } }, 'DISCOUNT_TOO_LARGE', /more than the sale/],
      ['cart.overridePrice', { lineId, unitPriceMinor: -5 }, 'INVALID_INPUT', /cannot be negative/],
      ['cart.scan', { barcode: makeEan13('501234599999') }, 'BARCODE_NOT_FOUND', /Search by name/],
      ['cart.scan', { barcode: DEMO_BARCODES.eggs }, 'PRODUCT_INACTIVE', /no longer sold \(inactive in the catalog\)/],
      ['cart.scan', { barcode: '5012345000214' }, 'BARCODE_NOT_FOUND', /check digit does not match: it was probably misread/],
      ['cart.setLineDiscount', { lineId: 'gone', discount: null }, 'NOT_FOUND', /no longer in the cart/],
    ];
    for (const [method, input, code, message] of refusals) {
      const result = await fx.call(method, input);
      expect(result, `${method} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code } });
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    // An amount discount that fits, then a quantity change that would leave it larger than the line.
    await h['cart.setQuantity']({ lineId, quantity: 2 });
    await h['cart.setLineDiscount']({ lineId, discount: { kind: 'amount', amountMinor: 200 } });
    const mid = databaseDigest(fx.local);
    expect(await fx.call('cart.setQuantity', { lineId, quantity: 1 })).toMatchObject({ ok: false, error: { code: 'DISCOUNT_TOO_LARGE' } });
    expect(await fx.call('cart.overridePrice', { lineId, unitPriceMinor: 50 })).toMatchObject({ ok: false, error: { code: 'DISCOUNT_TOO_LARGE' } });
    expect(databaseDigest(fx.local)).toBe(mid);
    expect(mid).not.toBe(before);
  });

  it('asks the ONE permission hook for discounts above the threshold and every price override', async () => {
    const policy = fakePolicy((action) => action === 'discount.aboveThreshold' || action === 'price.override');
    fx = await checkoutCore({ authorize: policy.authorize, settings: { discountThresholdBp: 1000 } });
    const h = fx.core.handlers;
    const cart = await h['cart.scan']({ barcode: DEMO_BARCODES.cola }); // £2.25
    const lineId = cart.lines[0]!.id;
    // At the threshold (10 %): allowed without asking.
    await h['cart.setLineDiscount']({ lineId, discount: { kind: 'percent', bp: 1000 } });
    await h['cart.setLineDiscount']({ lineId, discount: { kind: 'amount', amountMinor: 22 } }); // 9.8 %
    expect(policy.asked.filter((q) => q.action !== 'line.void')).toEqual([]);
    const before = databaseDigest(fx.local);
    const over = await fx.call('cart.setLineDiscount', { lineId, discount: { kind: 'percent', bp: 1500 } });
    expect(over).toMatchObject({ ok: false, error: { code: 'PERMISSION_REQUIRED' } });
    if (!over.ok) expect(over.error.message).toBe("A discount of 15 % on Cola 2L, more than the 10 % a cashier may give, needs a manager's approval (discount.aboveThreshold).");
    const amountOver = await fx.call('cart.setCartDiscount', { discount: { kind: 'amount', amountMinor: 50 } });
    if (!amountOver.ok) expect(amountOver.error.message).toMatch(/A discount of £0\.50 \(2\d\.\d+ %\) on the sale/);
    const override = await fx.call('cart.overridePrice', { lineId, unitPriceMinor: 300 });
    expect(override).toMatchObject({ ok: false, error: { code: 'PERMISSION_REQUIRED' } });
    if (!override.ok) expect(override.error.message).toMatch(/^Selling Cola 2L at £3\.00 instead of £2\.25 needs a manager's approval/);
    expect(databaseDigest(fx.local)).toBe(before);
    const asked = policy.asked.filter((q) => q.action !== 'line.void');
    expect(asked.map((q) => q.action)).toEqual(['discount.aboveThreshold', 'discount.aboveThreshold', 'price.override']);
    expect(asked[0]!.context).toMatchObject({ lineId, percentBp: 1500, thresholdBp: 1000, amountMinor: 34 });
    expect(asked[2]!.context).toMatchObject({ lineId, fromPriceMinor: 225, toPriceMinor: 300 });
    // Restoring the catalog price needs no approval.
    expect(await fx.call('cart.overridePrice', { lineId, unitPriceMinor: null })).toMatchObject({ ok: true });
  });

  it('lets an allowing policy through and records the override on the line', async () => {
    const policy = fakePolicy(() => false);
    fx = await checkoutCore({ authorize: policy.authorize });
    const h = fx.core.handlers;
    const cart = await h['cart.scan']({ barcode: DEMO_BARCODES.cola });
    const after = await h['cart.overridePrice']({ lineId: cart.lines[0]!.id, unitPriceMinor: 199 });
    expect(after.lines[0]).toMatchObject({ unitPriceMinor: 199, catalogPriceMinor: 225 });
    const free = await h['cart.setLineDiscount']({ lineId: cart.lines[0]!.id, discount: { kind: 'percent', bp: 10_000 } });
    expect(free.lines[0]!.lineTotalMinor).toBe(0);
    expect(policy.asked.map((q) => q.action)).toEqual(['price.override', 'discount.aboveThreshold']);
  });
});
