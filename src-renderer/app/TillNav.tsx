import { useEffect, useRef } from 'react';
import { anyModalOpen } from '../components/modal-stack';
import { useApp } from './app-context';

export type TillView = 'sale' | 'returns' | 'cash';

/** Alt+digit by physical key (`event.code`, so AZERTY works): the checkout uses every free F-key (checkout/checkout-keys.ts). */
const VIEWS: readonly { view: TillView; code: 'Digit1' | 'Digit2' | 'Digit3'; label: 'nav.sale' | 'nav.returns' | 'nav.cash' }[] = [
  { view: 'sale', code: 'Digit1', label: 'nav.sale' },
  { view: 'returns', code: 'Digit2', label: 'nav.returns' },
  { view: 'cash', code: 'Digit3', label: 'nav.cash' },
];

/** The till's screens as tabs in the header: Sale (Alt+1), Returns (Alt+2), Cash (Alt+3). Keys stand back while a dialog is open. */
export function TillNav({ view, onChange }: { view: TillView; onChange(view: TillView): void }) {
  const { t } = useApp();
  const change = useRef(onChange);
  useEffect(() => {
    change.current = onChange;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !event.altKey || event.ctrlKey || event.metaKey || anyModalOpen()) return;
      const target = VIEWS.find((v) => v.code === event.code);
      if (!target) return;
      event.preventDefault();
      change.current(target.view);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <nav className="till-nav" aria-label={t('nav.label')}>
      {VIEWS.map((v) => (
        <button
          key={v.view}
          type="button"
          className="till-nav-tab"
          aria-current={v.view === view ? 'page' : undefined}
          onClick={() => onChange(v.view)}
          aria-keyshortcuts={`Alt+${v.code.slice(-1)}`}
          title={`Alt+${v.code.slice(-1)}`}
          data-testid={`nav-${v.view}`}
        >
          {t(v.label)}
        </button>
      ))}
    </nav>
  );
}
