import { useEffect, useRef, type Ref } from 'react';
import type { Cart, CartLine } from '../../src-shared/domain/cart';
import { MAX_LINE_QUANTITY } from '../../src-shared/contract/index';
import { useApp } from '../app/app-context';

interface CartLinesProps {
  readonly cart: Cart | null;
  onSetQuantity(lineId: string, quantity: number): void;
  onRemove(lineId: string): void;
}

/** The lines of the sale, newest highlighted and scrolled into view. */
export function CartLines({ cart, onSetQuantity, onRemove }: CartLinesProps) {
  const { t } = useApp();
  const newest = useRef<HTMLLIElement>(null);
  const lastLineId = cart?.lastLineId ?? null;

  useEffect(() => {
    newest.current?.scrollIntoView({ block: 'nearest' });
  }, [lastLineId, cart]);

  if (!cart || cart.lines.length === 0) {
    return <p className="cart-empty">{t('cart.empty')}</p>;
  }
  return (
    <div className="cart-lines">
      <div className="cart-line cart-line-head" aria-hidden="true">
        <span />
        <span className="cart-qty-head">{t('cart.qty')}</span>
        <span className="amount">{t('cart.unitPrice')}</span>
        <span className="amount">{t('cart.lineTotal')}</span>
        <span />
      </div>
      <ol className="cart-list">
        {cart.lines.map((line) => (
          <Line
            key={line.id}
            line={line}
            isNewest={line.id === lastLineId}
            itemRef={line.id === lastLineId ? newest : undefined}
            onSetQuantity={onSetQuantity}
            onRemove={onRemove}
          />
        ))}
      </ol>
    </div>
  );
}

interface LineProps {
  readonly line: CartLine;
  readonly isNewest: boolean;
  readonly itemRef: Ref<HTMLLIElement> | undefined;
  onSetQuantity(lineId: string, quantity: number): void;
  onRemove(lineId: string): void;
}

function Line({ line, isNewest, itemRef, onSetQuantity, onRemove }: LineProps) {
  const { t, money } = useApp();
  const name = line.name;
  return (
    <li
      ref={itemRef}
      className={isNewest ? 'cart-line cart-line-newest' : 'cart-line'}
      data-testid="cart-line"
      data-line-id={line.id}
      aria-current={isNewest ? 'true' : undefined}
    >
      <span className="cart-line-name">
        <span className="cart-line-title">{name}</span>
        <span className="cart-line-sku">{line.sku}</span>
      </span>
      <span className="cart-qty">
        <button
          type="button"
          className="qty-button"
          aria-label={t('cart.decrease', { name })}
          disabled={line.quantity <= 1}
          onClick={() => onSetQuantity(line.id, line.quantity - 1)}
          data-testid="line-decrease"
        >
          −
        </button>
        <span className="qty-value" data-testid="line-quantity">
          {line.quantity}
        </span>
        <button
          type="button"
          className="qty-button"
          aria-label={t('cart.increase', { name })}
          disabled={line.quantity >= MAX_LINE_QUANTITY}
          onClick={() => onSetQuantity(line.id, line.quantity + 1)}
          data-testid="line-increase"
        >
          +
        </button>
      </span>
      <span className="amount cart-line-unit">{money(line.unitPriceMinor)}</span>
      <span className="amount cart-line-total" data-testid="line-total">
        {money(line.lineTotalMinor)}
      </span>
      <button type="button" className="remove-button" aria-label={t('cart.remove', { name })} onClick={() => onRemove(line.id)} data-testid="line-remove">
        ×
      </button>
    </li>
  );
}
