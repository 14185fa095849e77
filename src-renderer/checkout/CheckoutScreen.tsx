import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ProductSummary } from '../../src-shared/domain/catalog';
import { useApp } from '../app/app-context';
import { useStableCallback } from '../components/use-stable-callback';
import { useWedgeScanner } from '../scanner/use-wedge-scanner';
import { CartActions } from './CartActions';
import { CartLines } from './CartLines';
import { CheckoutDialogs, type CheckoutDialog } from './CheckoutDialogs';
import { ErrorBanner } from './ErrorBanner';
import { PaymentView } from './PaymentView';
import { QuickKeys } from './QuickKeys';
import { SaleDone } from './SaleDone';
import { SearchBox } from './SearchBox';
import { TotalDisplay } from './TotalDisplay';
import { useCartKeys } from './use-cart-keys';
import { useCheckout } from './use-checkout';
import { useCheckoutSettings } from './use-checkout-settings';
import './checkout-depth.css';

/** Clear cart needs a second press within this time: one stray F9 must not wipe a full basket. */
const CLEAR_CONFIRM_MS = 4000;

/**
 * The checkout: cart and its actions on the left; total, search (or quick keys) and Pay on the
 * right; the payment screen and the sale-done screen replace it in turn. Keys: checkout-keys.ts.
 */
export function CheckoutScreen() {
  const { t, plural } = useApp();
  const checkout = useCheckout();
  const settings = useCheckoutSettings();
  const { cart, view, error } = checkout;
  const searchInput = useRef<HTMLInputElement>(null);
  const [searchReset, setSearchReset] = useState(0);
  const [clearArmed, setClearArmed] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // A new or changed line becomes the selected one (what the cashier just scanned is what they fix).
  // Adjusted during render, not in an effect, so the new line is drawn selected in its first frame
  // instead of a second render one frame later.
  // https://react.dev/learn/you-might-not-need-an-effect#adjusting-some-state-when-a-prop-changes
  const lastLineId = cart?.lastLineId ?? null;
  const [selectionFor, setSelectionFor] = useState(lastLineId);
  if (selectionFor !== lastLineId) {
    setSelectionFor(lastLineId);
    setSelectedId(lastLineId);
  }
  const [dialog, setDialog] = useState<CheckoutDialog | null>(null);
  const lines = cart?.lines ?? [];
  const selected = lines.find((line) => line.id === selectedId) ?? lines.at(-1) ?? null;
  const canPay = view.name === 'cart' && lines.length > 0;

  const onScan = useCallback(
    (barcode: string) => {
      checkout.scan(barcode);
      // The first keys of a timed scan may have landed in the search box (wedge-detector.ts);
      // an empty box needs no reset, which spares a render of the whole checkout per scan.
      if (searchInput.current?.value) setSearchReset((n) => n + 1);
    },
    [checkout],
  );
  useWedgeScanner(onScan, checkout.reportUnreadableScan);

  useEffect(() => {
    if (checkout.prefill) searchInput.current?.focus();
  }, [checkout.prefill]);
  useEffect(() => {
    if (view.name === 'cart' && dialog === null) searchInput.current?.focus();
  }, [view.name, dialog]);
  useEffect(() => {
    if (!clearArmed) return;
    const timer = setTimeout(() => setClearArmed(false), CLEAR_CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [clearArmed]);

  const clear = () => {
    if (view.name !== 'cart' || lines.length === 0) return;
    if (!clearArmed) return setClearArmed(true);
    setClearArmed(false);
    void checkout.clear();
  };
  const typedQuantity = () => searchInput.current?.value.trim() ?? '';
  const cartKeys = useCartKeys({
    active: view.name === 'cart',
    checkout,
    lines,
    selected,
    select: setSelectedId,
    open: setDialog,
    typedQuantity,
    consumeTyped: () => setSearchReset((n) => n + 1),
    clear,
    canPay,
    back: () => {
      if (error) checkout.dismissError();
      else if (clearArmed) setClearArmed(false);
    },
  });

  // A scan changes the cart, the total and the count; the search box, its quick keys and the
  // action buttons get the same props as before, so they skip that render (they are memoised).
  const { addProduct } = checkout;
  const onAddFound = useCallback((product: ProductSummary) => addProduct(product.id), [addProduct]);
  const quickKeys = useMemo(() => <QuickKeys onAdd={(product) => void addProduct(product.id)} />, [addProduct]);
  const onQuantity = useStableCallback(cartKeys.quantityFromText);
  const onRemoveSelected = useStableCallback(cartKeys.removeSelected);
  const onTaxExempt = useStableCallback(cartKeys.toggleTaxExempt);

  if (view.name === 'done') {
    return (
      <main className="checkout checkout-done">
        <SaleDone sale={view.sale} onNewSale={checkout.newSale} />
      </main>
    );
  }
  if (view.name === 'tender' && cart) return <PaymentView checkout={checkout} cart={cart} settings={settings} />;

  return (
    <main className="checkout">
      <section className="cart-panel" aria-labelledby="cart-title">
        <div className="cart-panel-head">
          <h1 id="cart-title">{t('cart.title')}</h1>
          {cart?.note && <span className="cart-note" data-testid="sale-note">{t('line.note', { note: cart.note })}</span>}
          <span className="cart-count" data-testid="cart-item-count">
            {plural('cart.items', cart?.totals.itemCount ?? 0)}
          </span>
        </div>
        <CartLines cart={cart} selectedLineId={selected?.id ?? null} onSelect={setSelectedId} onSetQuantity={checkout.setQuantity} onRemove={checkout.removeLine} />
        <CartActions
          hasLine={selected !== null}
          hasLines={lines.length > 0}
          taxExempt={cart?.taxExempt ?? false}
          onOpen={setDialog}
          onRemove={onRemoveSelected}
          onTaxExempt={onTaxExempt}
        />
      </section>
      <aside className="side-panel">
        <TotalDisplay cart={cart} />
        {error && <ErrorBanner error={error} onDismiss={checkout.dismissError} />}
        <SearchBox
          inputRef={searchInput}
          resetToken={searchReset}
          prefill={checkout.prefill}
          onAdd={onAddFound}
          onQuantity={onQuantity}
          whenEmpty={quickKeys}
        />
        <div className="side-actions">
          <button type="button" className="button button-pay" disabled={!canPay} onClick={checkout.openTender} data-testid="pay-button">
            {t('pay.button')} <kbd>F12</kbd> <kbd>+</kbd>
          </button>
          <button type="button" className={clearArmed ? 'button button-danger button-armed' : 'button button-danger'} disabled={lines.length === 0} onClick={clear} data-testid="clear-cart">
            {clearArmed ? t('cart.clearConfirm') : t('cart.clear')} <kbd>F9</kbd>
          </button>
        </div>
      </aside>
      <CheckoutDialogs dialog={dialog} checkout={checkout} line={selected} onClose={() => setDialog(null)} />
    </main>
  );
}
