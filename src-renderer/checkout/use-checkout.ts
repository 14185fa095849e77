import { useCallback, useEffect, useRef, useState } from 'react';
import type { Cart } from '../../src-shared/domain/cart';
import type { Sale } from '../../src-shared/domain/sale';
import type { ErrorCode } from '../../src-shared/contract/index';
import type { MessageKey } from '../../src-shared/i18n/index';
import { useApp } from '../app/app-context';
import { CallError } from '../transport/client';

export type CheckoutView = { name: 'cart' } | { name: 'tender' } | { name: 'done'; sale: Sale };
export interface CheckoutError {
  readonly code: ErrorCode;
  /** The core's own (English) message, shown small under the translated one. */
  readonly detail: string;
  readonly barcode?: string;
  /** A message of the UI itself (not from a call), shown instead of the code's message. */
  readonly messageKey?: MessageKey;
}

const toError = (error: unknown): CheckoutError =>
  error instanceof CallError ? { code: error.code, detail: error.message } : { code: 'INTERNAL', detail: String(error) };

/**
 * The checkout's state: the cart as main last reported it, the current view and the error banner.
 * Cart changes go through one queue, so answers apply in the order the cashier acted (the web
 * host's HTTP requests could otherwise finish out of order).
 */
export function useCheckout() {
  const { client } = useApp();
  const [cart, setCart] = useState<Cart | null>(null);
  const [view, setView] = useState<CheckoutView>({ name: 'cart' });
  const [error, setError] = useState<CheckoutError | null>(null);
  const [busy, setBusy] = useState(false);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const inFlight = useRef(0);
  const paintMark = useRef<string | null>(null);

  /** Runs one cart mutation after the previous ones; applies the cart it returns. */
  const mutate = useCallback((run: () => Promise<Cart>, onError?: (error: CheckoutError) => void): Promise<boolean> => {
    inFlight.current += 1;
    const next = queue.current.then(run).then(
      (updated) => {
        setCart(updated);
        setError(null);
        return true;
      },
      (failure: unknown) => {
        const info = toError(failure);
        (onError ?? setError)(info);
        return false;
      },
    );
    queue.current = next.finally(() => {
      inFlight.current -= 1;
    });
    return next;
  }, []);

  useEffect(() => {
    void mutate(() => client.call('cart.get', {}));
    // Main pushes the cart when it changes on its own (a HID or serial scanner reads in main).
    // While a call of ours is in flight its answer is newer than any event, so events wait.
    const stop = client.on('cart.changed', (updated) => {
      if (inFlight.current === 0) setCart(updated);
    });
    return stop;
  }, [client, mutate]);

  // The scan benchmark's end mark: after React committed the cart, the next frame paints it;
  // a task queued from that frame's rAF callback runs once the paint is done.
  useEffect(() => {
    const code = paintMark.current;
    if (code === null) return;
    paintMark.current = null;
    requestAnimationFrame(() => setTimeout(() => performance.mark(`scan-painted:${code}`), 0));
  }, [cart]);

  const scan = useCallback(
    (barcode: string) => {
      setView((current) => (current.name === 'cart' ? current : { name: 'cart' }));
      void mutate(
        async () => {
          const updated = await client.call('cart.scan', { barcode });
          paintMark.current = barcode;
          return updated;
        },
        (info) => setError(info.code === 'BARCODE_NOT_FOUND' ? { ...info, barcode } : info),
      );
    },
    [client, mutate],
  );

  const addProduct = useCallback((productId: string) => mutate(() => client.call('cart.addLine', { productId })), [client, mutate]);
  const setQuantity = useCallback(
    (lineId: string, quantity: number) => mutate(() => client.call('cart.setQuantity', { lineId, quantity })),
    [client, mutate],
  );
  const removeLine = useCallback((lineId: string) => mutate(() => client.call('cart.removeLine', { lineId })), [client, mutate]);
  const clear = useCallback(() => mutate(() => client.call('cart.clear', {})), [client, mutate]);

  const openTender = useCallback(() => {
    if (cart && cart.lines.length > 0) setView({ name: 'tender' });
  }, [cart]);
  const closeTender = useCallback(() => setView({ name: 'cart' }), []);

  const complete = useCallback(
    async (amountMinor: number) => {
      if (!cart || busy) return;
      setBusy(true);
      try {
        const sale = await client.call('sale.complete', { cartId: cart.id, payments: [{ tender: 'cash', amountMinor }] });
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
  const reportUnreadableScan = useCallback(() => setError({ code: 'INVALID_INPUT', detail: '', messageKey: 'error.scanUnreadable' }), []);

  return { cart, view, error, busy, scan, addProduct, setQuantity, removeLine, clear, openTender, closeTender, complete, newSale, dismissError, reportUnreadableScan };
}

export type Checkout = ReturnType<typeof useCheckout>;
