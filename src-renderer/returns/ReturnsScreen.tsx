import { useCallback, useState } from 'react';
import type { ReturnableSale, SaleReturn } from '../../src-shared/domain/returns';
import { useApp } from '../app/app-context';
import { shownError, type ShownError } from '../app/call-error';
import { ErrorNote } from '../app/ErrorNote';
import { useWedgeScanner } from '../scanner/use-wedge-scanner';
import { FindSale, type FindQuery } from './FindSale';
import { NoReceiptForm } from './NoReceiptForm';
import { ReturnDone } from './ReturnDone';
import { ReturnSaleForm } from './ReturnSaleForm';
import './returns.css';

type View = { name: 'find' } | { name: 'sale'; found: ReturnableSale } | { name: 'noReceipt' } | { name: 'done'; done: SaleReturn } | { name: 'voided'; receiptNo: string };

/** A sale id as the receipt's QR code holds it (UUIDv7, receipt-document.ts); anything else scanned is taken as a receipt number. */
const SALE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Returns and refunds (issue 4): find the sale (receipt number, the receipt's QR scanned with the
 * wedge scanner wherever focus is, or date and total), return lines, or a return without receipt,
 * or void a sale of the open shift. While this screen is up, scans look up sales, not products.
 */
export function ReturnsScreen() {
  const { client, t } = useApp();
  const [view, setView] = useState<View>({ name: 'find' });
  const [scanError, setScanError] = useState<ShownError | null>(null);

  const find = useCallback((query: FindQuery) => client.call('returns.findSale', query), [client]);
  const onScan = useCallback(
    (code: string) => {
      setScanError(null);
      find(SALE_ID.test(code) ? { saleId: code } : { receiptNo: code }).then(
        (found) => (found[0] ? setView({ name: 'sale', found: found[0] }) : setScanError({ code: 'NOT_FOUND', message: t('returns.noneFound'), detail: code })),
        (failure: unknown) => setScanError(shownError(failure, t)),
      );
    },
    [find, t],
  );
  useWedgeScanner(onScan, () => setScanError({ code: 'INVALID_INPUT', message: t('error.scanUnreadable'), detail: '' }));
  const reset = () => setView({ name: 'find' });

  return (
    <main className="page" data-testid="returns-screen">
      <h1>{t('returns.title')}</h1>
      <ErrorNote error={scanError} testId="return-scan-error" />
      {view.name === 'find' && (
        <div className="page-card">
          <FindSale find={find} onFound={(found) => setView({ name: 'sale', found })} onNoReceipt={() => setView({ name: 'noReceipt' })} />
        </div>
      )}
      {view.name === 'sale' && (
        <ReturnSaleForm key={view.found.sale.id} found={view.found} onBack={reset} onReturned={(done) => setView({ name: 'done', done })} onVoided={(receiptNo) => setView({ name: 'voided', receiptNo })} />
      )}
      {view.name === 'noReceipt' && <NoReceiptForm onBack={reset} onReturned={(done) => setView({ name: 'done', done })} />}
      {view.name === 'done' && <ReturnDone done={view.done} onNext={reset} />}
      {view.name === 'voided' && (
        <section className="page-card" data-testid="void-done">
          <h2>{t('returns.voidDone', { receiptNo: view.receiptNo })}</h2>
          <div className="page-actions">
            <button type="button" className="button button-primary" autoFocus onClick={reset}>{t('returns.another')}</button>
          </div>
        </section>
      )}
    </main>
  );
}
