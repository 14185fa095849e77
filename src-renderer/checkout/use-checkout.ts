import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DiscountInput } from '../../src-shared/contract/checkout-contract';
import type { ErrorCode } from '../../src-shared/contract/index';
import type { PaymentInput } from '../../src-shared/contract/sale-contract';
import type { Cart } from '../../src-shared/domain/cart';
import type { Sale } from '../../src-shared/domain/sale';
import type { MessageKey, MessageParams } from '../../src-shared/i18n/index';
import { useApp } from '../app/app-context';
import { isOverrideCancelled, useOverride } from '../people/use-override';
import { CallError } from '../transport/client';

export type CheckoutView = { name: 'cart' } | { name: 'tender' } | { name: 'done'; sale: Sale };

export interface CheckoutError {
  readonly code: ErrorCode;
  /** The core's own (English) message, shown small under the translated one. */
  readonly detail: string;
  readonly barcode?: string;
  /** A message of the UI itself (not from a call), shown instead of the code's message. */
  readonly messageKey?: MessageKey;
  readonly params?: MessageParams;
}

/** Asks the search box to show this text (a barcode nobody knows), once per `n`. */
export interface SearchPrefill {
  readonly text: string;
  readonly n: number;
}

/** `run()`, with a synchronous throw turned into a rejection (as `.then(run)` would). */
function startNow<T>(run: () => Promise<T>): Promise<T> {
  try {
    return run();
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Main sends the cart as one JSON object both ways, so equal carts serialise alike. */
const sameCart = (a: Cart | null, b: Cart): boolean => a !== null && (a === b || JSON.stringify(a) === JSON.stringify(b));

const toError = (error: unknown): CheckoutError =>
  error instanceof CallError ? { code: error.code, detail: error.message } : { code: 'INTERNAL', detail: String(error) };

/**
 * The checkout's state: the cart as main last reported it, the current view and the error banner.
 * Cart changes go through one queue, so answers apply in the order the cashier acted (the web
 * host's HTTP requests could otherwise finish out of order). A refusal that needs a manager keeps
 * the manager approval dialog and runs the call again once approved.
 */
export function useCheckout() {
  const { client } = useApp();
  const { withOverride } = useOverride();
  const [cart, setCartState] = useState<Cart | null>(null);
  const [view, setView] = useState<CheckoutView>({ name: 'cart' });
  // The cart last given to React, so an event can be compared with it without waiting for a render.
  const shown = useRef<Cart | null>(null);
  const setCart = useCallback((next: Cart) => {
    shown.current = next;
    setCartState(next);
  }, []);
  const [error, setError] = useState<CheckoutError | null>(null);
  const [prefill, setPrefill] = useState<SearchPrefill | null>(null);
  const [busy, setBusy] = useState(false);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const inFlight = useRef(0);
  // A `cart.changed` that came while a call was in flight, and how to fetch the cart afterwards.
  const missedEvent = useRef(false);
  const refresh = useRef<(() => void) | null>(null);
  const paintMark = useRef<string | null>(null);

  const notFound = useCallback((barcode: string, detail: string) => {
    setError({ code: 'BARCODE_NOT_FOUND', detail, barcode });
    setPrefill((current) => ({ text: barcode, n: (current?.n ?? 0) + 1 }));
  }, []);

  /**
   * Runs `run` after the calls queued before it; the promise is the call's own (it may reject).
   * With nothing in flight it starts at once, inside the caller's event handler: the request is on
   * its way before React renders anything for that event, so the render overlaps the round trip
   * instead of delaying it.
   */
  const enqueue = useCallback((run: () => Promise<Cart>): Promise<Cart> => {
    const idle = inFlight.current === 0;
    inFlight.current += 1;
    const next = idle ? startNow(run) : queue.current.then(run);
    queue.current = next.then(
      () => undefined,
      () => undefined,
    ).finally(() => {
      inFlight.current -= 1;
      // A change made elsewhere (a scanner read in main) while our calls ran may be newer than
      // their answers: fetch the cart once they are all done, rather than show a stale one.
      if (inFlight.current === 0 && missedEvent.current) {
        missedEvent.current = false;
        refresh.current?.();
      }
    });
    return next;
  }, []);

  /**
   * One cart mutation, in order, applying the cart it returns. `PERMISSION_REQUIRED` opens the
   * manager approval (`withOverride`) and runs the call again once approved; the core then uses
   * the pending approval for exactly that action. The queue is free while the dialog is open.
   */
  const mutate = useCallback(
    (run: () => Promise<Cart>, onError?: (error: CheckoutError) => void): Promise<boolean> =>
      withOverride(() => enqueue(run)).then(
        (updated) => {
          setCart(updated);
          setError(null);
          return true;
        },
        (failure: unknown) => {
          if (!isOverrideCancelled(failure)) (onError ?? setError)(toError(failure));
          return false;
        },
      ),
    [enqueue, setCart, withOverride],
  );

  useEffect(() => {
    refresh.current = () => void mutate(() => client.call('cart.get', {}));
    refresh.current();
    // Main pushes the cart when it changes on its own (a HID or serial scanner reads in main).
    // While a call of ours is in flight, an event may be older or newer than its answer: it is
    // noted, and the cart is fetched again once the calls are done (see `enqueue`).
    // The event that echoes our own call's answer (main emits it too) can arrive just after that
    // answer: the same cart again would cost a whole render of the checkout for nothing.
    const stopCart = client.on('cart.changed', (updated) => {
      if (inFlight.current > 0) missedEvent.current = true;
      else if (!sameCart(shown.current, updated)) setCart(updated);
    });
    // Scans read in main never pass through `scan` below: their refusals arrive as events.
    const stopScans = client.on('scanner.scanned', (scan) => {
      if (scan.result === 'notFound') notFound(scan.code, scan.message ?? '');
      else if (scan.result === 'invalid') setError({ code: 'BARCODE_INVALID', detail: scan.message ?? '' });
      else if (scan.result === 'refused') setError({ code: 'PRODUCT_INACTIVE', detail: scan.message ?? '', messageKey: 'checkout.scanRefused' });
      else setView((current) => (current.name === 'done' ? { name: 'cart' } : current));
    });
    return () => {
      refresh.current = null;
      stopCart();
      stopScans();
    };
  }, [client, mutate, notFound, setCart]);

  // The scan benchmark's end mark. A layout effect runs right after React changed the DOM, before
  // the browser paints; the frame that paints it runs the rAF callback first, and a task queued
  // from there runs once that paint is done. (A passive effect would run after that paint and
  // wait for the next frame, adding up to 16 ms that no cashier sees.)
  useLayoutEffect(() => {
    const code = paintMark.current;
    if (code === null) return;
    paintMark.current = null;
    requestAnimationFrame(() => setTimeout(() => performance.mark(`scan-painted:${code}`), 0));
  }, [cart]);

  const scan = useCallback(
    (barcode: string) => {
      // The call first: it starts inside the key handler (see `enqueue`), before any render.
      void mutate(
        async () => {
          const updated = await client.call('cart.scan', { barcode });
          paintMark.current = barcode;
          return updated;
        },
        (info) => (info.code === 'BARCODE_NOT_FOUND' ? notFound(barcode, info.detail) : setError(info)),
      );
      setView((current) => (current.name === 'cart' ? current : { name: 'cart' }));
    },
    [client, mutate, notFound],
  );

  // Stable across renders, so memoised cart lines re-render only when their own line changes.
  const edits = useMemo(() => ({
    addProduct: (productId: string, quantity?: number) => mutate(() => client.call('cart.addLine', { productId, quantity })),
    setQuantity: (lineId: string, quantity: number) => mutate(() => client.call('cart.setQuantity', { lineId, quantity })),
    removeLine: (lineId: string) => mutate(() => client.call('cart.removeLine', { lineId })),
    clear: () => mutate(() => client.call('cart.clear', {})),
    setLineDiscount: (lineId: string, discount: DiscountInput | null) => mutate(() => client.call('cart.setLineDiscount', { lineId, discount })),
    setCartDiscount: (discount: DiscountInput | null) => mutate(() => client.call('cart.setCartDiscount', { discount })),
    overridePrice: (lineId: string, unitPriceMinor: number | null) => mutate(() => client.call('cart.overridePrice', { lineId, unitPriceMinor })),
    setNote: (lineId: string | undefined, note: string | null) => mutate(() => client.call('cart.setNote', lineId === undefined ? { note } : { lineId, note })),
    setTaxExempt: (taxExempt: boolean) => mutate(() => client.call('cart.setTaxExempt', { taxExempt })),
    park: (note?: string) => mutate(() => client.call('cart.park', note === undefined ? {} : { note })),
    resume: (parkedId: string) => mutate(() => client.call('cart.resume', { parkedId })),
  }), [client, mutate]);

  const openTender = useCallback(() => {
    if (cart && cart.lines.length > 0) setView({ name: 'tender' });
  }, [cart]);
  const closeTender = useCallback(() => setView({ name: 'cart' }), []);

  const complete = useCallback(
    async (payments: PaymentInput[]) => {
      if (!cart || busy) return;
      setBusy(true);
      try {
        const sale = await client.call('sale.complete', { cartId: cart.id, payments });
        setError(null);
        setView({ name: 'done', sale });
      } catch (failure) {
        setError(toError(failure));
        if (failure instanceof CallError && failure.code === 'CART_CHANGED') setView({ name: 'cart' });
      } finally {
        setBusy(false);
      }
    },
    [busy, cart, client],
  );

  const newSale = useCallback(() => {
    setView({ name: 'cart' });
    void mutate(() => client.call('cart.get', {}));
  }, [client, mutate]);

  const dismissError = useCallback(() => setError(null), []);
  /** A message of the screen itself (bad input caught before any call): nothing was sent, nothing changed. */
  const refuse = useCallback((messageKey: MessageKey, params?: MessageParams) => setError({ code: 'INVALID_INPUT', detail: '', messageKey, params }), []);
  const reportUnreadableScan = useCallback(() => refuse('error.scanUnreadable'), [refuse]);

  return { cart, view, error, prefill, busy, scan, ...edits, openTender, closeTender, complete, newSale, dismissError, refuse, reportUnreadableScan };
}

export type Checkout = ReturnType<typeof useCheckout>;
