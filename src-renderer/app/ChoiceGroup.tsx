import { useId } from 'react';

/** Big radio buttons in a fieldset (arrow keys move between them, as native radios do). Each option's test id is `<testId>` with `data-value`. */
export function ChoiceGroup<V extends string>({ label, options, value, onChange, testId }: {
  label: string;
  options: readonly { value: V; label: string }[];
  value: V;
  onChange(value: V): void;
  testId: string;
}) {
  const name = useId();
  return (
    <fieldset className="choice-group">
      <legend className="field-label">{label}</legend>
      {options.map((option) => (
        <label key={option.value} className="choice" data-testid={testId} data-value={option.value}>
          <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
