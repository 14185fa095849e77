import type { Transaction } from 'kysely';
import { DomainError, MAX_LINE_QUANTITY } from '../../../src-shared/contract';
import type { Cart, CartLine } from '../../../src-shared/domain/cart';
import type { ProductSummary } from '../../../src-shared/domain/catalog';
import { minor } from '../../../src-shared/money';
import { lineTotal, priceCart } from '../../../src-shared/pricing/price-cart';
import type { CatalogService, Db } from '../catalog/catalog-service';
import type { LocalStore } from '../db/local-store';
import type { Database } from '../db/schema';
import type { Clock, IdGenerator } from '../deps';
import type { EventHub } from '../events';

export interface CartServiceDeps {
  local: LocalStore;
  catalog: CatalogService;
  clock: Clock;
  ids: IdGenerator;
  events: EventHub;
  pricesIncludeTax: boolean;
}

/**
 * The sale in progress lives in main and in the database, never only in the UI: every change is
 * one transaction that returns the new cart. Cart edits commit with `process` durability (they
 * survive a crash or kill; the sale's fsync makes them durable) so a scan stays well under 1 ms.
 */
export function createCartService(deps: CartServiceDeps) {
  const { local, catalog, clock, ids, events } = deps;

  async function currentCartId(db: Db): Promise<string> {
    const row = await db.selectFrom('cart').select('id').orderBy('created_at', 'desc').executeTakeFirst();
    if (row) return row.id;
    const now = clock.now().toISOString();
    const id = ids.next();
    await db.insertInto('cart').values({ id, created_at: now, updated_at: now, last_line_id: null }).execute();
    return id;
  }

  async function snapshot(db: Db, cartId: string): Promise<Cart> {
    const cart = await db.selectFrom('cart').select('last_line_id').where('id', '=', cartId).executeTakeFirstOrThrow();
    const rows = await db.selectFrom('cart_line').selectAll().where('cart_id', '=', cartId).orderBy('added_at').orderBy('id').execute();
    const lines: CartLine[] = rows.map((row) => ({
      id: row.id,
      productId: row.product_id,
      sku: row.sku,
      name: row.name,
      quantity: row.quantity,
      unitPriceMinor: minor(row.unit_price_minor),
      taxRateBp: row.tax_rate_bp,
      lineTotalMinor: minor(lineTotal({ quantity: row.quantity, unitPriceMinor: row.unit_price_minor, taxRateBp: row.tax_rate_bp })),
    }));
    return { id: cartId, lines, totals: priceCart(lines, deps.pricesIncludeTax), lastLineId: cart.last_line_id };
  }

  /** Runs one cart change and publishes the new cart after it committed. */
  async function mutate(change: (trx: Transaction<Database>, cartId: string) => Promise<string | null>): Promise<Cart> {
    const cart = await local.withTransaction(async (trx, tx) => {
      const cartId = await currentCartId(trx);
      const touched = await change(trx, cartId);
      await trx.updateTable('cart').set({ updated_at: clock.now().toISOString(), last_line_id: touched }).where('id', '=', cartId).execute();
      const next = await snapshot(trx, cartId);
      tx.onCommit(() => events.emit('cart.changed', next));
      return next;
    }, { durability: 'process' });
    return cart;
  }

  function checkQuantity(quantity: number): void {
    if (quantity < 1 || quantity > MAX_LINE_QUANTITY) {
      throw new DomainError('QUANTITY_OUT_OF_RANGE', `A line holds 1 to ${MAX_LINE_QUANTITY} units; ${quantity} is not possible.`);
    }
  }

  /** Adds units of a product; a repeat of the line just added increases its quantity instead. */
  async function addProduct(trx: Transaction<Database>, cartId: string, product: ProductSummary, quantity: number): Promise<string> {
    if (!product.active) {
      throw new DomainError('PRODUCT_INACTIVE', `${product.name} (${product.sku}) is no longer sold and cannot be added.`);
    }
    const last = await trx.selectFrom('cart').innerJoin('cart_line', 'cart_line.id', 'cart.last_line_id')
      .select(['cart_line.id', 'cart_line.product_id', 'cart_line.quantity', 'cart_line.unit_price_minor'])
      .where('cart.id', '=', cartId).executeTakeFirst();
    if (last && last.product_id === product.id && last.unit_price_minor === product.priceMinor) {
      checkQuantity(last.quantity + quantity);
      await trx.updateTable('cart_line').set({ quantity: last.quantity + quantity }).where('id', '=', last.id).execute();
      return last.id;
    }
    checkQuantity(quantity);
    const id = ids.next();
    await trx.insertInto('cart_line').values({
      id, cart_id: cartId, product_id: product.id, sku: product.sku, name: product.name, quantity,
      unit_price_minor: product.priceMinor, tax_rate_bp: product.taxRateBp, added_at: clock.now().toISOString(),
    }).execute();
    return id;
  }

  async function lineOf(trx: Transaction<Database>, cartId: string, lineId: string) {
    const line = await trx.selectFrom('cart_line').select(['id', 'quantity']).where('id', '=', lineId).where('cart_id', '=', cartId).executeTakeFirst();
    if (!line) throw new DomainError('NOT_FOUND', 'That line is no longer in the cart.');
    return line;
  }

  return {
    async get(): Promise<Cart> {
      return local.withTransaction(async (trx) => snapshot(trx, await currentCartId(trx)), { durability: 'process' });
    },

    scan(barcode: string): Promise<Cart> {
      return mutate(async (trx, cartId) => {
        const found = await catalog.byBarcode(barcode, trx);
        if (!found) throw new DomainError('BARCODE_NOT_FOUND', `No product has the barcode ${barcode}. Search by name instead.`);
        return addProduct(trx, cartId, found.product, found.packQuantity);
      });
    },

    addLine(productId: string, quantity: number): Promise<Cart> {
      return mutate(async (trx, cartId) => {
        const product = await catalog.byId(productId, trx);
        if (!product) throw new DomainError('NOT_FOUND', 'That product is not in the catalog any more.');
        return addProduct(trx, cartId, product, quantity);
      });
    },

    setQuantity(lineId: string, quantity: number): Promise<Cart> {
      return mutate(async (trx, cartId) => {
        await lineOf(trx, cartId, lineId);
        checkQuantity(quantity);
        await trx.updateTable('cart_line').set({ quantity }).where('id', '=', lineId).execute();
        return lineId;
      });
    },

    removeLine(lineId: string): Promise<Cart> {
      return mutate(async (trx, cartId) => {
        await lineOf(trx, cartId, lineId);
        await trx.updateTable('cart').set({ last_line_id: null }).where('id', '=', cartId).execute();
        await trx.deleteFrom('cart_line').where('id', '=', lineId).execute();
        return null;
      });
    },

    clear(): Promise<Cart> {
      return mutate(async (trx, cartId) => {
        await trx.updateTable('cart').set({ last_line_id: null }).where('id', '=', cartId).execute();
        await trx.deleteFrom('cart_line').where('cart_id', '=', cartId).execute();
        return null;
      });
    },

    /** For the sale: the cart's lines and totals inside the caller's transaction. */
    snapshotIn: snapshot,
    currentCartIdIn: currentCartId,
  };
}

export type CartService = ReturnType<typeof createCartService>;
