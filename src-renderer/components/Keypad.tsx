import { useApp } from '../app/app-context';
import { applyKeypadKey, type KeypadKey } from './keypad-input';
import './components.css';

export interface KeypadProps {
  /** The text the keypad edits (usually also shown in an input the physical keyboard types into). */
  readonly value: string;
  onChange(value: string): void;
  /** The ✓ key; omitted, there is no ✓ key. */
  onEnter?: () => void;
  /** Label of the ✓ key (default "OK"). */
  readonly enterLabel?: string;
  /** Decimal separator key (e.g. "," or "."); `null` (PINs, quantities) shows "00"/nothing instead. */
  readonly decimal?: string | null;
  /** "00" key, for cash amounts typed in minor-unit habits. */
  readonly doubleZero?: boolean;
  readonly maxLength?: number;
  readonly disabled?: boolean;
  /** Prefix of the keys' test ids (default `keypad`): `keypad-7`, `keypad-backspace`, `keypad-enter`. */
  readonly testId?: string;
}

/**
 * A touch numeric keypad (72 px keys) for quantities, amounts and PINs. It never takes focus
 * (mousedown is prevented, tabIndex −1), so the field the physical keyboard types into stays
 * focused and keyboard-first use is unchanged; the keypad only edits `value` through `onChange`.
 *
 * Usage: `<Keypad value={text} onChange={setText} onEnter={submit} decimal={decimalSeparator(locale)} />`
 */
export function Keypad({ value, onChange, onEnter, enterLabel, decimal = null, doubleZero = false, maxLength = 12, disabled = false, testId = 'keypad' }: KeypadProps) {
  const { t } = useApp();
  const press = (key: KeypadKey) => onChange(applyKeypadKey(value, key, decimal ?? '.', maxLength));
  const key = (k: KeypadKey, label: string, aria?: string) => (
    <button
      key={k}
      type="button"
      className="keypad-key"
      tabIndex={-1}
      disabled={disabled}
      aria-label={aria}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => press(k)}
      data-testid={`${testId}-${k}`}
    >
      {label}
    </button>
  );
  const last: KeypadKey | null = decimal !== null ? 'decimal' : doubleZero ? '00' : null;
  // 7 8 9 ⌫ / 4 5 6 C / 1 2 3 ✓ / (, or 00) 0 ✓ — a calculator's layout, four rows of 56 px.
  return (
    <div className="keypad" role="group" aria-label={t('ui.keypad.label')} data-testid={testId}>
      {(['7', '8', '9'] as const).map((k) => key(k, k))}
      {key('backspace', '⌫', t('ui.keypad.backspace'))}
      {(['4', '5', '6'] as const).map((k) => key(k, k))}
      {key('clear', t('ui.keypad.clear'))}
      {(['1', '2', '3'] as const).map((k) => key(k, k))}
      {onEnter ? (
        <button
          type="button"
          className="keypad-key keypad-enter"
          tabIndex={-1}
          disabled={disabled}
          onMouseDown={(event) => event.preventDefault()}
          onClick={onEnter}
          data-testid={`${testId}-enter`}
        >
          {enterLabel ?? t('ui.keypad.enter')}
        </button>
      ) : (
        <span className="keypad-gap" />
      )}
      {last === null ? <span /> : key(last, last === 'decimal' ? decimal! : '00', last === 'decimal' ? t('ui.keypad.decimal') : undefined)}
      {key('0', '0')}
    </div>
  );
}
