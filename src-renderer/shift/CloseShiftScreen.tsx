import { useEffect, useState } from 'react';
import type { ShiftReport } from '../../src-shared/domain/shift';
import { parseMajorAmount } from '../../src-shared/i18n/index';
import { useApp } from '../app/app-context';
import { shownError, type ShownError } from '../app/call-error';
import { ErrorNote } from '../app/ErrorNote';
import { MoneyInput } from '../components/MoneyInput';
import { isOverrideCancelled, useOverride } from '../people/use-override';
import { toCashCount, type Counts } from './count';
import { DenominationGrid } from './DenominationGrid';
import { tenderName } from './ReportView';

/**
 * Closing the shift with a blind count (issue 4): the cash by denomination and the other tenders
 * as amounts, with no expected figure on screen until the count is in. The core computes the Z
 * report; a variance above the store's threshold, or a person without `shift.close`, asks for a
 * manager through the override dialog. A sale still in progress is refused (`CART_NOT_EMPTY`).
 */
export function CloseShiftScreen({ onClosed, onCancel }: { onClosed(report: ShiftReport): void; onCancel(): void }) {
  const { client, info, t } = useApp();
  const { withOverride } = useOverride();
  const [counts, setCounts] = useState<Counts>({});
  const [tenders, setTenders] = useState<string[]>([]);
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    client.call('checkout.settings', {}).then((s) => setTenders(s.tenders.filter((tender) => tender !== 'cash')), () => setTenders([]));
  }, [client]);

  const close = async () => {
    if (busy) return;
    const otherTenders: { tender: string; amountMinor: number }[] = [];
    for (const tender of tenders) {
      const text = amounts[tender] ?? '';
      if (text.trim() === '') continue;
      const parsed = parseMajorAmount(text, info.store.locale, info.store.currencyDigits);
      if (!parsed.ok) return setError({ code: 'INVALID_INPUT', message: t('shift.amountInvalid'), detail: tenderName(tender, t) });
      otherTenders.push({ tender, amountMinor: parsed.minor });
    }
    setBusy(true);
    try {
      const cash = toCashCount(counts);
      onClosed(await withOverride((overrideToken) => client.call('shift.close', { cash, otherTenders, overrideToken })));
    } catch (failure) {
      if (!isOverrideCancelled(failure)) {
        const shown = shownError(failure, t);
        setError(shown.code === 'CART_NOT_EMPTY' ? { ...shown, message: t('shift.cartOpen') } : shown);
      }
      setBusy(false);
    }
  };

  return (
    <main className="page" data-testid="close-shift-screen">
      <form
        className="page-card"
        onSubmit={(event) => {
          event.preventDefault();
          void close();
        }}
      >
        <h1>{t('shift.closeTitle')}</h1>
        <p className="muted">{t('shift.closeHint')}</p>
        <DenominationGrid counts={counts} onChange={setCounts} testId="close-count" />
        {tenders.length > 0 && <h2>{t('shift.otherTenders')}</h2>}
        {tenders.map((tender) => (
          <MoneyInput
            key={tender}
            id={`close-tender-${tender}`}
            label={tenderName(tender, t)}
            value={amounts[tender] ?? ''}
            onChange={(text) => setAmounts((current) => ({ ...current, [tender]: text }))}
            testId={`close-tender-${tender}`}
          />
        ))}
        <ErrorNote error={error} testId="close-shift-error" />
        <div className="page-actions">
          <button type="button" className="button" onClick={onCancel} data-testid="close-shift-cancel">
            {t('shift.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="close-shift-confirm">
            {t('shift.closeConfirm')}
          </button>
        </div>
      </form>
    </main>
  );
}
