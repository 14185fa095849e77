import { useEffect, useRef, useState } from 'react';
import type { Sale } from '../../src-shared/domain/sale';
import { useApp } from '../app/app-context';
import { anyModalOpen } from '../components/modal-stack';
import { ReprintButton } from '../printing/ReprintButton';
import { ReceiptImage } from './ReceiptImage';

/**
 * After payment: the change in very large type, how it was paid, the receipt (F6 shows the copy
 * as a reprint would print it), "Reprint (copy)" (F4) and "New sale" (Enter).
 */
export function SaleDone({ sale, onNewSale }: { sale: Sale; onNewSale(): void }) {
  const { t, money } = useApp();
  const button = useRef<HTMLButtonElement>(null);
  const [showCopy, setShowCopy] = useState(false);

  useEffect(() => {
    button.current?.focus();
    // Enter anywhere starts the next sale. Prevented here so a focused button is not "clicked" too.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat || event.defaultPrevented || anyModalOpen()) return;
      if (event.key === 'Enter') {
        event.preventDefault();
        onNewSale();
      } else if (event.key === 'F4') {
        event.preventDefault();
        document.querySelector<HTMLButtonElement>('[data-testid="reprint-copy"]')?.click();
      } else if (event.key === 'F6') {
        event.preventDefault();
        setShowCopy((value) => !value);
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
          {t('done.receipt')} <span data-testid="receipt-no">{sale.receiptNo}</span>
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
          {sale.payments.map((payment) => (
            <FigureRow key={payment.id} testId="done-payment" label={payment.reference ? `${t(`tender.method.${payment.tender}`)} · ${payment.reference}` : t(`tender.method.${payment.tender}`)} amount={money(payment.amountMinor)} />
          ))}
          {sale.cashRoundingMinor !== 0 && <FigureRow testId="done-cash-rounding" label={t('done.cashRounding')} amount={money(sale.cashRoundingMinor)} />}
        </dl>
        <div className="sale-done-receipt-actions">
          <ReprintButton saleId={sale.id} shortcut="F4" />
          <button type="button" className="button" aria-pressed={showCopy} onClick={() => setShowCopy((value) => !value)} data-testid="show-copy">
            {t('done.showCopy')} <kbd>F6</kbd>
          </button>
        </div>
        <button ref={button} type="button" className="button button-pay" onClick={onNewSale} data-testid="new-sale">
          {t('done.newSale')} <kbd>Enter</kbd>
        </button>
      </div>
      <ReceiptImage saleId={sale.id} copy={showCopy} />
    </section>
  );
}

function FigureRow({ label, amount, testId }: { label: string; amount: string; testId: string }) {
  return (
    <>
      <dt data-testid={testId}>{label}</dt>
      <dd className="amount">{amount}</dd>
    </>
  );
}
