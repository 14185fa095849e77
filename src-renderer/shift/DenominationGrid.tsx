import { denominationsOf } from '../../src-shared/cash/denominations';
import { useApp } from '../app/app-context';
import { countedMinor, MAX_PIECES, piecesOf, type Counts } from './count';
import './shift.css';

/**
 * Counting cash by denomination (the store currency's notes and coins, largest first): per row a
 * count field with − and + (touch), ArrowUp/ArrowDown in the field (keyboard), and the row's
 * value; the total counted at the bottom. Test ids: `count-<valueMinor>`, `count-total`.
 */
export function DenominationGrid({ counts, onChange, testId = 'count' }: { counts: Counts; onChange(counts: Counts): void; testId?: string }) {
  const { info, t, money } = useApp();
  const denominations = denominationsOf(info.store.currency);
  if (!denominations) return <p role="alert">{t('count.noTable', { currency: info.store.currency })}</p>;
  const set = (valueMinor: number, pieces: number) => onChange({ ...counts, [valueMinor]: Math.max(0, Math.min(MAX_PIECES, pieces)) });

  return (
    <div className="count-grid" data-testid={testId}>
      <div className="count-row count-head" aria-hidden="true">
        <span>{t('count.denomination')}</span>
        <span>{t('count.pieces')}</span>
        <span>{t('count.subtotal')}</span>
      </div>
      {denominations.map(({ valueMinor, kind }) => {
        const pieces = counts[valueMinor] ?? 0;
        const label = `${money(valueMinor)} ${t(kind === 'note' ? 'count.note' : 'count.coin')}`;
        return (
          <div key={valueMinor} className={`count-row count-${kind}`}>
            <label htmlFor={`${testId}-${valueMinor}`} className="count-label">
              <span className="amount">{money(valueMinor)}</span>
            </label>
            <div className="count-stepper">
              <button type="button" className="button count-step" tabIndex={-1} aria-label={t('count.less', { value: label })} onClick={() => set(valueMinor, pieces - 1)}>
                −
              </button>
              <input
                id={`${testId}-${valueMinor}`}
                className="count-field amount"
                inputMode="numeric"
                autoComplete="off"
                value={pieces === 0 ? '' : String(pieces)}
                placeholder="0"
                aria-label={label}
                onChange={(event) => set(valueMinor, piecesOf(event.target.value))}
                onKeyDown={(event) => {
                  if (event.key === 'ArrowUp') set(valueMinor, pieces + 1);
                  else if (event.key === 'ArrowDown') set(valueMinor, pieces - 1);
                  else return;
                  event.preventDefault();
                }}
                data-testid={`${testId}-${valueMinor}`}
              />
              <button type="button" className="button count-step" tabIndex={-1} aria-label={t('count.more', { value: label })} onClick={() => set(valueMinor, pieces + 1)}>
                +
              </button>
            </div>
            <span className="amount count-value">{money(valueMinor * pieces)}</span>
          </div>
        );
      })}
      <div className="count-row count-total">
        <span>{t('count.total')}</span>
        <span />
        <strong className="amount" data-testid={`${testId}-total`}>
          {money(countedMinor(counts))}
        </strong>
      </div>
    </div>
  );
}
