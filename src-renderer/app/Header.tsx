import { useEffect, useState } from 'react';
import { LANGUAGES } from '../../src-shared/i18n/index';
import { RecentSales } from '../checkout/RecentSales';
import { useApp } from './app-context';

/** Store name, till code, the store's local time, recent sales and the EN/FR override. */
export function Header() {
  const { info, t, time, language, setLanguage } = useApp();
  const [now, setNow] = useState(() => new Date());
  const [recentOpen, setRecentOpen] = useState(false);

  useEffect(() => {
    // Minutes are shown; a 10 s tick keeps the clock at most 10 s late without re-rendering every second.
    const timer = window.setInterval(() => setNow(new Date()), 10_000);
    return () => window.clearInterval(timer);
  }, []);

  return (
    <header className="header">
      <div className="header-store">
        <span className="header-store-name" data-testid="store-name">
          {info.store.name}
        </span>
        <span className="header-terminal" data-testid="terminal-code">
          {t('header.terminal', { code: info.terminal.code })}
        </span>
      </div>
      <div className="header-actions">
        <button type="button" className="button button-quiet" onClick={() => setRecentOpen(true)} data-testid="recent-sales-button">
          {t('header.recentSales')}
        </button>
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
      </div>
      {recentOpen && <RecentSales onClose={() => setRecentOpen(false)} />}
    </header>
  );
}
