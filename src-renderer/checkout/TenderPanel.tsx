import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Tender } from '../../src-shared/domain/sale';
import { decimalSeparator, formatMajorPlain } from '../../src-shared/i18n/index';
import { useApp } from '../app/app-context';
import { TENDER_KEYS, QUICK_CASH_KEYS } from './checkout-keys';
import type { TenderModel } from './use-tender';

interface TenderPanelProps {
  readonly tender: TenderModel;
  readonly tenders: readonly Tender[];
  readonly busy: boolean;
  onCancel(): void;
}

/**
 * Taking payment: the tender (cash, card, mobile money, store credit), the amount (cash: what the
 * customer gave; others: prefilled with the rest), the external terminal's approval reference,
 * quick-cash buttons, and live change or what is still due. Enter adds the payment or completes.
 */
export function TenderPanel({ tender, tenders, busy, onCancel }: TenderPanelProps) {
  const { info, t, money } = useApp();
  const amount = useRef<HTMLInputElement>(null);
  const submit = useRef<HTMLButtonElement>(null);
  const { method, evaluation: e } = tender;
  const cash = method === 'cash';

  // Paid up, the amount field goes away and the Complete button takes focus, so Enter completes.
  useEffect(() => (e.paidUp ? submit : amount).current?.focus(), [method, tender.payments.length, e.paidUp]);
  const onEnter = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (!busy) tender.submit();
  };

  let status = { className: 'tender-pending', label: cash ? t('tender.change') : t('tender.remaining'), amount: '—', testId: 'change-due' };
  if (e.changeMinor !== null) status = { ...status, className: 'tender-change', amount: money(e.changeMinor) };
  else if (e.shortMinor === 0) status = { className: 'tender-change', label: t('tender.coversRest'), amount: money(0), testId: 'still-due' };
  else if (e.shortMinor !== null) status = { className: 'tender-short', label: t('tender.short'), amount: money(e.shortMinor), testId: 'still-due' };
  const completes = e.action?.kind === 'complete' || (e.action === null && cash && tender.payments.length === 0);

  return (
    // The pressed tender tab says which payment this is; the heading is for screen readers (space is short at 800 px).
    <section className="tender" aria-label={e.paidUp ? t('tender.paidUp') : t(`tender.title.${method}`)} data-testid="tender-panel" data-method={method}>
      {e.paidUp && <h2 className="tender-title">{t('tender.paidUp')}</h2>}
      {!e.paidUp && (
        <>
          <div className="tender-methods segmented" role="group" aria-label={t('tender.method')}>
            {tenders.map((item) => (
              <button key={item} type="button" className="segmented-option" aria-pressed={item === method} onClick={() => tender.choose(item)} data-testid={`tender-${item}`}>
                {t(`tender.method.${item}`)} <kbd>{TENDER_KEYS[item]}</kbd>
              </button>
            ))}
          </div>
          <label className="tender-label" htmlFor="tendered">
            {cash ? t('tender.tendered') : t('tender.amount', { remaining: money(e.remainingMinor) })}
          </label>
          <input
            id="tendered"
            ref={amount}
            className="tender-input amount"
            inputMode="decimal"
            autoComplete="off"
            value={tender.amountText}
            placeholder={t('tender.placeholder', { example: formatMajorPlain(cash ? 2000 : e.remainingMinor, info.store) })}
            aria-invalid={e.messageKey !== null && e.messageKey !== 'tender.referenceRequired'}
            aria-describedby="tender-status"
            onChange={(event) => tender.setAmountText(event.target.value)}
            onKeyDown={onEnter}
            data-testid="tendered-input"
          />
          {cash ? (
            <div className="quick-cash">
              {tender.quickCash.map((value, index) => (
                <button key={value} type="button" className="button quick-cash-button" onClick={() => tender.quick(value)} data-testid={index === 0 ? 'quick-cash-exact' : 'quick-cash'}>
                  {index === 0 ? t('tender.exact') : money(value)} {QUICK_CASH_KEYS[index] && <kbd>{QUICK_CASH_KEYS[index]}</kbd>}
                </button>
              ))}
            </div>
          ) : (
            <>
              <label className="tender-label" htmlFor="tender-reference">
                {t(`tender.reference.${method}`)}
              </label>
              <input id="tender-reference" className="text-field" autoComplete="off" maxLength={64} value={tender.reference} onChange={(event) => tender.setReference(event.target.value)} onKeyDown={onEnter} data-testid="tender-reference" />
            </>
          )}
          {tender.messageKey && (
            <p className="tender-invalid" role="alert" data-testid="tender-message">
              {t(tender.messageKey, { separator: decimalSeparator(info.store.locale), digits: info.store.currencyDigits, remaining: money(e.remainingMinor) })}
            </p>
          )}
          <div id="tender-status" className={`tender-status ${status.className}${cash ? '' : ' tender-status-compact'}`} aria-live="polite">
            <span>{status.label}</span>
            <span className="amount tender-status-amount" data-testid={status.testId}>
              {status.amount}
            </span>
          </div>
        </>
      )}
      <div className="tender-actions">
        <button type="button" className="button button-secondary" onClick={onCancel} data-testid="tender-cancel">
          {t('tender.cancel')} <kbd>Esc</kbd>
        </button>
        <button
          ref={submit}
          type="button"
          className="button button-pay"
          disabled={busy || e.action === null}
          onClick={tender.submit}
          data-testid={completes ? 'complete-sale' : 'add-payment'}
        >
          {completes ? t('tender.complete') : t('tender.add')} <kbd>Enter</kbd>
        </button>
      </div>
    </section>
  );
}
