import { useState } from 'react';
import type { ReturnableSale, SaleReturn } from '../../src-shared/domain/returns';
import { REASON_CODES } from '../../src-shared/domain/settings';
import { planReturn } from '../../src-shared/returns/returnable';
import { useApp } from '../app/app-context';
import { shownError, type ShownError } from '../app/call-error';
import { ErrorNote } from '../app/ErrorNote';
import { isOverrideCancelled, useOverride } from '../people/use-override';
import { ReturnLines } from './ReturnLines';
import { ReturnOptions, type ReturnChoices } from './ReturnOptions';
import { VoidSaleDialog } from './VoidSaleDialog';

/**
 * A return against a found sale: quantities per line (never more than is left), reason, restock or
 * write off, refund to the original tenders or as store credit. The refund shown is the core's own
 * computation (`planReturn`, shared), so the screen and the refund agree to the cent. Refunds and
 * voids without the permission ask a manager (override dialog).
 */
export function ReturnSaleForm({ found, onReturned, onVoided, onBack }: { found: ReturnableSale; onReturned(r: SaleReturn): void; onVoided(receiptNo: string): void; onBack(): void }) {
  const { client, t, money, dateTime } = useApp();
  const { withOverride } = useOverride();
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [choices, setChoices] = useState<ReturnChoices<'original' | 'storeCredit'>>({ reason: REASON_CODES.return[0], disposition: 'restock', refundTo: 'original' });
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const [voiding, setVoiding] = useState(false);

  const requested = Object.entries(quantities).filter(([, q]) => q > 0).map(([saleLineId, quantity]) => ({ saleLineId, quantity }));
  const plan = planReturn(found.lines.map((l) => ({ saleLineId: l.saleLineId, quantity: l.returnableQuantity, grossMinor: l.remainingMinor })), [], requested);
  const tooMany = !plan.ok && plan.reason === 'exceeds';
  const shownProblem: ShownError | null = error ?? (tooMany ? { code: 'RETURN_EXCEEDS_SOLD', message: t('error.RETURN_EXCEEDS_SOLD'), detail: '' } : null);

  const submit = async () => {
    if (busy) return;
    if (!plan.ok) return setError(tooMany ? null : { code: 'INVALID_INPUT', message: t('returns.selectSome'), detail: '' });
    setBusy(true);
    try {
      const input = { kind: 'receipt' as const, saleId: found.sale.id, refundTo: choices.refundTo, lines: requested, reasonCode: choices.reason, disposition: choices.disposition };
      onReturned(await withOverride((overrideToken) => client.call('returns.create', { ...input, overrideToken })));
    } catch (failure) {
      if (!isOverrideCancelled(failure)) setError(shownError(failure, t));
      setBusy(false);
    }
  };

  const nothingLeft = found.voided || found.lines.every((l) => l.returnableQuantity === 0);
  return (
    <form className="page-card" onSubmit={(e) => { e.preventDefault(); void submit(); }} data-testid="return-form">
      <h2 data-testid="return-sale">
        {t('returns.sale', { receiptNo: found.sale.receiptNo, time: dateTime(new Date(found.sale.createdAt)) })} · <span className="amount">{money(found.sale.totals.totalMinor)}</span>
      </h2>
      {found.voided && <p role="status">{t('returns.voided')}</p>}
      {!found.voided && nothingLeft && <p role="status">{t('returns.nothingLeft')}</p>}
      <ReturnLines lines={found.lines} quantities={quantities} onChange={(id, q) => { setError(null); setQuantities((c) => ({ ...c, [id]: q })); }} />
      {!nothingLeft && <ReturnOptions value={choices} onChange={setChoices} refundOptions={['original', 'storeCredit']} />}
      <ErrorNote error={shownProblem} testId="return-error" />
      <div className="page-actions">
        <button type="button" className="button" onClick={onBack} data-testid="return-back">{t('returns.newSearch')}</button>
        {found.voidable && (
          <button type="button" className="button button-danger" onClick={() => setVoiding(true)} data-testid="return-void">{t('returns.void')}</button>
        )}
        {!nothingLeft && (
          <button type="submit" className="button button-primary" disabled={busy || !plan.ok} data-testid="return-submit">
            {t('returns.submit', { amount: money(plan.ok ? plan.totalMinor : 0) })}
          </button>
        )}
      </div>
      {voiding && <VoidSaleDialog saleId={found.sale.id} onClose={() => setVoiding(false)} onVoided={() => onVoided(found.sale.receiptNo)} />}
    </form>
  );
}
