import type { SaleReturn } from '../../src-shared/domain/returns';
import { useApp } from '../app/app-context';
import { tenderName } from '../shift/ReportView';

/** The return as recorded: its number, what went back to which tender, the store-credit note's code. */
export function ReturnDone({ done, onNext }: { done: SaleReturn; onNext(): void }) {
  const { t, money } = useApp();
  return (
    <section className="page-card" data-testid="return-done">
      <h2 data-testid="return-no">{t('returns.done', { returnNo: done.returnNo })}</h2>
      <ul className="plain-list">
        {done.refunds.map((r) => (
          <li key={r.tender} data-testid="return-refund">{t('returns.refunded', { amount: money(r.amountMinor), tender: tenderName(r.tender, t) })}</li>
        ))}
        {done.storeCredit && (
          <li data-testid="return-credit-note">{t('returns.creditNote', { code: done.storeCredit.code, amount: money(done.storeCredit.amountMinor) })}</li>
        )}
      </ul>
      <div className="page-actions">
        <button type="button" className="button button-primary" autoFocus onClick={onNext} data-testid="return-another">{t('returns.another')}</button>
      </div>
    </section>
  );
}
