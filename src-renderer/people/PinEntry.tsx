import { useId } from 'react';
import { Keypad } from '../components/Keypad';
import { useApp } from '../app/app-context';

export const PIN_MAX = 8;
export const PIN_MIN = 4;

export interface PinEntryProps {
  readonly value: string;
  onChange(value: string): void;
  onSubmit(): void;
  readonly label: string;
  readonly submitLabel: string;
  readonly disabled?: boolean;
  /** `data-testid` of the field; the keypad's keys are `<testId>-keypad-<key>`. */
  readonly testId: string;
}

/**
 * A masked PIN field (4–8 digits) with a touch keypad. The physical keyboard types into the field
 * (digits only, Enter submits); the keypad never takes focus, so both can be mixed.
 */
export function PinEntry({ value, onChange, onSubmit, label, submitLabel, disabled = false, testId }: PinEntryProps) {
  const { t } = useApp();
  const id = useId();
  const set = (text: string) => onChange(text.replace(/\D/g, '').slice(0, PIN_MAX));
  return (
    <div className="pin-entry">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="text-field pin-field"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        data-autofocus=""
        autoFocus
        maxLength={PIN_MAX}
        value={value}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        onChange={(event) => set(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            onSubmit();
          }
        }}
        data-testid={testId}
      />
      <small id={`${id}-hint`} className="pin-hint">
        {t('pin.hint')}
      </small>
      <Keypad value={value} onChange={set} onEnter={onSubmit} enterLabel={submitLabel} maxLength={PIN_MAX} disabled={disabled} testId={`${testId}-keypad`} />
    </div>
  );
}
