import { useState } from 'react';
import type { DiscountInput } from '../../src-shared/contract/checkout-contract';
import type { Discount } from '../../src-shared/domain/cart';
import { decimalSeparator } from '../../src-shared/i18n/index';
import { useApp } from '../app/app-context';
import { Keypad } from '../components/Keypad';
import { Modal } from '../components/Modal';
import { useDialogKeys } from './use-dialog-keys';
import { parseDiscountAmount, parsePercentBp, type Parsed } from './line-input';
import { DialogField } from '../components/DialogField';

interface DiscountDialogProps {
  /** "Discount — Milk" or "Discount on the whole sale". */
  readonly title: string;
  /** What the discount applies to, before it: an amount discount may not exceed it. */
  readonly baseMinor: number;
  readonly current: Discount | null;
  onSubmit(discount: DiscountInput | null): Promise<boolean>;
  onClose(): void;
  readonly testId: string;
}

/**
 * A line (F3) or sale (F7) discount: percent (F2) or amount (F3), typed or on the keypad.
 * Over 100 %, zero or more than the amount: the message says so here and nothing is sent.
 */
export function DiscountDialog({ title, baseMinor, current, onSubmit, onClose, testId }: DiscountDialogProps) {
  const { info, t, money } = useApp();
  const { locale, currencyDigits } = info.store;
  const [kind, setKind] = useState<Discount['kind']>(current?.kind ?? 'percent');
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const parsed: Parsed<number> = kind === 'percent' ? parsePercentBp(text, locale) : parseDiscountAmount(text, locale, currencyDigits, baseMinor);
  const message = tried && !parsed.ok ? parsed.messageKey : null;

  const choose = (next: Discount['kind']) => {
    setKind(next);
    setTried(false);
  };
  const submit = async () => {
    setTried(true);
    if (!parsed.ok) return;
    const discount: DiscountInput = kind === 'percent' ? { kind, bp: parsed.value } : { kind, amountMinor: parsed.value };
    // Closed whatever core answered: a refusal shows in the checkout's banner (with "Ask a manager").
    await onSubmit(discount);
    onClose();
  };
  const remove = async () => {
    await onSubmit(null);
    onClose();
  };
  useDialogKeys({ F2: () => choose('percent'), F3: () => choose('amount'), Delete: current ? () => void remove() : undefined });

  return (
    <Modal
      title={title}
      onClose={onClose}
      testId={testId}
      footer={
        <>
          {current && (
            <button type="button" className="button button-danger" onClick={() => void remove()} data-testid="discount-remove">
              {t('discount.remove')} <kbd>Del</kbd>
            </button>
          )}
          <button type="button" className="button button-primary" onClick={() => void submit()} data-testid="discount-ok">
            {t('discount.apply')} <kbd>Enter</kbd>
          </button>
        </>
      }
    >
      <p className="dialog-hint">{t('discount.base', { amount: money(baseMinor) })}</p>
      <div className="segmented" role="group" aria-label={t('discount.kind')}>
        <button type="button" className="segmented-option" aria-pressed={kind === 'percent'} onClick={() => choose('percent')} data-testid="discount-percent">
          {t('discount.percent')} <kbd>F2</kbd>
        </button>
        <button type="button" className="segmented-option" aria-pressed={kind === 'amount'} onClick={() => choose('amount')} data-testid="discount-amount">
          {t('discount.amount')} <kbd>F3</kbd>
        </button>
      </div>
      <DialogField
        id="discount-input"
        label={kind === 'percent' ? t('discount.percentLabel') : t('discount.amountLabel')}
        inputMode="decimal"
        value={text}
        onChange={(value) => {
          setText(value);
          setTried(false);
        }}
        onEnter={() => void submit()}
        error={message && t(message, { max: money(baseMinor) })}
        testId="discount-input"
        errorTestId="discount-invalid"
      />
      <Keypad
        value={text}
        onChange={(value) => {
          setText(value);
          setTried(false);
        }}
        onEnter={() => void submit()}
        decimal={decimalSeparator(locale)}
        testId="discount-keypad"
      />
    </Modal>
  );
}
