import type { InStoreLayout } from '../../../src-shared/barcode/in-store';
import { normalizeBarcode } from '../../../src-shared/barcode/normalize';
import { DomainError, MAX_LINE_QUANTITY } from '../../../src-shared/contract';
import type { Cart, Discount } from '../../../src-shared/domain/cart';
import type { StoreInfo } from '../../../src-shared/domain/store';
import type { StoreSettings } from '../../../src-shared/domain/store-settings';
import { createMoneyFormatter } from '../../../src-shared/i18n/money-format';
import { discountAmount, lineGross } from '../../../src-shared/pricing/price-cart';
import type { Authorize, AuthorizeAction, AuthorizeContext } from '../authorize';
import type { CatalogService, SellableProduct } from '../catalog/catalog-service';
import type { LocalStore } from '../db/local-store';
import type { Clock, IdGenerator } from '../deps';
import type { EventHub } from '../events';
import { CART_SQL, createCartStore, parseDiscount, type CartLineRow } from './cart-store';

export interface CartServiceDeps {
  local: LocalStore;
  catalog: CatalogService;
  clock: Clock;
  ids: IdGenerator;
  events: EventHub;
  store: StoreInfo;
  settings: StoreSettings;
  /** In-store price/weight barcode layouts (the store's settings, or the demo ones). */
  inStoreLayouts: readonly InStoreLayout[];
  authorize: Authorize;
}

interface Approval { action: AuthorizeAction; context: AuthorizeContext }

const pct = (bp: number) => `${(bp / 100).toLocaleString('en', { maximumFractionDigits: 2 })} %`;

/**
 * The sale in progress lives in main and in the database, never only in the UI: every change is
 * ONE synchronous transaction (`withSyncTransaction`, prepared statements) that returns the newly
 * priced cart and emits `cart.changed` after commit. Cart edits commit with `process` durability
 * (they survive a crash or kill; the sale's fsync makes them durable too). Bad input throws a
 * DomainError before anything is written. Discounts above the store's threshold and every price
 * override go through `authorize` first, outside the transaction.
 */
export function createCartService(deps: CartServiceDeps) {
  const { local, catalog, clock, ids, events, settings } = deps;
  const carts = createCartStore(local, clock, ids, () => ({ pricesIncludeTax: deps.store.pricesIncludeTax, taxRounding: settings.taxRounding }));
  const money = createMoneyFormatter(deps.store);
  const db = local.sqlite;

  /** Runs one cart change; `change` returns the line to highlight (null: none, undefined: keep). */
  function mutate(change: (cartId: string) => string | null | undefined): Promise<Cart> {
    return local.withSyncTransaction((_db, tx) => {
      const cartId = carts.currentId();
      const touched = change(cartId);
      if (touched !== undefined) carts.st(CART_SQL.touch).run(clock.now().toISOString(), touched, cartId);
      const next = carts.snapshot(cartId);
      tx.onCommit(() => events.emit('cart.changed', next));
      return next;
    }, { durability: 'process' });
  }

  /**
   * Validates and asks for approval before changing: `check` runs once on a read snapshot (its
   * DomainErrors refuse the change), the policy is asked outside any transaction, and `check`
   * runs again inside the transaction: if the cart changed so that more approval would be needed,
   * the change is refused with CART_CHANGED rather than slipping through.
   */
  async function guarded(check: (cartId: string | undefined) => Approval | null, change: (cartId: string) => string | null | undefined): Promise<Cart> {
    const needed = await local.read(() => check(carts.findCurrentId()));
    if (needed) await deps.authorize(needed.action, needed.context);
    return mutate((cartId) => {
      const now = check(cartId);
      if (now && (!needed || now.action !== needed.action || (now.context.amountMinor ?? 0) > (needed.context.amountMinor ?? 0))) {
        throw new DomainError('CART_CHANGED', 'The cart changed while approval was asked; check it and try again.');
      }
      return change(cartId);
    });
  }

  function checkQuantity(quantity: number): void {
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_LINE_QUANTITY) {
      throw new DomainError('QUANTITY_OUT_OF_RANGE', `A line holds 1 to ${MAX_LINE_QUANTITY} units; ${quantity} is not possible.`);
    }
  }

  function lineOf(cartId: string | undefined, lineId: string): CartLineRow {
    const line = cartId === undefined ? undefined : carts.lineRow(cartId, lineId);
    if (!line) throw new DomainError('NOT_FOUND', 'That line is no longer in the cart.');
    return line;
  }

  function assertSellable(product: SellableProduct): void {
    if (!product.active) {
      throw new DomainError('PRODUCT_INACTIVE', `${product.name} (${product.sku}) is no longer sold (inactive in the catalog) and cannot be added.`);
    }
  }

  /** Adds units of a product; a repeat of the plain line just added increases its quantity instead. */
  function addProduct(cartId: string, product: SellableProduct, quantity: number, priceMinor = product.priceMinor, weightGrams: number | null = null): string {
    assertSellable(product);
    const last = carts.st(CART_SQL.lastLine).get(cartId) as CartLineRow | undefined;
    if (weightGrams === null && last && last.product_id === product.id && last.unit_price_minor === priceMinor
      && last.weight_grams === null && last.catalog_price_minor === null) {
      checkQuantity(last.quantity + quantity);
      assertDiscountFits(last, { quantity: last.quantity + quantity });
      carts.st(CART_SQL.setQuantity).run(last.quantity + quantity, last.id);
      return last.id;
    }
    checkQuantity(quantity);
    const id = ids.next();
    carts.st(CART_SQL.insertLine).run(id, cartId, product.id, product.sku, product.name, quantity, priceMinor, product.taxRateBp, clock.now().toISOString(), weightGrams);
    return id;
  }

  /** An amount discount may never exceed its line: a change that would make it so is refused. */
  function assertDiscountFits(line: CartLineRow, change: { quantity?: number; unitPriceMinor?: number }): void {
    const discount = parseDiscount(line.discount_json);
    if (discount?.kind !== 'amount') return;
    const gross = lineGross({ quantity: change.quantity ?? line.quantity, unitPriceMinor: change.unitPriceMinor ?? line.unit_price_minor, weightGrams: line.weight_grams });
    if (discount.amountMinor > gross) {
      throw new DomainError('DISCOUNT_TOO_LARGE', `${line.name} has a discount of ${money(discount.amountMinor)}, more than the line would be (${money(gross)}); change the discount first.`);
    }
  }

  /** Scans an in-store price or weight code, or a product barcode (every form the normaliser knows). */
  function scanIn(cartId: string, raw: string): string {
    const normalized = normalizeBarcode(raw, { inStoreLayouts: deps.inStoreLayouts });
    const inStore = normalized.inStore;
    if ((normalized.kind === 'gs1-price' || normalized.kind === 'gs1-weight') && !normalized.valid) {
      throw new DomainError('BARCODE_INVALID', normalized.problem ?? 'The embedded price or weight does not check out: scan again.');
    }
    for (const code of normalized.lookup) {
      const found = catalog.sellableByBarcodeIn(db, code);
      if (!found) continue;
      if (normalized.kind === 'gs1-price' && inStore?.priceMinor != null) return addProduct(cartId, found.product, 1, inStore.priceMinor);
      if (normalized.kind === 'gs1-weight' && inStore?.weightGrams != null) return addWeighed(cartId, found.product, inStore.weightGrams);
      return addProduct(cartId, found.product, found.packQuantity);
    }
    // A GTIN whose check digit is wrong was still looked up (some stores use internal codes
    // without one); not found, it is most likely a misread, and the cashier may also search.
    if (!normalized.valid) throw new DomainError('BARCODE_NOT_FOUND', `No product has the barcode ${normalized.code}, and its check digit does not match: it was probably misread. Scan again or search by name.`);
    throw new DomainError('BARCODE_NOT_FOUND', `No product has the barcode ${normalized.code}. Search by name instead.`);
  }

  function addWeighed(cartId: string, product: SellableProduct, grams: number): string {
    if (grams <= 0) throw new DomainError('BARCODE_INVALID', 'The label weighs nothing: weigh the item again.');
    return addProduct(cartId, product, 1, product.priceMinor, grams);
  }

  function lookupOrThrow(barcode: string) {
    const found = catalog.sellableByBarcodeIn(db, barcode);
    if (!found) throw new DomainError('BARCODE_NOT_FOUND', `No product has the barcode ${barcode}. Search by name instead.`);
    return found;
  }

  /** Approval needed for `discount` on `base` (over the threshold), or null. */
  function discountApproval(discount: Discount, base: number, subject: string, refs: Partial<AuthorizeContext>): Approval | null {
    const amount = discountAmount(discount, base);
    if (discount.kind === 'amount' && discount.amountMinor > base) {
      throw new DomainError('DISCOUNT_TOO_LARGE', `A discount of ${money(discount.amountMinor)} is more than ${subject} (${money(base)}).`);
    }
    const threshold = settings.discountThresholdBp;
    const over = discount.kind === 'percent' ? discount.bp > threshold : amount * 10_000 > threshold * base;
    if (!over) return null;
    const share = discount.kind === 'percent' ? discount.bp : base > 0 ? Math.round((amount * 10_000) / base) : 0;
    const shown = discount.kind === 'percent' ? pct(discount.bp) : `${money(amount)} (${pct(share)})`;
    return {
      action: 'discount.aboveThreshold',
      context: { ...refs, summary: `A discount of ${shown} on ${subject}, more than the ${pct(threshold)} a cashier may give,`, amountMinor: amount, percentBp: share, thresholdBp: threshold },
    };
  }

  return {
    get(): Promise<Cart> {
      return local.withSyncTransaction(() => carts.snapshot(carts.currentId()), { durability: 'process' });
    },

    /** A barcode as typed or scanned: product codes, pack codes, in-store price/weight codes. */
    scan: (barcode: string): Promise<Cart> => mutate((cartId) => scanIn(cartId, barcode)),

    /** For the ScannerHub: one unit of the product under `barcode` at `priceOf(catalog price)`. */
    scanWithPrice: (barcode: string, priceOf: (catalogPriceMinor: number) => number): Promise<Cart> => mutate((cartId) => {
      const found = lookupOrThrow(barcode);
      return addProduct(cartId, found.product, 1, priceOf(found.product.priceMinor));
    }),

    /** For the ScannerHub: a weighed item (GS1 weight code) of the product under `barcode`. */
    scanWeighed: (barcode: string, weightGrams: number): Promise<Cart> => mutate((cartId) => addWeighed(cartId, lookupOrThrow(barcode).product, weightGrams)),

    addLine: (productId: string, quantity: number): Promise<Cart> => mutate((cartId) => {
      const product = catalog.sellableByIdIn(db, productId);
      if (!product) throw new DomainError('NOT_FOUND', 'That product is not in the catalog any more.');
      return addProduct(cartId, product, quantity);
    }),

    setQuantity: (lineId: string, quantity: number): Promise<Cart> => mutate((cartId) => {
      const line = lineOf(cartId, lineId);
      if (line.weight_grams !== null) throw new DomainError('QUANTITY_OUT_OF_RANGE', `${line.name} is sold by weight: scan each package instead.`);
      checkQuantity(quantity);
      assertDiscountFits(line, { quantity });
      carts.st(CART_SQL.setQuantity).run(quantity, lineId);
      return lineId;
    }),

    removeLine: (lineId: string): Promise<Cart> => guarded((cartId) => {
      const line = lineOf(cartId, lineId);
      return { action: 'line.void', context: { summary: `Removing ${line.name} from the sale`, cartId, lineId, productId: line.product_id } };
    }, (cartId) => {
      carts.st(CART_SQL.touch).run(clock.now().toISOString(), null, cartId);
      carts.st(CART_SQL.deleteLine).run(lineId);
      return null;
    }),

    clear: (): Promise<Cart> => guarded((cartId) => {
      const lines = cartId === undefined ? 0 : carts.lineRows(cartId).length;
      return lines === 0 ? null : { action: 'line.void', context: { summary: `Clearing the sale (${lines} ${lines === 1 ? 'line' : 'lines'})`, cartId } };
    }, (cartId) => {
      carts.st(CART_SQL.touch).run(clock.now().toISOString(), null, cartId);
      carts.st(CART_SQL.deleteLines).run(cartId);
      carts.st(CART_SQL.setCartDiscount).run(null, cartId);
      carts.st(CART_SQL.setCartNote).run(null, cartId);
      carts.st(CART_SQL.setTaxExempt).run(0, cartId);
      return null;
    }),

    /** A line discount (null removes it). Above the threshold it needs approval. */
    setLineDiscount: (lineId: string, discount: Discount | null): Promise<Cart> => guarded((cartId) => {
      const line = lineOf(cartId, lineId);
      if (!discount) return null;
      return discountApproval(discount, lineGross({ quantity: line.quantity, unitPriceMinor: line.unit_price_minor, weightGrams: line.weight_grams }), line.name, { cartId, lineId, productId: line.product_id });
    }, () => {
      carts.st(CART_SQL.setLineDiscount).run(discount ? JSON.stringify(discount) : null, lineId);
      return lineId;
    }),

    /** A discount on the whole cart, spread over the lines (null removes it). */
    setCartDiscount: (discount: Discount | null): Promise<Cart> => guarded((cartId) => {
      if (!discount) return null;
      const snapshot = cartId === undefined ? undefined : carts.snapshot(cartId);
      if (!snapshot || snapshot.lines.length === 0) throw new DomainError('CART_EMPTY', 'The cart is empty: there is nothing to discount.');
      const base = snapshot.lines.reduce((sum, line) => sum + line.lineTotalMinor, 0);
      return discountApproval(discount, base, 'the sale', { cartId });
    }, (cartId) => {
      carts.st(CART_SQL.setCartDiscount).run(discount ? JSON.stringify(discount) : null, cartId);
      return undefined;
    }),

    /** Sells a line at another unit price (per kg for a weighed line); null restores the catalog price. Always needs approval. */
    overridePrice: (lineId: string, unitPriceMinor: number | null): Promise<Cart> => guarded((cartId) => {
      const line = lineOf(cartId, lineId);
      if (unitPriceMinor === null) return null;
      if (!Number.isSafeInteger(unitPriceMinor) || unitPriceMinor < 0) throw new DomainError('INVALID_INPUT', 'A price cannot be negative.');
      assertDiscountFits(line, { unitPriceMinor });
      const from = line.catalog_price_minor ?? line.unit_price_minor;
      return {
        action: 'price.override',
        context: { summary: `Selling ${line.name} at ${money(unitPriceMinor)} instead of ${money(from)}`, cartId, lineId, productId: line.product_id, fromPriceMinor: from, toPriceMinor: unitPriceMinor, amountMinor: unitPriceMinor },
      };
    }, (cartId) => {
      const line = lineOf(cartId, lineId);
      const catalogPrice = line.catalog_price_minor ?? line.unit_price_minor;
      if (unitPriceMinor === null) {
        assertDiscountFits(line, { unitPriceMinor: catalogPrice });
        carts.st(CART_SQL.setLinePrice).run(catalogPrice, null, lineId);
      } else carts.st(CART_SQL.setLinePrice).run(unitPriceMinor, unitPriceMinor === catalogPrice ? null : catalogPrice, lineId);
      return lineId;
    }),

    /** A note on a line, or on the sale when `lineId` is absent; null removes it. */
    setNote: (lineId: string | undefined, note: string | null): Promise<Cart> => mutate((cartId) => {
      if (lineId === undefined) {
        carts.st(CART_SQL.setCartNote).run(note, cartId);
        return undefined;
      }
      lineOf(cartId, lineId);
      carts.st(CART_SQL.setLineNote).run(note, lineId);
      return lineId;
    }),

    /** A tax-exempt sale charges no tax (see pricing: inclusive prices lose their tax). */
    setTaxExempt: (taxExempt: boolean): Promise<Cart> => mutate((cartId) => {
      carts.st(CART_SQL.setTaxExempt).run(taxExempt ? 1 : 0, cartId);
      return undefined;
    }),

    /** For the sale and parked carts: the cart store, used inside their own transactions. */
    carts,
  };
}

export type CartService = ReturnType<typeof createCartService>;
