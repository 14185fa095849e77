import { afterEach, describe, expect, it } from 'vitest';
import { gtinCheckDigit } from '../../../src-shared/barcode/ean';
import { DEMO_IN_STORE_LAYOUTS, inStoreBaseCode, makeInStoreCode } from '../../../src-shared/barcode/in-store';
import { DEMO_BARCODES } from '../../../src-main/core/demo/seed-demo-store';
import { checkoutCore, type CheckoutFixture } from '../../support/checkout-fixture';
import { databaseDigest } from '../../support/core-fixture';

const [priceLayout, , weightLayout] = DEMO_IN_STORE_LAYOUTS;

describe('finding products', () => {
  let fx: CheckoutFixture;
  afterEach(() => fx.dispose());

  it('finds a product by any of its barcodes; a pack barcode adds its pack quantity', async () => {
    fx = await checkoutCore();
    const milkId = (fx.local.sqlite.prepare('SELECT product_id FROM barcode WHERE code = ?').get(DEMO_BARCODES.milk) as { product_id: string }).product_id;
    fx.local.sqlite.prepare('INSERT INTO barcode (code, product_id, pack_quantity) VALUES (?, ?, 1), (?, ?, 6)').run('0012345678905', milkId, '15012345000210', milkId);
    const h = fx.core.handlers;
    let cart = await h['cart.scan']({ barcode: '012345678905' }); // the UPC-A form of the second barcode
    expect(cart.lines[0]).toMatchObject({ productId: milkId, quantity: 1 });
    cart = await h['cart.scan']({ barcode: '15012345000210' }); // a case of 6
    expect(cart.lines[0]!.quantity).toBe(7);
    expect((await h['catalog.search']({ query: '15012345000210', limit: 5 }))[0]?.id).toBe(milkId);
  });

  it('sells in-store price and weight barcodes from the store layout', async () => {
    fx = await checkoutCore();
    const cheese = fx.local.sqlite.prepare("SELECT id, price_minor FROM product WHERE sku = (SELECT p.sku FROM product p JOIN barcode b ON b.product_id = p.id WHERE b.code = ?)").get(DEMO_BARCODES.chocolate) as { id: string; price_minor: number };
    fx.local.sqlite.prepare('INSERT INTO barcode (code, product_id) VALUES (?, ?), (?, ?)').run(
      inStoreBaseCode('21', '12345', priceLayout!), cheese.id, inStoreBaseCode('28', '12345', weightLayout!), cheese.id,
    );
    const h = fx.core.handlers;
    let cart = await h['cart.scan']({ barcode: makeInStoreCode('21', '12345', 3_49, priceLayout!) });
    expect(cart.lines[0]).toMatchObject({ productId: cheese.id, quantity: 1, unitPriceMinor: 3_49, lineTotalMinor: 3_49, weightGrams: null });
    cart = await h['cart.scan']({ barcode: makeInStoreCode('28', '12345', 1_234, weightLayout!) });
    const weighed = cart.lines[1]!;
    expect(weighed).toMatchObject({ quantity: 1, weightGrams: 1234, unitPriceMinor: cheese.price_minor });
    expect(weighed.lineTotalMinor).toBe(Math.round((cheese.price_minor * 1234) / 1000));
    const before = databaseDigest(fx.local);
    // Layout 23 carries a price check digit: a forged one is refused as a misread, nothing added.
    const body = '231234714685';
    const refused = await fx.call('cart.scan', { barcode: body + String(gtinCheckDigit(body)) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BARCODE_INVALID' } });
    expect(await fx.call('cart.setQuantity', { lineId: weighed.id, quantity: 2 })).toMatchObject({ ok: false, error: { code: 'QUANTITY_OUT_OF_RANGE' } });
    expect(databaseDigest(fx.local)).toBe(before);
  });

  it('offers the quick-keys grid per category, pinned products first', async () => {
    fx = await checkoutCore();
    const { categories } = await fx.core.handlers['catalog.quickKeys']({ perCategory: 3 });
    expect(categories.length).toBeGreaterThan(3);
    for (const category of categories) {
      expect(category.products.length).toBeLessThanOrEqual(3);
      const names = category.products.map((p) => p.name);
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(category.products.every((p) => p.active && p.categoryName === category.name)).toBe(true);
    }
    await fx.dispose();
    // The store pins two products of the first category, in its own order.
    let pinned: string[] = [];
    let categoryId = '';
    fx = await checkoutCore({
      settings: (local) => {
        const category = local.sqlite.prepare('SELECT id FROM category ORDER BY sort LIMIT 1').get() as { id: string };
        pinned = (local.sqlite.prepare('SELECT id FROM product WHERE category_id = ? ORDER BY name DESC LIMIT 2').all(category.id) as { id: string }[]).map((p) => p.id);
        categoryId = category.id;
        return { quickKeys: { perCategory: 12, pinned: { [category.id]: pinned } } };
      },
    });
    const again = await fx.core.handlers['catalog.quickKeys']({});
    expect(again.categories.find((c) => c.id === categoryId)!.products.map((p) => p.id)).toEqual(pinned);
    expect(again.categories.find((c) => c.id !== categoryId)!.products.length).toBeGreaterThan(2);
  });

  it('ranks search: exact code first, then names starting with the query', async () => {
    fx = await checkoutCore();
    const results = await fx.core.handlers['catalog.search']({ query: 'mil', limit: 10 });
    expect(results.length).toBeGreaterThan(1);
    const starts = results.map((p) => p.name.toLowerCase().startsWith('mil'));
    expect(starts.indexOf(false) === -1 || starts.slice(starts.indexOf(false)).every((s) => !s)).toBe(true);
  });
});
