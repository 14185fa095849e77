import type { Cart } from '../../src-shared/domain/cart';
import { useApp } from '../app/app-context';

/**
 * The amount to pay, in the largest type on screen, with the tax it contains (or adds) and the
 * savings. On the payment screen, once part is paid, `left` is what remains for the tender chosen.
 */
export function TotalDisplay({ cart, due = false, left = null }: { cart: Cart | null; due?: boolean; left?: number | null }) {
  const { info, t, money } = useApp();
  const totals = cart?.totals;
  const taxKey = totals?.taxExempt ? 'total.taxExempt' : info.store.pricesIncludeTax ? 'total.tax' : 'total.taxExtra';
  return (
    <div className={due ? 'total total-due' : 'total'}>
      <span className="total-label">{left !== null ? t('payment.remaining') : due ? t('tender.due') : t('total.label')}</span>
      <span className="amount total-amount" data-testid="cart-total">
        {money(left ?? totals?.totalMinor ?? 0)}
      </span>
      <span className="total-tax" data-testid="total-tax">
        {t(taxKey, { amount: money(totals?.taxMinor ?? 0) })}
      </span>
      {totals && totals.discountMinor > 0 && (
        <span className="total-discount" data-testid="total-discount">
          {t('total.discount', { amount: money(totals.discountMinor) })}
        </span>
      )}
    </div>
  );
}
