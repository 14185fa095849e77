import { Discount, type Cart, type CartLine } from '../../../src-shared/domain/cart';
import { minor } from '../../../src-shared/money';
import { priceCart, type PricingOptions } from '../../../src-shared/pricing/price-cart';
import type { LocalStore } from '../db/local-store';
import type { Clock, IdGenerator } from '../deps';

export interface CartRow {
  id: string; created_at: string; updated_at: string; last_line_id: string | null;
  discount_json: string | null; tax_exempt: number; note: string | null; parked_at: string | null; park_note: string | null;
}
export interface CartLineRow {
  id: string; cart_id: string; product_id: string; sku: string; name: string; quantity: number;
  unit_price_minor: number; tax_rate_bp: number; added_at: string; weight_grams: number | null;
  catalog_price_minor: number | null; discount_json: string | null; note: string | null;
}

export const CART_SQL = {
  current: 'SELECT id FROM cart WHERE parked_at IS NULL',
  insertCart: 'INSERT INTO cart (id, created_at, updated_at, last_line_id) VALUES (?, ?, ?, NULL)',
  cart: 'SELECT * FROM cart WHERE id = ?',
  lines: 'SELECT * FROM cart_line WHERE cart_id = ? ORDER BY added_at, id',
  line: 'SELECT * FROM cart_line WHERE id = ? AND cart_id = ?',
  lastLine: 'SELECT l.* FROM cart c JOIN cart_line l ON l.id = c.last_line_id WHERE c.id = ?',
  touch: 'UPDATE cart SET updated_at = ?, last_line_id = ? WHERE id = ?',
  insertLine: `INSERT INTO cart_line (id, cart_id, product_id, sku, name, quantity, unit_price_minor, tax_rate_bp, added_at, weight_grams)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  setQuantity: 'UPDATE cart_line SET quantity = ? WHERE id = ?',
  setLineDiscount: 'UPDATE cart_line SET discount_json = ? WHERE id = ?',
  setLinePrice: 'UPDATE cart_line SET unit_price_minor = ?, catalog_price_minor = ? WHERE id = ?',
  setLineNote: 'UPDATE cart_line SET note = ? WHERE id = ?',
  setCartDiscount: 'UPDATE cart SET discount_json = ? WHERE id = ?',
  setCartNote: 'UPDATE cart SET note = ? WHERE id = ?',
  setTaxExempt: 'UPDATE cart SET tax_exempt = ? WHERE id = ?',
  deleteLine: 'DELETE FROM cart_line WHERE id = ?',
  deleteLines: 'DELETE FROM cart_line WHERE cart_id = ?',
} as const;

export const parseDiscount = (json: string | null): Discount | null => (json === null ? null : Discount.parse(JSON.parse(json)));

/**
 * The persisted cart, read and written synchronously on the store's handle with its prepared
 * statements; call these only inside `withSyncTransaction` or `read`, and priced with `src-shared/pricing` on every snapshot, so what the
 * screen, the receipt and the sale see is always computed the same way.
 */
export function createCartStore(local: LocalStore, clock: Clock, ids: IdGenerator, pricing: () => Omit<PricingOptions, 'taxExempt' | 'cartDiscount'>) {
  const st = (text: string) => local.statement(text);

  /** The current (not parked) cart, if there is one; never writes. */
  const findCurrentId = (): string | undefined => (st(CART_SQL.current).get() as { id: string } | undefined)?.id;

  function currentId(): string {
    const found = findCurrentId();
    if (found) return found;
    const now = clock.now().toISOString();
    const id = ids.next();
    st(CART_SQL.insertCart).run(id, now, now);
    return id;
  }

  const cartRow = (cartId: string) => st(CART_SQL.cart).get(cartId) as CartRow | undefined;
  const lineRows = (cartId: string) => st(CART_SQL.lines).all(cartId) as CartLineRow[];
  const lineRow = (cartId: string, lineId: string) => st(CART_SQL.line).get(lineId, cartId) as CartLineRow | undefined;

  /** Prices rows of a cart into what the contract returns. */
  function price(cart: CartRow, rows: readonly CartLineRow[]): Cart {
    const cartDiscount = parseDiscount(cart.discount_json);
    const inputs = rows.map((row) => ({
      quantity: row.quantity, unitPriceMinor: row.unit_price_minor, taxRateBp: row.tax_rate_bp,
      weightGrams: row.weight_grams, discount: parseDiscount(row.discount_json),
    }));
    const priced = priceCart(inputs, { ...pricing(), taxExempt: cart.tax_exempt === 1, cartDiscount });
    const lines: CartLine[] = rows.map((row, i) => {
      const p = priced.lines[i]!;
      return {
        id: row.id, productId: row.product_id, sku: row.sku, name: row.name, quantity: row.quantity,
        unitPriceMinor: minor(row.unit_price_minor), taxRateBp: row.tax_rate_bp, lineTotalMinor: minor(p.lineTotalMinor),
        weightGrams: row.weight_grams, catalogPriceMinor: row.catalog_price_minor === null ? null : minor(row.catalog_price_minor),
        discount: inputs[i]!.discount, discountMinor: minor(p.discountMinor), cartDiscountMinor: minor(p.cartDiscountMinor), note: row.note,
      };
    });
    return {
      id: cart.id, lines, totals: priced.totals, lastLineId: cart.last_line_id,
      discount: cartDiscount, taxExempt: cart.tax_exempt === 1, note: cart.note,
    };
  }

  function snapshot(cartId: string): Cart {
    const cart = cartRow(cartId);
    if (!cart) throw new Error(`cart ${cartId} vanished inside its transaction`);
    return price(cart, lineRows(cartId));
  }

  return { st, findCurrentId, currentId, cartRow, lineRows, lineRow, price, snapshot };
}

export type CartStore = ReturnType<typeof createCartStore>;
