import { useState } from 'react';
import type { CashMovementKind, Shift, ShiftReport } from '../../src-shared/domain/shift';
import { useApp } from '../app/app-context';
import { shownError, type ShownError } from '../app/call-error';
import { ErrorNote } from '../app/ErrorNote';
import { CashMovementDialog } from './CashMovementDialog';
import { CloseShiftScreen } from './CloseShiftScreen';
import { OpenShiftScreen } from './OpenShiftScreen';
import { ReportView } from './ReportView';
import './shift.css';

const MOVEMENTS: readonly { kind: CashMovementKind; label: 'shift.payIn' | 'shift.payOut' | 'shift.drop' }[] = [
  { kind: 'payIn', label: 'shift.payIn' },
  { kind: 'payOut', label: 'shift.payOut' },
  { kind: 'drop', label: 'shift.drop' },
];

/**
 * The Cash screen: the open shift, pay-in / pay-out / drop, the X report, and closing the shift
 * (blind count → Z report). Without a shift it opens one.
 */
export function CashOffice({ shift, onShiftChanged, onDone }: { shift: Shift | null; onShiftChanged(shift: Shift | null): void; onDone(): void }) {
  const { client, t, money, dateTime } = useApp();
  const [dialog, setDialog] = useState<CashMovementKind | null>(null);
  const [closing, setClosing] = useState(false);
  const [report, setReport] = useState<ShiftReport | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ShownError | null>(null);

  if (report) {
    return (
      <main className="page">
        <div className="page-card">
          <ReportView report={report} onClose={() => { setReport(null); if (report.kind === 'Z') onDone(); }} />
        </div>
      </main>
    );
  }
  if (shift === null) return <OpenShiftScreen onOpened={onShiftChanged} />;
  if (closing) {
    return <CloseShiftScreen onCancel={() => setClosing(false)} onClosed={(z) => { setClosing(false); setReport(z); onShiftChanged(null); }} />;
  }

  // Checked before the count, so nobody counts a drawer only to be told a sale is still open (the core refuses it too).
  const startClose = async () => {
    setError(null);
    setNotice(null);
    try {
      const cart = await client.call('cart.get', {});
      if (cart.lines.length > 0) return setError({ code: 'CART_NOT_EMPTY', message: t('shift.cartOpen'), detail: '' });
      setClosing(true);
    } catch (failure) {
      setError(shownError(failure, t));
    }
  };

  const xReport = async () => {
    try {
      setReport(await client.call('shift.xReport', {}));
    } catch (failure) {
      setError(shownError(failure, t));
    }
  };

  return (
    <main className="page" data-testid="cash-office">
      <div className="page-card">
        <h1>{t('nav.cash')}</h1>
        <p data-testid="shift-open-since">
          {t('shift.opened', { time: dateTime(new Date(shift.openedAt)) })}
          {shift.openedBy ? ` · ${shift.openedBy.name}` : ''} · {t('report.float')} <span className="amount">{money(shift.floatMinor)}</span>
        </p>
        {notice && <p role="status" className="notice" data-testid="cash-notice">{notice}</p>}
        <ErrorNote error={error} />
        <div className="cash-actions">
          {MOVEMENTS.map((m) => (
            <button key={m.kind} type="button" className="button button-tile" onClick={() => { setNotice(null); setDialog(m.kind); }} data-testid={`cash-${m.kind}`}>
              {t(m.label)}
            </button>
          ))}
          <button type="button" className="button button-tile" onClick={() => void xReport()} data-testid="cash-x-report">
            {t('shift.xReport')}
          </button>
          <button type="button" className="button button-tile button-danger" onClick={() => void startClose()} data-testid="cash-close-shift">
            {t('shift.close')}
          </button>
        </div>
      </div>
      {dialog && (
        <CashMovementDialog
          kind={dialog}
          onClose={() => setDialog(null)}
          onDone={(movement) => {
            setDialog(null);
            const what = MOVEMENTS.find((m) => m.kind === movement.kind)?.label ?? 'shift.payIn';
            setNotice(t('shift.recorded', { what: t(what), amount: money(movement.amountMinor) }));
          }}
        />
      )}
    </main>
  );
}
