import { useState } from 'react';
import { REASON_CODES } from '../../src-shared/domain/settings';
import { useApp } from '../app/app-context';
import { shownError, type ShownError } from '../app/call-error';
import { ErrorNote } from '../app/ErrorNote';
import { Modal } from '../components/Modal';
import { ReasonPicker } from '../people/ReasonPicker';
import { isOverrideCancelled, useOverride } from '../people/use-override';

/** Voids a completed sale of the open shift (`sale.void`, permission `sale.void` or a manager's approval). */
export function VoidSaleDialog({ saleId, onClose, onVoided }: { saleId: string; onClose(): void; onVoided(): void }) {
  const { client, t } = useApp();
  const { withOverride } = useOverride();
  const [reason, setReason] = useState<string>(REASON_CODES.void[0]);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await withOverride((overrideToken) => client.call('sale.void', { saleId, reasonCode: reason, overrideToken }));
      onVoided();
    } catch (failure) {
      if (!isOverrideCancelled(failure)) setError(shownError(failure, t));
      setBusy(false);
    }
  };

  return (
    <Modal
      title={t('returns.void')}
      onClose={onClose}
      testId="void-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>{t('shift.cancel')}</button>
          <button type="button" className="button button-danger" disabled={busy} onClick={() => void confirm()} data-testid="void-confirm">{t('returns.void')}</button>
        </>
      }
    >
      <ReasonPicker codes={REASON_CODES.void} value={reason} onChange={setReason} label={t('returns.reason')} testId="void-reason" />
      <ErrorNote error={error} testId="void-error" />
    </Modal>
  );
}
