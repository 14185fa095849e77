import { useState } from 'react';
import type { Shift } from '../../src-shared/domain/shift';
import { useApp } from '../app/app-context';
import { shownError, type ShownError } from '../app/call-error';
import { ErrorNote } from '../app/ErrorNote';
import { toCashCount, type Counts } from './count';
import { DenominationGrid } from './DenominationGrid';

/** No shift open: count the float by denomination and open one (`shift.open`). */
export function OpenShiftScreen({ onOpened }: { onOpened(shift: Shift): void }) {
  const { client, t } = useApp();
  const [counts, setCounts] = useState<Counts>({});
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  const open = async () => {
    if (busy) return;
    setBusy(true);
    try {
      onOpened(await client.call('shift.open', { floatCount: toCashCount(counts) }));
    } catch (failure) {
      setError(shownError(failure, t));
      setBusy(false);
    }
  };

  return (
    <main className="page" data-testid="open-shift-screen">
      <div className="page-card">
        <h1>{t('shift.none')}</h1>
        <p className="muted">{t('shift.noneHint')}</p>
        <h2>{t('shift.openTitle')}</h2>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void open();
          }}
        >
          <DenominationGrid counts={counts} onChange={setCounts} testId="float" />
          <ErrorNote error={error} />
          <div className="page-actions">
            <button type="submit" className="button button-primary" disabled={busy} data-testid="open-shift">
              {t('shift.open')}
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
