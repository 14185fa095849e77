import { useEffect, useState } from 'react';
import type { ProductSummary } from '../../src-shared/domain/catalog';
import type { SaleReturn } from '../../src-shared/domain/returns';
import { REASON_CODES } from '../../src-shared/domain/settings';
import { formatMajorPlain, parseMajorAmount } from '../../src-shared/i18n/index';
import { useApp } from '../app/app-context';
import { shownError, type ShownError } from '../app/call-error';
import { ErrorNote } from '../app/ErrorNote';
import { isOverrideCancelled, useOverride } from '../people/use-override';
import { ReturnOptions, type ReturnChoices } from './ReturnOptions';

interface Line { product: ProductSummary; quantity: number; price: string }

/**
 * A return without a receipt (permission `refund.noReceipt`, else a manager approves): products
 * found by name, SKU or barcode, the price paid per item (the current price by default), refunded
 * in cash or as store credit.
 */
export function NoReceiptForm({ onReturned, onBack }: { onReturned(r: SaleReturn): void; onBack(): void }) {
  const { client, info, t, money } = useApp();
  const { withOverride } = useOverride();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<ProductSummary[]>([]);
  const [lines, setLines] = useState<Line[]>([]);
  const [choices, setChoices] = useState<ReturnChoices<'cash' | 'storeCredit'>>({ reason: REASON_CODES.return[0], disposition: 'restock', refundTo: 'storeCredit' });
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const q = query.trim();
    if (q === '') return setResults([]);
    let live = true;
    client.call('catalog.search', { query: q, limit: 8 }).then((found) => live && setResults(found), () => live && setResults([]));
    return () => { live = false; };
  }, [client, query]);

  const add = (product: ProductSummary) => {
    setLines((current) => [...current.filter((l) => l.product.id !== product.id), { product, quantity: 1, price: formatMajorPlain(product.priceMinor, info.store) }]);
    setQuery('');
  };
  const parsedLines = lines.map((l) => ({ line: l, price: parseMajorAmount(l.price, info.store.locale, info.store.currencyDigits) }));
  const totalMinor = parsedLines.reduce((sum, { line, price }) => sum + (price.ok ? price.minor * line.quantity : 0), 0);

  const submit = async () => {
    if (busy) return;
    if (lines.length === 0) return setError({ code: 'INVALID_INPUT', message: t('returns.selectSome'), detail: '' });
    const bad = parsedLines.find(({ price }) => !price.ok || price.minor <= 0);
    if (bad) return setError({ code: 'INVALID_INPUT', message: t('returns.priceInvalid'), detail: bad.line.product.name });
    setBusy(true);
    try {
      const input = {
        kind: 'noReceipt' as const, refundTo: choices.refundTo, reasonCode: choices.reason, disposition: choices.disposition,
        lines: parsedLines.map(({ line, price }) => ({ productId: line.product.id, quantity: line.quantity, unitPriceMinor: price.ok ? price.minor : 0 })),
      };
      onReturned(await withOverride((overrideToken) => client.call('returns.create', { ...input, overrideToken })));
    } catch (failure) {
      if (!isOverrideCancelled(failure)) setError(shownError(failure, t));
      setBusy(false);
    }
  };

  return (
    <form className="page-card" onSubmit={(e) => { e.preventDefault(); void submit(); }} data-testid="no-receipt-form">
      <h2>{t('returns.noReceipt')}</h2>
      <label className="field-label" htmlFor="no-receipt-search">{t('returns.product')}</label>
      <input id="no-receipt-search" className="text-field" autoFocus autoComplete="off" placeholder={t('search.placeholder')} value={query} onChange={(e) => setQuery(e.target.value)} data-testid="no-receipt-search" />
      <ul className="match-list">
        {results.map((p) => (
          <li key={p.id}>
            <button type="button" className="button match" onClick={() => add(p)} data-testid="no-receipt-result">
              {p.name} · <span className="amount">{money(p.priceMinor)}</span>
            </button>
          </li>
        ))}
      </ul>
      <ul className="return-lines">
        {lines.map((l, index) => (
          <li key={l.product.id} className="return-line" data-testid="no-receipt-line">
            <strong className="return-line-name">{l.product.name}</strong>
            <input className="count-field amount" inputMode="numeric" aria-label={t('returns.quantity', { name: l.product.name })} value={String(l.quantity)}
              onChange={(e) => setLines((c) => c.map((x, i) => (i === index ? { ...x, quantity: Math.max(1, Number(e.target.value.replace(/\D/g, '').slice(0, 4) || '1')) } : x)))} />
            <input className="count-field amount" inputMode="decimal" aria-label={t('returns.unitPrice')} value={l.price}
              onChange={(e) => setLines((c) => c.map((x, i) => (i === index ? { ...x, price: e.target.value } : x)))} data-testid="no-receipt-price" />
          </li>
        ))}
      </ul>
      <ReturnOptions value={choices} onChange={setChoices} refundOptions={['storeCredit', 'cash']} />
      <ErrorNote error={error} testId="return-error" />
      <div className="page-actions">
        <button type="button" className="button" onClick={onBack}>{t('returns.newSearch')}</button>
        <button type="submit" className="button button-primary" disabled={busy} data-testid="return-submit">{t('returns.submit', { amount: money(totalMinor) })}</button>
      </div>
    </form>
  );
}
