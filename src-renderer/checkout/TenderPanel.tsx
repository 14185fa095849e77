import { useEffect, useRef, useState } from 'react';
import { decimalSeparator, formatMajorPlain } from '../../src-shared/i18n/index';
import { useApp } from '../app/app-context';
import { quickCashAmounts, tenderState } from './tender';

interface TenderPanelProps {
  readonly totalMinor: number;
  readonly busy: boolean;
  onComplete(amountMinor: number): void;
  onCancel(): void;
}

/**
 * Cash tender (the amount due stays in the total box above, relabelled): what the customer gave (typed in major units, e.g. "20" or
 * "12,50"), quick-cash buttons, and the change, live. Enter completes; Escape goes back.
 */
export function TenderPanel({ totalMinor, busy, onComplete, onCancel }: TenderPanelProps) {
  const { info, t, money } = useApp();
  const { locale, currency, currencyDigits } = info.store;
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const state = tenderState(text, totalMinor, locale, currencyDigits);
  const separator = decimalSeparator(locale);

  useEffect(() => input.current?.focus(), []);

  const complete = () => {
    if (state.canComplete && state.parsed.ok && !busy) onComplete(state.parsed.minor);
  };
  const quick = (amountMinor: number) => {
    setText(formatMajorPlain(amountMinor, info.store));
    input.current?.focus();
  };

  let status = { className: 'tender-pending', label: t('tender.change'), amount: '—', testId: 'change-due' };
  if (state.changeMinor !== null) status = { ...status, className: 'tender-change', amount: money(state.changeMinor) };
  else if (state.shortMinor !== null) status = { className: 'tender-short', label: t('tender.short'), amount: money(state.shortMinor), testId: 'still-due' };
  const invalid = !state.parsed.ok && state.parsed.reason !== 'empty' ? state.parsed.reason : null;

  return (
    <section className="tender" aria-labelledby="tender-title" data-testid="tender-panel">
      <h2 id="tender-title" className="tender-title">
        {t('tender.title')}
      </h2>
      <label className="tender-label" htmlFor="tendered">
        {t('tender.tendered')}
      </label>
      <input
        id="tendered"
        ref={input}
        className="tender-input amount"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        placeholder={t('tender.placeholder', { example: formatMajorPlain(2000, info.store) })}
        aria-invalid={invalid !== null}
        aria-describedby="tender-status"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            complete();
          }
        }}
        data-testid="tendered-input"
      />
      {invalid && (
        <p className="tender-invalid" role="alert">
          {t(`tender.invalid.${invalid}`, { separator, digits: currencyDigits })}
        </p>
      )}
      <div className="quick-cash">
        <button type="button" className="button quick-cash-button" onClick={() => quick(totalMinor)} data-testid="quick-cash-exact">
          {t('tender.exact')}
        </button>
        {quickCashAmounts(totalMinor, currency, currencyDigits, 3).map((amount) => (
          <button key={amount} type="button" className="button quick-cash-button" onClick={() => quick(amount)} data-testid="quick-cash">
            {money(amount)}
          </button>
        ))}
      </div>
      <div id="tender-status" className={`tender-status ${status.className}`} aria-live="polite">
        <span>{status.label}</span>
        <span className="amount tender-status-amount" data-testid={status.testId}>
          {status.amount}
        </span>
      </div>
      <div className="tender-actions">
        <button type="button" className="button button-secondary" onClick={onCancel} data-testid="tender-cancel">
          {t('tender.cancel')} <kbd>Esc</kbd>
        </button>
        <button type="button" className="button button-pay" disabled={!state.canComplete || busy} onClick={complete} data-testid="complete-sale">
          {t('tender.complete')} <kbd>Enter</kbd>
        </button>
      </div>
    </section>
  );
}
