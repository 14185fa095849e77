import type { Cart } from '../../src-shared/domain/cart';
import type { CashRounding } from '../../src-shared/domain/store-settings';
import { useApp } from '../app/app-context';
import type { TenderModel } from './use-tender';

interface PaymentSummaryProps {
  readonly cart: Cart;
  readonly tender: TenderModel;
  readonly rounding: CashRounding;
}

/** The payment screen's left side: what the sale comes to, the payments taken, what is left. */
export function PaymentSummary({ cart, tender, rounding }: PaymentSummaryProps) {
  const { t, money } = useApp();
  const { due, paidUp } = tender.evaluation;
  const { totals } = cart;
  const paid = tender.payments.reduce((sum, p) => sum + p.amountMinor, 0);
  const cashRounded = rounding.incrementMinor > 1 && due.cashMinor !== due.exactMinor;
  return (
    <section className="cart-panel payment-summary" aria-labelledby="payment-summary-title" data-testid="payment-summary">
      <div className="cart-panel-head">
        <h1 id="payment-summary-title">{t('payment.title')}</h1>
        <span className="cart-count">{t('payment.lines', { count: cart.lines.length })}</span>
      </div>
      <dl className="payment-figures">
        <dt>{t('payment.subtotal')}</dt>
        <dd className="amount">{money(totals.subtotalMinor)}</dd>
        {totals.discountMinor > 0 && (
          <>
            <dt>{t('payment.discounts')}</dt>
            <dd className="amount payment-saving" data-testid="payment-discounts">−{money(totals.discountMinor)}</dd>
          </>
        )}
        <dt>{totals.taxExempt ? t('payment.taxExempt') : t('payment.tax')}</dt>
        <dd className="amount">{money(totals.taxMinor)}</dd>
        <dt className="payment-total-label">{t('total.label')}</dt>
        <dd className="amount payment-total">{money(totals.totalMinor)}</dd>
      </dl>
      <h2 className="payment-list-title">{t('payment.taken')}</h2>
      {tender.payments.length === 0 ? (
        <p className="payment-none">{t('payment.none')}</p>
      ) : (
        <ul className="payment-list">
          {tender.payments.map((payment, index) => (
            <li key={index} className="payment-row" data-testid="payment-row" data-tender={payment.tender}>
              <span className="payment-tender">{t(`tender.method.${payment.tender}`)}</span>
              <span className="payment-reference">{'reference' in payment ? t('payment.reference', { reference: payment.reference }) : ''}</span>
              <span className="amount payment-amount">{money(payment.amountMinor)}</span>
              <button type="button" className="remove-button" aria-label={t('payment.remove', { tender: t(`tender.method.${payment.tender}`) })} onClick={() => tender.remove(index)} data-testid="payment-remove">
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className={paidUp ? 'payment-remaining payment-remaining-done' : 'payment-remaining'}>
        <span>{paidUp ? t('payment.paidUp') : t('payment.remaining')}</span>
        <span className="amount payment-remaining-amount" data-testid="remaining-due">
          {money(paidUp ? 0 : due.exactMinor)}
        </span>
        {paid > 0 && <span className="payment-paid">{t('payment.paid', { amount: money(paid) })}</span>}
        {!paidUp && cashRounded && (
          <span className="payment-cash-rounded" data-testid="cash-rounded">
            {t('payment.cashRounded', { amount: money(due.cashMinor) })}
          </span>
        )}
      </div>
    </section>
  );
}
