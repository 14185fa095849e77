import { REASON_CODES } from '../../src-shared/domain/settings';
import type { ReturnDisposition } from '../../src-shared/domain/returns';
import { useApp } from '../app/app-context';
import { ChoiceGroup } from '../app/ChoiceGroup';
import { ReasonPicker } from '../people/ReasonPicker';

export interface ReturnChoices<R extends string> {
  reason: string;
  disposition: ReturnDisposition;
  refundTo: R;
}

/** Reason, restock or write off, and where the money goes: shared by returns with and without a receipt. */
export function ReturnOptions<R extends 'original' | 'storeCredit' | 'cash'>({ value, onChange, refundOptions }: {
  value: ReturnChoices<R>;
  onChange(value: ReturnChoices<R>): void;
  refundOptions: readonly R[];
}) {
  const { t } = useApp();
  const label = { original: t('returns.original'), storeCredit: t('returns.storeCredit'), cash: t('returns.cash') };
  return (
    <div className="return-options">
      <ReasonPicker codes={REASON_CODES.return} value={value.reason} onChange={(reason) => onChange({ ...value, reason })} label={t('returns.reason')} testId="return-reason" />
      <ChoiceGroup
        label={t('returns.disposition')}
        options={[{ value: 'restock', label: t('returns.restock') }, { value: 'writeOff', label: t('returns.writeOff') }] as const}
        value={value.disposition}
        onChange={(disposition) => onChange({ ...value, disposition })}
        testId="return-disposition"
      />
      <ChoiceGroup
        label={t('returns.refundTo')}
        options={refundOptions.map((option) => ({ value: option, label: label[option] }))}
        value={value.refundTo}
        onChange={(refundTo) => onChange({ ...value, refundTo })}
        testId="return-refund-to"
      />
    </div>
  );
}
