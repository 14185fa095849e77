import { useState } from 'react';
import type { ReturnableSale } from '../../src-shared/domain/returns';
import { useApp } from '../app/app-context';
import { shownError, type ShownError } from '../app/call-error';
import { ErrorNote } from '../app/ErrorNote';
import { MoneyInput, useMoneyText } from '../components/MoneyInput';

export type FindQuery = { receiptNo: string } | { saleId: string } | { date: string; totalMinor: number };

/**
 * Finding the sale to return from: the receipt number, the receipt's QR code (a wedge scan
 * anywhere on the returns screen; see ReturnsScreen), or the store-local date and the total paid.
 * Several matches (same day, same total) are listed to pick from.
 */
export function FindSale({ onFound, onNoReceipt, find }: { onFound(sale: ReturnableSale): void; onNoReceipt(): void; find(query: FindQuery): Promise<ReturnableSale[]> }) {
  const { t, money, dateTime } = useApp();
  const [receiptNo, setReceiptNo] = useState('');
  const [date, setDate] = useState('');
  const [total, setTotal] = useState('');
  const [matches, setMatches] = useState<ReturnableSale[] | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const totalParsed = useMoneyText(total);

  const run = async (query: FindQuery) => {
    setError(null);
    try {
      const found = await find(query);
      if (found.length === 1) onFound(found[0]!);
      else if (found.length === 0) setError({ code: 'NOT_FOUND', message: t('returns.noneFound'), detail: '' });
      else setMatches(found);
    } catch (failure) {
      setError(shownError(failure, t));
    }
  };

  return (
    <div className="find-sale">
      <form className="find-row" onSubmit={(e) => { e.preventDefault(); if (receiptNo.trim()) void run({ receiptNo: receiptNo.trim() }); }}>
        <label className="field-label" htmlFor="return-receipt-no">{t('returns.byReceipt')}</label>
        <input id="return-receipt-no" className="text-field" autoFocus autoComplete="off" value={receiptNo} onChange={(e) => setReceiptNo(e.target.value)} placeholder="T01-1-000001" data-testid="return-receipt-no" />
        <button type="submit" className="button button-primary" data-testid="return-find">{t('returns.find')}</button>
      </form>
      <p className="muted">{t('returns.scanHint')}</p>
      <form className="find-row" onSubmit={(e) => { e.preventDefault(); if (date && totalParsed.ok) void run({ date, totalMinor: totalParsed.minor }); }}>
        <label className="field-label" htmlFor="return-date">{t('returns.byDate')}</label>
        <input id="return-date" type="date" className="text-field" value={date} onChange={(e) => setDate(e.target.value)} data-testid="return-date" />
        <MoneyInput id="return-total" label={t('returns.byTotal')} value={total} onChange={setTotal} testId="return-total" />
        <button type="submit" className="button" disabled={!date || !totalParsed.ok} data-testid="return-find-by-date">{t('returns.find')}</button>
      </form>
      <ErrorNote error={error} testId="return-find-error" />
      {matches && (
        <ul className="match-list">
          {matches.map((m) => (
            <li key={m.sale.id}>
              <button type="button" className="button match" onClick={() => onFound(m)} data-testid="return-match">
                {t('returns.sale', { receiptNo: m.sale.receiptNo, time: dateTime(new Date(m.sale.createdAt)) })} · <span className="amount">{money(m.sale.totals.totalMinor)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button button-quiet" onClick={onNoReceipt} data-testid="return-no-receipt">{t('returns.noReceipt')}</button>
    </div>
  );
}
