import { useCallback, useEffect, useRef, useState } from 'react';
import { useApp } from '../app/app-context';
import { useWedgeScanner } from '../scanner/use-wedge-scanner';
import { CartLines } from './CartLines';
import { ErrorBanner } from './ErrorBanner';
import { SaleDone } from './SaleDone';
import { SearchBox } from './SearchBox';
import { TenderPanel } from './TenderPanel';
import { TotalDisplay } from './TotalDisplay';
import { useCheckout } from './use-checkout';
import { useShortcuts } from './use-shortcuts';

/** Clear cart needs a second press within this time: one stray F9 must not wipe a full basket. */
const CLEAR_CONFIRM_MS = 4000;

/** The checkout: cart on the left; total, search, pay on the right; tender and sale-done views. */
export function CheckoutScreen() {
  const { t, plural } = useApp();
  const checkout = useCheckout();
  const { cart, view, error } = checkout;
  const searchInput = useRef<HTMLInputElement>(null);
  const [searchReset, setSearchReset] = useState(0);
  const [clearArmed, setClearArmed] = useState(false);
  const canPay = view.name === 'cart' && (cart?.lines.length ?? 0) > 0;

  const onScan = useCallback(
    (barcode: string) => {
      // The first keys of a timed scan may have landed in the search box (wedge-detector.ts).
      setSearchReset((n) => n + 1);
      checkout.scan(barcode);
    },
    [checkout],
  );
  useWedgeScanner(onScan, checkout.reportUnreadableScan);

  useEffect(() => {
    if (error?.code === 'BARCODE_NOT_FOUND') searchInput.current?.focus();
  }, [error]);
  useEffect(() => {
    if (view.name === 'cart') searchInput.current?.focus();
  }, [view.name]);
  useEffect(() => {
    if (!clearArmed) return;
    const timer = setTimeout(() => setClearArmed(false), CLEAR_CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [clearArmed]);

  const clear = () => {
    if (view.name !== 'cart' || !cart || cart.lines.length === 0) return;
    if (!clearArmed) return setClearArmed(true);
    setClearArmed(false);
    void checkout.clear();
  };
  useShortcuts({
    pay: canPay ? checkout.openTender : undefined,
    clear,
    back: () => {
      if (error) checkout.dismissError();
      else if (clearArmed) setClearArmed(false);
      else if (view.name === 'tender') checkout.closeTender();
    },
  });

  if (view.name === 'done') {
    return (
      <main className="checkout checkout-done">
        <SaleDone sale={view.sale} onNewSale={checkout.newSale} />
      </main>
    );
  }

  return (
    <main className="checkout">
      <section className="cart-panel" aria-labelledby="cart-title">
        <div className="cart-panel-head">
          <h1 id="cart-title">{t('cart.title')}</h1>
          <span className="cart-count" data-testid="cart-item-count">
            {plural('cart.items', cart?.totals.itemCount ?? 0)}
          </span>
        </div>
        <CartLines cart={cart} onSetQuantity={checkout.setQuantity} onRemove={checkout.removeLine} />
      </section>
      <aside className="side-panel">
        <TotalDisplay cart={cart} due={view.name === 'tender'} />
        {error && <ErrorBanner error={error} onDismiss={checkout.dismissError} />}
        {view.name === 'tender' && cart ? (
          <TenderPanel totalMinor={cart.totals.totalMinor} busy={checkout.busy} onComplete={checkout.complete} onCancel={checkout.closeTender} />
        ) : (
          <>
            <SearchBox inputRef={searchInput} resetToken={searchReset} onAdd={(product) => checkout.addProduct(product.id)} />
            <div className="side-actions">
              <button type="button" className="button button-pay" disabled={!canPay} onClick={checkout.openTender} data-testid="pay-button">
                {t('pay.button')} <kbd>F12</kbd> <kbd>+</kbd>
              </button>
              <button
                type="button"
                className={clearArmed ? 'button button-danger button-armed' : 'button button-danger'}
                disabled={!cart || cart.lines.length === 0}
                onClick={clear}
                data-testid="clear-cart"
              >
                {clearArmed ? t('cart.clearConfirm') : t('cart.clear')} <kbd>F9</kbd>
              </button>
            </div>
          </>
        )}
      </aside>
    </main>
  );
}
