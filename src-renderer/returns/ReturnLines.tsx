import type { ReturnableLine } from '../../src-shared/domain/returns';
import { useApp } from '../app/app-context';

/**
 * The sale's lines with what is left to return ("1 of 3 returnable") and a quantity per line.
 * A quantity above what is left is shown as invalid at once (the core refuses it too).
 * Test ids: `return-line` (per line, `data-line-id`), `return-qty`, `return-qty-more`, `return-qty-less`.
 */
export function ReturnLines({ lines, quantities, onChange }: { lines: readonly ReturnableLine[]; quantities: Readonly<Record<string, number>>; onChange(lineId: string, quantity: number): void }) {
  const { t, money } = useApp();
  return (
    <ul className="return-lines">
      {lines.map((line) => {
        const quantity = quantities[line.saleLineId] ?? 0;
        const over = quantity > line.returnableQuantity;
        const none = line.returnableQuantity === 0;
        return (
          <li key={line.saleLineId} className={none ? 'return-line return-line-done' : 'return-line'} data-testid="return-line" data-line-id={line.saleLineId}>
            <div className="return-line-name">
              <strong>{line.name}</strong>
              <small className="muted">{line.sku}</small>
            </div>
            <span className={over ? 'return-left return-left-over' : 'return-left'} data-testid="return-left">
              {t('returns.returnable', { left: line.returnableQuantity, sold: line.soldQuantity })}
            </span>
            <div className="count-stepper">
              <button type="button" className="button count-step" disabled={quantity <= 0} onClick={() => onChange(line.saleLineId, quantity - 1)} aria-label={t('cart.decrease', { name: line.name })} data-testid="return-qty-less">
                −
              </button>
              <input
                className="count-field amount"
                inputMode="numeric"
                autoComplete="off"
                value={quantity === 0 ? '' : String(quantity)}
                placeholder="0"
                disabled={none}
                aria-invalid={over}
                aria-label={t('returns.quantity', { name: line.name })}
                onChange={(event) => onChange(line.saleLineId, Number(event.target.value.replace(/\D/g, '').slice(0, 5) || '0'))}
                data-testid="return-qty"
              />
              <button type="button" className="button count-step" disabled={quantity >= line.returnableQuantity} onClick={() => onChange(line.saleLineId, quantity + 1)} aria-label={t('cart.increase', { name: line.name })} data-testid="return-qty-more">
                +
              </button>
            </div>
            <span className="amount">{money(line.remainingMinor)}</span>
          </li>
        );
      })}
    </ul>
  );
}
