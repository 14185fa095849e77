import type { ReactNode } from 'react';

export interface DialogFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (text: string) => void;
  /** Enter in the field submits the dialog. */
  onEnter: () => void;
  /** The refusal shown under the field (already translated), or null. */
  error: ReactNode | null;
  className?: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
  maxLength?: number;
  testId: string;
  /** Test id of the error line; none when omitted. */
  errorTestId?: string;
}

/**
 * The labelled one-line input of the checkout dialogs (quantity, discount, note): focused when the
 * dialog opens (`data-autofocus`, see Modal), Enter submits, and the reason a value is refused
 * sits under it as an alert.
 */
export function DialogField(props: DialogFieldProps) {
  const { id, label, value, onChange, onEnter, error, testId, errorTestId } = props;
  return (
    <>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className={props.className ?? 'money-input-field amount'}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        autoComplete="off"
        data-autofocus=""
        value={value}
        aria-invalid={error !== null}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            onEnter();
          }
        }}
        data-testid={testId}
      />
      {error !== null && (
        <p className="field-invalid" role="alert" data-testid={errorTestId}>
          {error}
        </p>
      )}
    </>
  );
}
