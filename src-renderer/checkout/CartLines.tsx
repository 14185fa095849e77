import { memo, useLayoutEffect, useRef, type Ref } from 'react';
import type { Cart, CartLine } from '../../src-shared/domain/cart';
import { MAX_LINE_QUANTITY } from '../../src-shared/contract/index';
import { useApp } from '../app/app-context';
import { LineDetails } from './LineDetails';

interface CartLinesProps {
  readonly cart: Cart | null;
  /** The line the line actions (quantity, discount, price, note, remove) apply to. */
  readonly selectedLineId: string | null;
  onSelect(lineId: string): void;
  onSetQuantity(lineId: string, quantity: number): void;
  onRemove(lineId: string): void;
}

/** The lines of the sale: newest highlighted, the selected one outlined and scrolled into view. */
export function CartLines({ cart, selectedLineId, onSelect, onSetQuantity, onRemove }: CartLinesProps) {
  const { t } = useApp();
  const selected = useRef<HTMLLIElement>(null);

  // Before the paint (a layout effect), so a line scanned into a long basket is on screen in the
  // very frame that first draws it, not drawn below the fold and scrolled to one frame later.
  useLayoutEffect(() => {
    selected.current?.scrollIntoView({ block: 'nearest' });
  }, [selectedLineId, cart]);

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
      <ol className="cart-list" aria-label={t('cart.title')}>
        {cart.lines.map((line) => (
          <Line
            key={line.id}
            line={line}
            isNewest={line.id === cart.lastLineId}
            isSelected={line.id === selectedLineId}
            itemRef={line.id === selectedLineId ? selected : undefined}
            onSelect={onSelect}
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
  readonly isSelected: boolean;
  readonly itemRef: Ref<HTMLLIElement> | undefined;
  onSelect(lineId: string): void;
  onSetQuantity(lineId: string, quantity: number): void;
  onRemove(lineId: string): void;
}

/**
 * A line re-renders only when it changed: every answer of the core carries new line objects, so
 * they are compared by content (a few hundred bytes), which keeps a scan's render to one new row.
 */
const Line = memo(LineRow, (before, after) =>
  before.isNewest === after.isNewest &&
  before.isSelected === after.isSelected &&
  before.itemRef === after.itemRef &&
  before.onSelect === after.onSelect &&
  before.onSetQuantity === after.onSetQuantity &&
  before.onRemove === after.onRemove &&
  JSON.stringify(before.line) === JSON.stringify(after.line),
);

function LineRow({ line, isNewest, isSelected, itemRef, onSelect, onSetQuantity, onRemove }: LineProps) {
  const { t, money } = useApp();
  const name = line.name;
  const className = ['cart-line', isNewest && 'cart-line-newest', isSelected && 'cart-line-selected'].filter(Boolean).join(' ');
  const weighed = line.weightGrams !== null;
  return (
    <li
      ref={itemRef}
      className={className}
      data-testid="cart-line"
      data-line-id={line.id}
      data-selected={isSelected ? 'true' : undefined}
      aria-current={isSelected ? 'true' : undefined}
      onClick={() => onSelect(line.id)}
    >
      <span className="cart-line-name">
        <span className="cart-line-title">{name}</span>
        <span className="cart-line-sku">{line.sku}</span>
        <LineDetails line={line} />
      </span>
      <span className="cart-qty">
        <button
          type="button"
          className="qty-button"
          aria-label={t('cart.decrease', { name })}
          disabled={weighed || line.quantity <= 1}
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
          disabled={weighed || line.quantity >= MAX_LINE_QUANTITY}
          onClick={() => onSetQuantity(line.id, line.quantity + 1)}
          data-testid="line-increase"
        >
          +
        </button>
      </span>
      <span className="amount cart-line-unit" data-testid="line-unit-price">
        {money(line.unitPriceMinor)}
      </span>
      <span className="amount cart-line-total" data-testid="line-total">
        {money(line.lineTotalMinor)}
      </span>
      <button type="button" className="remove-button" aria-label={t('cart.remove', { name })} onClick={() => onRemove(line.id)} data-testid="line-remove">
        ×
      </button>
    </li>
  );
}
