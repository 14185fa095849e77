import { useEffect, useState, type ReactNode } from 'react';
import { LANGUAGES } from '../../src-shared/i18n/index';
import { RecentSales } from '../checkout/RecentSales';
import { PrinterStatus } from '../printing/PrinterStatus';
import { SyncIndicator } from '../sync/SyncIndicator';
import { useApp } from './app-context';
import { UserMenu } from './UserMenu';

/**
 * Store name, till code, sync and printer state, the store's local time and the EN/FR override.
 * `public` (sign-in and lock screens) shows nothing private: no recent sales, no names menu
 * (device states are not private: the printer and sync show everywhere).
 * `till` adds the screen tabs (`nav`), recent sales and the session menu; `admin` the admin bar.
 */
export function Header({ mode, nav }: { mode: 'public' | 'till' | 'admin'; nav?: ReactNode }) {
  const { info, t, time, language, setLanguage } = useApp();
  const [now, setNow] = useState(() => new Date());
  const [recentOpen, setRecentOpen] = useState(false);

  useEffect(() => {
    // Minutes are shown; a 10 s tick keeps the clock at most 10 s late without re-rendering every second.
    const timer = window.setInterval(() => setNow(new Date()), 10_000);
    return () => window.clearInterval(timer);
  }, []);

  return (
    <header className={`header header-${mode}`}>
      <div className="header-store">
        <span className="header-store-name" data-testid="store-name">
          {info.store.name}
        </span>
        <span className="header-terminal" data-testid="terminal-code">
          {t('header.terminal', { code: info.terminal.code })}
        </span>
      </div>
      {nav}
      <div className="header-actions">
        <SyncIndicator />
        <PrinterStatus />
        {mode === 'till' && (
          <button type="button" className="button button-quiet" onClick={() => setRecentOpen(true)} data-testid="recent-sales-button">
            {t('header.recentSales')}
          </button>
        )}
        <div className="language-toggle" role="group" aria-label={t('header.language')}>
          {LANGUAGES.map((lang) => (
            <button
              key={lang}
              type="button"
              className="language-option"
              aria-pressed={lang === language}
              onClick={() => setLanguage(lang)}
              data-testid={`language-${lang}`}
            >
              {lang.toUpperCase()}
            </button>
          ))}
        </div>
        <time className="header-clock" dateTime={now.toISOString()} data-testid="clock">
          {time(now)}
        </time>
        {mode !== 'public' && <UserMenu />}
      </div>
      {recentOpen && <RecentSales onClose={() => setRecentOpen(false)} />}
    </header>
  );
}
