import { useState } from 'react';
import type { CashMovement, CashMovementKind } from '../../src-shared/domain/shift';
import { REASON_CODES } from '../../src-shared/domain/settings';
import { useApp } from '../app/app-context';
import { shownError, type ShownError } from '../app/call-error';
import { ErrorNote } from '../app/ErrorNote';
import { Modal } from '../components/Modal';
import { MoneyInput, useMoneyText } from '../components/MoneyInput';
import { ReasonPicker } from '../people/ReasonPicker';
import { isOverrideCancelled, useOverride } from '../people/use-override';
import { CallError } from '../transport/client';

const METHOD = { payIn: 'cash.payIn', payOut: 'cash.payOut', drop: 'cash.drop' } as const;
const TITLE = { payIn: 'shift.payIn', payOut: 'shift.payOut', drop: 'shift.drop' } as const;

/**
 * A pay-in, pay-out or cash drop: amount, reason, optional note. Without the `cash.payInOut`
 * permission a manager approves (override). More than the drawer holds is refused by the core
 * (`PAYOUT_EXCEEDS_DRAWER`) and the dialog says how much it should hold; nothing is recorded.
 */
export function CashMovementDialog({ kind, onDone, onClose }: { kind: CashMovementKind; onDone(movement: CashMovement): void; onClose(): void }) {
  const { client, t, money } = useApp();
  const { withOverride } = useOverride();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState<string>(REASON_CODES[kind][0]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const parsed = useMoneyText(amount);

  const record = async () => {
    if (busy) return;
    if (!parsed.ok || parsed.minor <= 0) return setError({ code: 'INVALID_INPUT', message: t('shift.amountInvalid'), detail: '' });
    const amountMinor = parsed.minor;
    setBusy(true);
    try {
      const input = { amountMinor, reasonCode: reason, ...(note.trim() ? { note: note.trim() } : {}) };
      onDone(await withOverride((overrideToken) => client.call(METHOD[kind], { ...input, overrideToken })));
    } catch (failure) {
      if (isOverrideCancelled(failure)) return setBusy(false);
      const shown = shownError(failure, t);
      const available = failure instanceof CallError ? failure.details['availableMinor'] : undefined;
      // The core's detail counts in minor units; the translated sentence says the same in money.
      setError(typeof available === 'number' ? { ...shown, message: `${shown.message} ${t('shift.drawerHolds', { amount: money(available) })}`, detail: '' } : shown);
      setBusy(false);
    }
  };

  return (
    <Modal
      title={t(TITLE[kind])}
      onClose={onClose}
      testId="cash-movement-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('shift.cancel')}
          </button>
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void record()} data-testid="cash-movement-record">
            {t('shift.record')}
          </button>
        </>
      }
    >
      <MoneyInput id="cash-movement-amount" label={t('shift.amount')} value={amount} onChange={setAmount} onEnter={() => void record()} autoFocus testId="cash-movement-amount" />
      <ReasonPicker codes={REASON_CODES[kind]} value={reason} onChange={setReason} label={t('shift.reason')} testId="cash-movement-reason" />
      <label className="field-label" htmlFor="cash-movement-note">
        {t('shift.note')}
      </label>
      <input id="cash-movement-note" className="text-field text-field-small" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} />
      <ErrorNote error={error} testId="cash-movement-error" />
    </Modal>
  );
}
