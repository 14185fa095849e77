import type { EventName, Handlers } from '../../src-shared/contract';
import { createCatalogService } from './catalog/catalog-service';
import { toFtsPrefixQuery } from './catalog/fts-query';
import { createCartService } from './cart/cart-service';
import type { LocalStore } from './db/local-store';
import type { Clock, IdGenerator, Logger } from './deps';
import { EventHub } from './events';
import { renderReceiptSvg } from './receipt/render-receipt';
import { receiptDocument } from './receipt/receipt-document';
import { listRecentSales } from './sale/sale-reader';
import { createSaleService } from './sale/sale-service';
import { loadTerminalIdentity } from './settings/terminal-identity';

export interface CoreDeps {
  local: LocalStore;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  appVersion: string;
}

export interface Core {
  handlers: Handlers;
  onEvent(listener: (name: EventName, payload: unknown) => void): () => void;
  close(): Promise<void>;
}

/**
 * Composes the terminal's services over one local store. Everything it touches comes in
 * `deps`: no module-level state, so a test builds a core on a temp file with a fixed clock.
 */
export async function createCore(deps: CoreDeps): Promise<Core> {
  const { local, clock, ids, appVersion } = deps;
  const events = new EventHub();
  const identity = await loadTerminalIdentity(local);
  const catalog = createCatalogService(local);
  const cart = createCartService({ local, catalog, clock, ids, events, pricesIncludeTax: identity.store.pricesIncludeTax });
  const sales = createSaleService({ local, cart, clock, ids, events, identity });

  const handlers = {
    'app.info': async () => ({ version: appVersion, ...identity, catalog: { products: await catalog.count() } }),
    'catalog.search': ({ query, limit }) => catalog.search(query, limit, toFtsPrefixQuery(query)),
    'cart.get': () => cart.get(),
    'cart.scan': ({ barcode }) => cart.scan(barcode),
    'cart.addLine': ({ productId, quantity }) => cart.addLine(productId, quantity),
    'cart.setQuantity': ({ lineId, quantity }) => cart.setQuantity(lineId, quantity),
    'cart.removeLine': ({ lineId }) => cart.removeLine(lineId),
    'cart.clear': () => cart.clear(),
    'sale.complete': ({ cartId, payments }) => sales.complete(cartId, payments),
    'sale.get': (where) => sales.get(where),
    'sale.listRecent': ({ limit }) => listRecentSales(local.db, limit),
    'receipt.preview': async ({ saleId, copy }) => {
      const sale = await sales.get({ saleId });
      const width = 42;
      const svg = renderReceiptSvg(receiptDocument(sale, identity.store, identity.terminal, { copy, width }), { width });
      return { svg, receiptNo: sale.receiptNo };
    },
  } satisfies Handlers;

  return {
    handlers,
    onEvent: (listener) => events.on(listener),
    close: () => local.close(),
  };
}
