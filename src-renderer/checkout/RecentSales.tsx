import { useEffect, useState } from 'react';
import type { SaleSummary } from '../../src-shared/domain/sale';
import { useApp } from '../app/app-context';
import { ReprintButton } from '../printing/ReprintButton';
import { ReceiptImage } from './ReceiptImage';

/** A drawer with this till's latest sales; choosing one shows its receipt again. */
export function RecentSales({ onClose }: { onClose(): void }) {
  const { client, t, plural, money, dateTime } = useApp();
  const [sales, setSales] = useState<readonly SaleSummary[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [open, setOpen] = useState<SaleSummary | null>(null);
  const [showCopy, setShowCopy] = useState(false);

  useEffect(() => {
    const load = () =>
      client.call('sale.listRecent', { limit: 20 }).then(
        (list) => setSales(list),
        (error: unknown) => setFailed(error instanceof Error ? error.message : String(error)),
      );
    void load();
    const stop = client.on('sale.completed', () => void load());
    return stop;
  }, [client]);

  useEffect(() => {
    // The drawer is modal: checkout shortcuts (Enter, F9, F12) must not act on the sale behind it.
    // Capture phase on window, after the wedge scanner's listener (registered at boot), so scans still work.
    const onKeyDown = (event: KeyboardEvent) => {
      event.stopPropagation();
      if (event.key !== 'Escape') return;
      event.preventDefault();
      if (open) setOpen(null);
      else onClose();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [onClose, open]);

  return (
    <div className="drawer-backdrop" onClick={onClose}>
      <aside className="drawer" data-testid="recent-sales" aria-labelledby="recent-title" onClick={(event) => event.stopPropagation()}>
        <div className="drawer-head">
          <h2 id="recent-title">{open ? open.receiptNo : t('recent.title')}</h2>
          {open && (
            <button type="button" className="button button-quiet" onClick={() => setOpen(null)} data-testid="recent-back">
              {t('recent.back')}
            </button>
          )}
          <button type="button" className="button button-quiet" onClick={onClose} data-testid="recent-close">
            {t('recent.close')} <kbd>Esc</kbd>
          </button>
        </div>
        {open ? (
          <>
            <div className="recent-receipt-actions">
              <ReprintButton saleId={open.id} />
              <button type="button" className="button" aria-pressed={showCopy} onClick={() => setShowCopy((value) => !value)} data-testid="show-copy">
                {t('done.showCopy')}
              </button>
            </div>
            <ReceiptImage saleId={open.id} copy={showCopy} />
          </>
        ) : (
          <>
            {failed && (
              <p className="receipt-failed" role="alert">
                {t('error.INTERNAL')} <small>{failed}</small>
              </p>
            )}
            {sales?.length === 0 && <p className="recent-empty">{t('recent.empty')}</p>}
            <ul className="recent-list">
              {sales?.map((sale) => (
                <li key={sale.id}>
                  <button type="button" className="recent-sale" onClick={() => {
                      setShowCopy(false);
                      setOpen(sale);
                    }}
                    data-testid="recent-sale" data-sale-id={sale.id}>
                    <span className="recent-sale-no">{sale.receiptNo}</span>
                    <span className="recent-sale-time">{dateTime(new Date(sale.createdAt))}</span>
                    <span className="recent-sale-items">{plural('recent.items', sale.itemCount)}</span>
                    <span className="amount recent-sale-total">{money(sale.totalMinor)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </aside>
    </div>
  );
}
