import type { Cart } from '../../src-shared/domain/cart';
import { useApp } from '../app/app-context';

/** The amount to pay, in the largest type on screen, with the tax it contains (or adds). */
export function TotalDisplay({ cart, due = false }: { cart: Cart | null; due?: boolean }) {
  const { info, t, money } = useApp();
  const totals = cart?.totals;
  const taxKey = info.store.pricesIncludeTax ? 'total.tax' : 'total.taxExtra';
  return (
    <div className={due ? 'total total-due' : 'total'}>
      <span className="total-label">{due ? t('tender.due') : t('total.label')}</span>
      <span className="amount total-amount" data-testid="cart-total">
        {money(totals?.totalMinor ?? 0)}
      </span>
      <span className="total-tax">{t(taxKey, { amount: money(totals?.taxMinor ?? 0) })}</span>
    </div>
  );
}
