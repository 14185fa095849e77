import { useState } from 'react';
import type { CartLine } from '../../src-shared/domain/cart';
import { decimalSeparator } from '../../src-shared/i18n/index';
import { useApp } from '../app/app-context';
import { Keypad } from '../components/Keypad';
import { Modal } from '../components/Modal';
import { MoneyInput } from '../components/MoneyInput';
import { parsePrice } from './line-input';
import { useDialogKeys } from './use-dialog-keys';

interface PriceDialogProps {
  readonly line: CartLine;
  /** `null` restores the catalog price. */
  onSubmit(unitPriceMinor: number | null): Promise<boolean>;
  onClose(): void;
}

/** Sells the selected line at another unit price (F4); always goes through the permission check in core. */
export function PriceDialog({ line, onSubmit, onClose }: PriceDialogProps) {
  const { info, t, money } = useApp();
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const parsed = parsePrice(text, info.store.locale, info.store.currencyDigits);
  const message = tried && !parsed.ok && parsed.messageKey === 'input.amount.empty' ? parsed.messageKey : null;
  const catalogPrice = line.catalogPriceMinor ?? line.unitPriceMinor;

  const edit = (value: string) => {
    setText(value);
    setTried(false);
  };
  const submit = async () => {
    setTried(true);
    if (!parsed.ok) return;
    // Closed whatever core answered: a refusal shows in the checkout's banner (with "Ask a manager").
    await onSubmit(parsed.value);
    onClose();
  };
  const restore = async () => {
    await onSubmit(null);
    onClose();
  };
  useDialogKeys({ Delete: line.catalogPriceMinor !== null ? () => void restore() : undefined });

  return (
    <Modal
      title={t('price.title', { name: line.name })}
      onClose={onClose}
      testId="price-dialog"
      footer={
        <>
          {line.catalogPriceMinor !== null && (
            <button type="button" className="button button-danger" onClick={() => void restore()} data-testid="price-restore">
              {t('price.restore', { price: money(line.catalogPriceMinor) })} <kbd>Del</kbd>
            </button>
          )}
          <button type="button" className="button button-primary" onClick={() => void submit()} data-testid="price-ok">
            {t('price.apply')} <kbd>Enter</kbd>
          </button>
        </>
      }
    >
      <p className="dialog-hint">{t('price.catalog', { price: money(catalogPrice), current: money(line.unitPriceMinor) })}</p>
      <MoneyInput id="price-input" label={t('price.label')} value={text} onChange={edit} onEnter={() => void submit()} exampleMinor={catalogPrice} autoFocus testId="price-input" />
      {message && (
        <p className="field-invalid" role="alert">
          {t(message)}
        </p>
      )}
      <p className="dialog-hint">{t('price.approval')}</p>
      <Keypad value={text} onChange={edit} onEnter={() => void submit()} decimal={decimalSeparator(info.store.locale)} testId="price-keypad" />
    </Modal>
  );
}
