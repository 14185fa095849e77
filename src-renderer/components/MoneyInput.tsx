import type { Ref } from 'react';
import { decimalSeparator, formatMajorPlain, parseMajorAmount, type ParseAmountResult } from '../../src-shared/i18n/index';
import { useApp } from '../app/app-context';
import './components.css';

export interface MoneyInputProps {
  readonly id: string;
  readonly label: string;
  /** What the cashier typed, in major units ("12,50"): keep it as text, parse with `useMoneyText`. */
  readonly value: string;
  onChange(value: string): void;
  onEnter?: () => void;
  readonly inputRef?: Ref<HTMLInputElement>;
  readonly testId?: string;
  /** An example amount for the placeholder, in minor units. */
  readonly exampleMinor?: number;
  readonly autoFocus?: boolean;
}

/**
 * An amount field in the store's currency: typed in major units with the locale's separator (or
 * "."), parsed by string surgery to integer minor units (`parseMajorAmount`, never a float), with
 * the reason shown under it when the text is not an amount.
 */
export function MoneyInput({ id, label, value, onChange, onEnter, inputRef, testId, exampleMinor = 2000, autoFocus }: MoneyInputProps) {
  const { info, t } = useApp();
  const parsed = parseMajorAmount(value, info.store.locale, info.store.currencyDigits);
  const invalid = !parsed.ok && parsed.reason !== 'empty' ? parsed.reason : null;
  return (
    <div className="money-input">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        ref={inputRef}
        className="money-input-field amount"
        inputMode="decimal"
        autoComplete="off"
        autoFocus={autoFocus}
        data-autofocus={autoFocus ? '' : undefined}
        value={value}
        placeholder={t('tender.placeholder', { example: formatMajorPlain(exampleMinor, info.store) })}
        aria-invalid={invalid !== null}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && onEnter) {
            event.preventDefault();
            onEnter();
          }
        }}
        data-testid={testId}
      />
      {invalid && (
        <p className="field-invalid" role="alert" data-testid={testId ? `${testId}-invalid` : undefined}>
          {t(`tender.invalid.${invalid}`, { separator: decimalSeparator(info.store.locale), digits: info.store.currencyDigits })}
        </p>
      )}
    </div>
  );
}

/** The parse of a money text in the store's locale and digits. */
export function useMoneyText(text: string): ParseAmountResult {
  const { info } = useApp();
  return parseMajorAmount(text, info.store.locale, info.store.currencyDigits);
}
