import { useEffect, useRef } from 'react';
import type { Sale } from '../../src-shared/domain/sale';
import { useApp } from '../app/app-context';
import { ReceiptImage } from './ReceiptImage';

/** After payment: the change in very large type, the receipt, and "New sale" (Enter). */
export function SaleDone({ sale, onNewSale }: { sale: Sale; onNewSale(): void }) {
  const { t, money } = useApp();
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    button.current?.focus();
    // Enter anywhere starts the next sale. Prevented here so a focused button is not "clicked" too.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && !event.repeat && !event.defaultPrevented) {
        event.preventDefault();
        onNewSale();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onNewSale]);

  return (
    <section className="sale-done" data-testid="sale-done" aria-labelledby="sale-done-title">
      <div className="sale-done-summary">
        <h2 id="sale-done-title" className="sale-done-title">
          {t('done.title')}
        </h2>
        <p className="sale-done-receipt-no">
          {t('done.receipt')}{' '}
          <span data-testid="receipt-no">{sale.receiptNo}</span>
        </p>
        <div className={sale.changeMinor > 0 ? 'sale-done-change' : 'sale-done-change sale-done-change-none'}>
          <span className="sale-done-change-label">{sale.changeMinor > 0 ? t('done.change') : t('done.noChange')}</span>
          <span className="amount sale-done-change-amount" data-testid="change-due">
            {money(sale.changeMinor)}
          </span>
        </div>
        <dl className="sale-done-figures">
          <dt>{t('total.label')}</dt>
          <dd className="amount">{money(sale.totals.totalMinor)}</dd>
          <dt>{t('tender.tendered')}</dt>
          <dd className="amount">{money(sale.tenderedMinor)}</dd>
        </dl>
        <button ref={button} type="button" className="button button-pay" onClick={onNewSale} data-testid="new-sale">
          {t('done.newSale')} <kbd>Enter</kbd>
        </button>
      </div>
      <ReceiptImage saleId={sale.id} />
    </section>
  );
}
