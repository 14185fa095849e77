import type { CheckoutSettings } from '../../src-shared/contract/checkout-contract';
import type { Cart } from '../../src-shared/domain/cart';
import { ErrorBanner } from './ErrorBanner';
import { PaymentSummary } from './PaymentSummary';
import { QUICK_CASH_KEYS, TENDER_KEYS } from './checkout-keys';
import { TenderPanel } from './TenderPanel';
import { TotalDisplay } from './TotalDisplay';
import type { Checkout } from './use-checkout';
import { useShortcuts } from './use-shortcuts';
import { useTender } from './use-tender';

/**
 * The payment screen: the split so far and what is left on the left, the tender being taken on
 * the right. Its state lives while it is shown: Back (Esc) drops the payments typed, nothing was
 * charged yet (the sale is only made by `sale.complete`).
 */
export function PaymentView({ checkout, cart, settings }: { checkout: Checkout; cart: Cart; settings: CheckoutSettings }) {
  const tender = useTender(cart.totals.totalMinor, settings, (payments) => void checkout.complete(payments));
  const tenders = settings.tenders;
  const keys: Record<string, (() => void) | undefined> = {
    Escape: () => (checkout.error ? checkout.dismissError() : checkout.closeTender()),
  };
  for (const item of tenders) keys[TENDER_KEYS[item]] = () => tender.choose(item);
  tender.quickCash.forEach((amount, index) => {
    const key = QUICK_CASH_KEYS[index];
    if (key && tender.method === 'cash') keys[key] = () => tender.quick(amount);
  });
  useShortcuts(keys);

  return (
    <main className="checkout checkout-payment">
      <PaymentSummary cart={cart} tender={tender} rounding={settings.cashRounding} />
      <aside className="side-panel">
        <TotalDisplay cart={cart} due left={tender.payments.length > 0 ? tender.evaluation.remainingMinor : null} />
        {checkout.error && <ErrorBanner error={checkout.error} onDismiss={checkout.dismissError} />}
        <TenderPanel tender={tender} tenders={tenders} busy={checkout.busy} onCancel={checkout.closeTender} />
      </aside>
    </main>
  );
}
