import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type Method } from '../../src-shared/contract';
import { silentLogger } from '../../src-main/core/deps';
import { dispatch } from '../../src-main/rpc/dispatch';
import { databaseDigest, demoCore, type CoreFixture } from '../support/core-fixture';

/**
 * Malformed inputs per method. Typed as a record over every method of the contract, so a new
 * method without cases here fails to type-check. Inputs that every method must refuse are added
 * to each list below.
 */
const malformed: Record<Method, unknown[]> = {
  'app.info': [{ verbose: true }],
  'catalog.search': [{}, { query: '' }, { query: '   ' }, { query: 'x'.repeat(101) }, { query: 'milk', limit: 0 }, { query: 'milk', limit: 51 }, { query: 7 }],
  'cart.get': [{ cartId: 'x' }],
  'cart.scan': [{}, { barcode: '' }, { barcode: 5012345678900 }, { barcode: '5012345<script>' }, { barcode: '9'.repeat(65) }],
  'cart.addLine': [{}, { productId: '' }, { productId: 'p', quantity: 0 }, { productId: 'p', quantity: -2 }, { productId: 'p', quantity: 1.5 }, { productId: 'p', quantity: 10_000 }, { productId: 'x'.repeat(65) }],
  'cart.setQuantity': [{ lineId: 'l' }, { lineId: 'l', quantity: 0 }, { lineId: 'l', quantity: 'two' }, { lineId: 'l', quantity: 1e9 }],
  'cart.removeLine': [{}, { lineId: '' }, { lineId: null }],
  'cart.clear': [{ all: true }],
  'sale.complete': [
    {}, { cartId: 'c' }, { cartId: 'c', payments: [] },
    { cartId: 'c', payments: [{ tender: 'cash', amountMinor: 10.5 }] },
    { cartId: 'c', payments: [{ tender: 'cash', amountMinor: -100 }] },
    { cartId: 'c', payments: [{ tender: 'cash', amountMinor: 0 }] },
    { cartId: 'c', payments: [{ tender: 'bitcoin', amountMinor: 100 }] },
    { cartId: 'c', payments: [{ tender: 'cash', amountMinor: Number.MAX_SAFE_INTEGER + 2 }] },
    { cartId: 'c', payments: Array.from({ length: 11 }, () => ({ tender: 'cash', amountMinor: 100 })) },
  ],
  'sale.get': [{}, { saleId: '' }, { saleId: 's', receiptNo: 'r' }, { receiptNo: 'x'.repeat(41) }],
  'sale.listRecent': [{ limit: 0 }, { limit: 101 }, { limit: 'ten' }],
  'receipt.preview': [{}, { saleId: 's', copy: 'yes' }],
};
const refusedByEvery: unknown[] = [42, 'cart', [], true, { constructor: 'x', __proto__: { polluted: true } }];

describe('every contract method refuses malformed input', () => {
  let fx: CoreFixture;
  beforeAll(async () => {
    fx = await demoCore();
    // A cart with a line, so that a wrongly accepted input would have something to change.
    const [product] = await fx.core.handlers['catalog.search']({ query: 'milk', limit: 1 });
    await fx.core.handlers['cart.addLine']({ productId: product!.id, quantity: 2 });
  });
  afterAll(() => fx.dispose());

  it('has cases for exactly the contract methods', () => {
    expect(Object.keys(malformed).sort()).toEqual(Object.keys(contract).sort());
  });

  for (const method of Object.keys(contract) as Method[]) {
    it(`${method}: INVALID_INPUT with a readable message, database unchanged`, async () => {
      const before = databaseDigest(fx.local);
      for (const input of [...malformed[method], ...refusedByEvery]) {
        const result = await dispatch(fx.core.handlers, method, input, { logger: silentLogger, validateOutput: true });
        expect(result.ok, `${method} accepted ${JSON.stringify(input)}`).toBe(false);
        if (result.ok) continue;
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(result.error.message).toMatch(new RegExp(`^Invalid input for ${method.replace('.', '\\.')}: \\S`));
        expect(result.error.message.length).toBeLessThan(600);
      }
      expect(databaseDigest(fx.local)).toBe(before);
    });
  }
});
