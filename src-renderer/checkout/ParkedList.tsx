import { useCallback, useEffect, useState } from 'react';
import type { ParkedCart } from '../../src-shared/domain/cart';
import { errorMessageKey } from '../../src-shared/i18n/index';
import { useApp } from '../app/app-context';
import { Modal } from '../components/Modal';
import { isOverrideCancelled, useOverride } from '../people/use-override';
import { CallError } from '../transport/client';

interface ParkedListProps {
  /** Resuming needs an empty cart (the core says `CART_NOT_EMPTY` otherwise). */
  readonly cartHasLines: boolean;
  onResume(parkedId: string): Promise<boolean>;
  onClose(): void;
}

/** Parked sales (⇧F8): newest first, each with Resume, or Delete with a reason (recorded). */
export function ParkedList({ cartHasLines, onResume, onClose }: ParkedListProps) {
  const { client, t, plural, money, dateTime } = useApp();
  const { withOverride } = useOverride();
  const [parked, setParked] = useState<readonly ParkedCart[] | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(() => {
    client.call('cart.listParked', {}).then(setParked, (error: unknown) => setFailure(String(error)));
  }, [client]);
  useEffect(load, [load]);

  const resume = async (id: string) => {
    if (await onResume(id)) onClose();
  };
  const remove = async (id: string) => {
    try {
      // Deleting a parked sale may need a manager (the core asks its permission hook).
      await withOverride(() => client.call('cart.deleteParked', { parkedId: id, reason }));
      setDeleting(null);
      setReason('');
      setFailure(null);
      load();
    } catch (error) {
      if (isOverrideCancelled(error)) return;
      setFailure(error instanceof CallError ? `${t(errorMessageKey(error.code))} ${error.message}` : String(error));
    }
  };

  return (
    <Modal title={t('parked.title')} onClose={onClose} size="wide" testId="parked-list">
      {cartHasLines && <p className="dialog-hint dialog-warning">{t('parked.cartNotEmpty')}</p>}
      {failure && (
        <p className="field-invalid" role="alert">
          {failure}
        </p>
      )}
      {parked?.length === 0 && <p className="dialog-hint" data-testid="parked-empty">{t('parked.empty')}</p>}
      <ul className="parked-items">
        {parked?.map((sale, index) => (
          <li key={sale.id} className="parked-item" data-testid="parked-sale" data-parked-id={sale.id}>
            <div className="parked-summary">
              <span className="parked-time">{dateTime(new Date(sale.parkedAt))}</span>
              {sale.note && <span className="parked-note">{sale.note}</span>}
              <span className="parked-preview">{sale.preview.join(', ')}</span>
            </div>
            <span className="parked-count">{plural('cart.items', sale.itemCount)}</span>
            <span className="amount parked-total">{money(sale.totalMinor)}</span>
            {deleting === sale.id ? (
              <form
                className="parked-delete"
                onSubmit={(event) => {
                  event.preventDefault();
                  void remove(sale.id);
                }}
              >
                <input className="text-field" autoFocus maxLength={200} value={reason} placeholder={t('parked.reason')} aria-label={t('parked.reason')} onChange={(event) => setReason(event.target.value)} data-testid="parked-reason" />
                <button type="submit" className="button button-danger" disabled={reason.trim().length < 3} data-testid="parked-delete-confirm">
                  {t('parked.deleteConfirm')} <kbd>Enter</kbd>
                </button>
              </form>
            ) : (
              <span className="parked-actions">
                <button type="button" className="button button-primary" disabled={cartHasLines} autoFocus={index === 0 && !cartHasLines} onClick={() => void resume(sale.id)} data-testid="parked-resume">
                  {t('parked.resume')}
                </button>
                <button type="button" className="button button-danger" onClick={() => setDeleting(sale.id)} data-testid="parked-delete">
                  {t('parked.delete')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </Modal>
  );
}
