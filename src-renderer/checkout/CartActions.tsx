import { memo } from 'react';
import type { MessageKey } from '../../src-shared/i18n/index';
import { useApp } from '../app/app-context';
import { CART_KEYS } from './checkout-keys';
import type { CheckoutDialog } from './CheckoutDialogs';

interface CartActionsProps {
  readonly hasLine: boolean;
  readonly hasLines: boolean;
  readonly taxExempt: boolean;
  onOpen(dialog: CheckoutDialog): void;
  onRemove(): void;
  onTaxExempt(): void;
}

type Action = { id: string; label: MessageKey; key: string; run: () => void; enabled: boolean; pressed?: boolean; danger?: boolean };

/** The line actions (on the selected line) and the sale actions, each with its key on the button. */
export const CartActions = memo(function CartActions({ hasLine, hasLines, taxExempt, onOpen, onRemove, onTaxExempt }: CartActionsProps) {
  const { t } = useApp();
  const open = (dialog: CheckoutDialog) => () => onOpen(dialog);
  const lineActions: Action[] = [
    { id: 'quantity', label: 'actions.quantity', key: CART_KEYS.quantity, run: open('quantity'), enabled: hasLine },
    { id: 'line-discount', label: 'actions.lineDiscount', key: CART_KEYS.lineDiscount, run: open('lineDiscount'), enabled: hasLine },
    { id: 'price', label: 'actions.price', key: CART_KEYS.price, run: open('price'), enabled: hasLine },
    { id: 'line-note', label: 'actions.lineNote', key: CART_KEYS.lineNote, run: open('lineNote'), enabled: hasLine },
    { id: 'remove-line', label: 'actions.remove', key: CART_KEYS.remove, run: onRemove, enabled: hasLine, danger: true },
  ];
  const saleActions: Action[] = [
    { id: 'cart-discount', label: 'actions.cartDiscount', key: CART_KEYS.cartDiscount, run: open('cartDiscount'), enabled: hasLines },
    { id: 'sale-note', label: 'actions.saleNote', key: CART_KEYS.saleNote, run: open('saleNote'), enabled: hasLines },
    { id: 'tax-exempt', label: 'actions.taxExempt', key: CART_KEYS.taxExempt, run: onTaxExempt, enabled: hasLines, pressed: taxExempt },
    { id: 'park', label: 'actions.park', key: CART_KEYS.park, run: open('park'), enabled: hasLines },
    { id: 'parked', label: 'actions.parked', key: CART_KEYS.parked, run: open('parked'), enabled: true },
  ];
  const render = (action: Action) => (
    <button
      key={action.id}
      type="button"
      className={action.danger ? 'button action-button button-danger' : 'button action-button'}
      disabled={!action.enabled}
      aria-pressed={action.pressed}
      onClick={action.run}
      data-testid={`action-${action.id}`}
    >
      <span>{t(action.label)}</span> <kbd>{action.key}</kbd>
    </button>
  );
  return (
    <div className="cart-actions">
      <div className="action-row" role="group" aria-label={t('actions.line')}>
        {lineActions.map(render)}
      </div>
      <div className="action-row" role="group" aria-label={t('actions.sale')}>
        {saleActions.map(render)}
      </div>
    </div>
  );
});
