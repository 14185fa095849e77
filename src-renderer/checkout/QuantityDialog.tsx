import { useState } from 'react';
import type { CartLine } from '../../src-shared/domain/cart';
import { useApp } from '../app/app-context';
import { Keypad } from '../components/Keypad';
import { Modal } from '../components/Modal';
import { parseQuantity } from './line-input';
import { DialogField } from '../components/DialogField';

interface QuantityDialogProps {
  readonly line: CartLine;
  onSubmit(quantity: number): Promise<boolean>;
  onClose(): void;
}

/** The selected line's quantity on the keypad (F2). Bad input is explained here; nothing is sent. */
export function QuantityDialog({ line, onSubmit, onClose }: QuantityDialogProps) {
  const { t } = useApp();
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const parsed = parseQuantity(text);
  const message = tried && !parsed.ok ? parsed.messageKey : null;

  const submit = async () => {
    setTried(true);
    if (!parsed.ok) return;
    // Closed whatever core answered: a refusal shows in the checkout's banner (with "Ask a manager").
    await onSubmit(parsed.value);
    onClose();
  };

  return (
    <Modal
      title={t('qty.title', { name: line.name })}
      onClose={onClose}
      testId="quantity-dialog"
      footer={
        <button type="button" className="button button-primary" onClick={() => void submit()} data-testid="quantity-ok">
          {t('qty.ok')} <kbd>Enter</kbd>
        </button>
      }
    >
      <p className="dialog-hint">{t('qty.current', { quantity: line.quantity })}</p>
      <DialogField
        id="quantity-input"
        label={t('qty.label')}
        inputMode="numeric"
        value={text}
        onChange={(value) => {
          setText(value);
          setTried(false);
        }}
        onEnter={() => void submit()}
        error={message && t(message)}
        testId="quantity-input"
        errorTestId="quantity-invalid"
      />
      <Keypad value={text} onChange={(value) => {
          setText(value);
          setTried(false);
        }} onEnter={() => void submit()} maxLength={6} testId="quantity-keypad" />
    </Modal>
  );
}
