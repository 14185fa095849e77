import { z } from 'zod';
import { contract, type Method } from '../../src-shared/contract';
import { Cart } from '../../src-shared/domain/cart';

/**
 * A page's own id, chosen by the renderer at boot and sent on both of its connections
 * (`/events?page=<id>` and `/rpc-socket?page=<id>`), so the host can tell that they belong to
 * the same page. Anything else is ignored: the page simply gets every event, as without an id.
 */
export const PageId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);

export const pageIdOf = (url: URL): string | null => {
  const parsed = PageId.safeParse(url.searchParams.get('page'));
  return parsed.success ? parsed.data : null;
};

/** Methods whose answer is the whole cart (their contract output is `Cart`). */
const CART_ANSWERS: ReadonlySet<string> = new Set(
  (Object.keys(contract) as Method[]).filter((method) => contract[method].output === Cart),
);

export const answersWithCart = (method: string): boolean => CART_ANSWERS.has(method);

/** Pages remembered at most (one per open page; a reload is a new page). */
const MAX_PAGES = 64;

/**
 * Drops the `cart.changed` event that only repeats, to the page whose call changed the cart, the
 * cart that call's answer has just given it.
 *
 * Why: the core emits `cart.changed` for every change (a scanner read in main must reach the
 * screen), so each scan the page makes came back twice: once as the answer on its socket, once as
 * an event on its event stream, a second copy of the whole cart serialised by the host, carried
 * by Chromium's network service and parsed by the page, in the very milliseconds the page draws
 * the new line. On the 2-core bench machine that copy cost `ui.scanToPaint` 1.5-5 ms at p50
 * (four rounds side by side, every round slower with it).
 *
 * The rule is about what the page was last SENT: an event is dropped only when its cart is
 * byte-for-byte the last cart the host sent that page, by answer or by event. Any other cart goes
 * out and becomes the last one, so a change made elsewhere (main, another page) always reaches it.
 */
export interface CartEcho {
  /** The cart JSON an answer on the page's socket carried (sent just now). */
  answered(page: string, cartJson: string): void;
  /** True when `cart.changed` with this JSON repeats the page's last cart; otherwise it becomes the last. */
  repeats(page: string, cartJson: string): boolean;
  /** The page's event stream or socket closed. */
  forget(page: string): void;
}

export function createCartEcho(): CartEcho {
  const last = new Map<string, string>();
  const remember = (page: string, json: string) => {
    last.delete(page);
    last.set(page, json);
    // Oldest first: a page that stopped talking long ago is the one let go.
    if (last.size > MAX_PAGES) last.delete(last.keys().next().value!);
  };
  return {
    answered: remember,
    repeats(page, json) {
      if (last.get(page) === json) return true;
      remember(page, json);
      return false;
    },
    forget: (page) => {
      last.delete(page);
    },
  };
}
