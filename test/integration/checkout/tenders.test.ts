import { afterEach, describe, expect, it } from 'vitest';
import { noStoreCredit } from '../../../src-main/core/checkout/store-credit';
import { DEMO_BARCODES } from '../../../src-main/core/demo/seed-demo-store';
import { checkoutCore, type CheckoutFixture } from '../../support/checkout-fixture';
import { databaseDigest } from '../../support/core-fixture';

describe('tenders', () => {
  let fx: CheckoutFixture;
  afterEach(() => fx.dispose());

  it('splits over card, mobile money and cash; change comes only from cash; references are kept and printed', async () => {
    fx = await checkoutCore();
    const h = fx.core.handlers;
    await h['cart.scan']({ barcode: DEMO_BARCODES.cola });
    const cart = await h['cart.scan']({ barcode: DEMO_BARCODES.milk }); // 2.25 + 1.55 = 3.80
    const due = await h['checkout.due']({ payments: [{ tender: 'card', amountMinor: 2_00 as never, reference: 'AUTH 4711' }] });
    expect(due).toMatchObject({ cartId: cart.id, totalMinor: 3_80, paidMinor: 2_00, exactMinor: 1_80, cashMinor: 1_80, quickCashMinor: [1_80, 5_00, 10_00, 20_00] });
    const sale = await h['sale.complete']({
      cartId: cart.id,
      payments: [
        { tender: 'card', amountMinor: 2_00 as never, reference: 'AUTH 4711' },
        { tender: 'mobile', amountMinor: 80 as never, reference: 'MM-0042' },
        { tender: 'cash', amountMinor: 5_00 as never },
      ],
    });
    expect(sale).toMatchObject({ tenderedMinor: 7_80, changeMinor: 4_00, cashRoundingMinor: 0 });
    expect(sale.payments.map((p) => [p.tender, p.amountMinor, p.reference])).toEqual([['card', 2_00, 'AUTH 4711'], ['mobile', 80, 'MM-0042'], ['cash', 5_00, null]]);
    expect(sale.tenderedMinor - (sale.totals.totalMinor + sale.cashRoundingMinor)).toBe(sale.changeMinor);
    const { svg } = await h['receipt.preview']({ saleId: sale.id, copy: true });
    const text = svg.replace(/<[^>]+>/g, '').replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/\u00a0/g, ' ');
    for (const expected of ['AUTH 4711', 'MM-0042', 'Card', 'Mobile money', 'COPY']) expect(text).toContain(expected);
  });

  it('refuses over-tender by card, a short payment and an unknown tender reference, writing nothing', async () => {
    fx = await checkoutCore();
    const cart = await fx.core.handlers['cart.scan']({ barcode: DEMO_BARCODES.cola });
    const before = databaseDigest(fx.local);
    const over = await fx.call('sale.complete', { cartId: cart.id, payments: [{ tender: 'card', amountMinor: 2_26, reference: 'A1' }] });
    expect(over).toMatchObject({ ok: false, error: { code: 'TENDER_OVER' } });
    if (!over.ok) expect(over.error.message).toMatch(/only cash can give change/);
    expect(await fx.call('sale.complete', { cartId: cart.id, payments: [{ tender: 'card', amountMinor: 1_00, reference: 'A1' }, { tender: 'cash', amountMinor: 1_00 }] }))
      .toMatchObject({ ok: false, error: { code: 'TENDER_SHORT' } });
    expect(await fx.call('sale.complete', { cartId: cart.id, payments: [{ tender: 'card', amountMinor: 2_25 }] }))
      .toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(databaseDigest(fx.local)).toBe(before);
    // Exactly paid by card: no change, no rounding.
    const sale = await fx.core.handlers['sale.complete']({ cartId: cart.id, payments: [{ tender: 'card', amountMinor: 2_25 as never, reference: 'A1' }] });
    expect(sale).toMatchObject({ tenderedMinor: 2_25, changeMinor: 0 });
  });

  it('refuses store credit with a clear message until a ledger is plugged in', async () => {
    fx = await checkoutCore({ checkout: { storeCredit: noStoreCredit } });
    const cart = await fx.core.handlers['cart.scan']({ barcode: DEMO_BARCODES.cola });
    const before = databaseDigest(fx.local);
    const refused = await fx.call('sale.complete', { cartId: cart.id, payments: [{ tender: 'storeCredit', amountMinor: 2_25, reference: 'CN-1' }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'TENDER_REFUSED', message: 'Store credit cannot be taken on this till yet: take another tender.' } });
    expect(databaseDigest(fx.local)).toBe(before);
  });

  it('rounds only the cash part to the store increment (Dutch/Belgian 5-cent rule)', async () => {
    fx = await checkoutCore({ settings: { cashRounding: { incrementMinor: 5, mode: 'nearest' } } });
    const h = fx.core.handlers;
    await h['cart.scan']({ barcode: DEMO_BARCODES.eggs }); // 1.99
    let cart = await h['cart.scan']({ barcode: DEMO_BARCODES.banana }); // 0.18 → 2.17
    expect(cart.totals.totalMinor).toBe(2_17);
    expect(await h['checkout.due']({ payments: [] })).toMatchObject({ exactMinor: 2_17, cashMinor: 2_15 });
    const cashOnly = await h['sale.complete']({ cartId: cart.id, payments: [{ tender: 'cash', amountMinor: 2_15 as never }] });
    expect(cashOnly).toMatchObject({ tenderedMinor: 2_15, cashRoundingMinor: -2, changeMinor: 0 });
    expect(cashOnly.totals.totalMinor).toBe(2_17); // the sale's value is not rounded, only what the cash paid
    await h['cart.scan']({ barcode: DEMO_BARCODES.eggs });
    cart = await h['cart.scan']({ barcode: DEMO_BARCODES.banana });
    // 1.00 by card (exact), 1.17 left in cash → 1.15.
    const split = await h['sale.complete']({ cartId: cart.id, payments: [{ tender: 'card', amountMinor: 1_00 as never, reference: 'C9' }, { tender: 'cash', amountMinor: 2_00 as never }] });
    expect(split).toMatchObject({ cashRoundingMinor: -2, changeMinor: 85, tenderedMinor: 3_00 });
    const cardOnly = await (async () => {
      await h['cart.scan']({ barcode: DEMO_BARCODES.eggs });
      const c = await h['cart.scan']({ barcode: DEMO_BARCODES.banana });
      return h['sale.complete']({ cartId: c.id, payments: [{ tender: 'card', amountMinor: 2_17 as never, reference: 'C10' }] });
    })();
    expect(cardOnly.cashRoundingMinor).toBe(0);
  });
});
