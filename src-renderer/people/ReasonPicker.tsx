import { en, type MessageKey } from '../../src-shared/i18n/index';
import { useApp } from '../app/app-context';
import { ChoiceGroup } from '../app/ChoiceGroup';

/** A reason code from `REASON_CODES` (src-shared/domain/settings.ts) as big radio buttons; each code has a `reason.<code>` text. */
export function ReasonPicker({ codes, value, onChange, label, testId }: {
  codes: readonly string[];
  value: string;
  onChange(code: string): void;
  label: string;
  testId: string;
}) {
  const { t } = useApp();
  return <ChoiceGroup label={label} options={codes.map((code) => ({ value: code, label: reasonText(code, t) }))} value={value} onChange={onChange} testId={testId} />;
}

/** The words for a reason code; a code from elsewhere (the centre, an older till) shows as it is. */
export function reasonText(code: string, t: (key: MessageKey) => string): string {
  const key = `reason.${code}`;
  return Object.hasOwn(en, key) ? t(key as MessageKey) : code;
}
