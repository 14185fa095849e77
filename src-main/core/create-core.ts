import type { EventName, Handlers } from '../../src-shared/contract';
import { createCatalogService } from './catalog/catalog-service';
import { catalogHandlers } from './catalog/catalog-handlers';
import { cartHandlers } from './cart/cart-handlers';
import { createCartService } from './cart/cart-service';
import type { LocalStore } from './db/local-store';
import type { Clock, IdGenerator, Logger } from './deps';
import { EventHub } from './events';
import { saleHandlers } from './sale/sale-handlers';
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
 * Each feature contributes its handler slice; the map `satisfies Handlers`, so a contract method
 * without a handler does not compile.
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
    ...catalogHandlers(catalog),
    ...cartHandlers(cart),
    ...saleHandlers(sales, local, identity),
  } satisfies Handlers;

  return {
    handlers,
    onEvent: (listener) => events.on(listener),
    close: () => local.close(),
  };
}
