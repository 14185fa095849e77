import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  createDateFormatters,
  createMoneyFormatter,
  languageForLocale,
  translate,
  translatePlural,
  type Language,
} from '../../src-shared/i18n/index';
import { CheckoutScreen } from '../checkout/CheckoutScreen';
import type { Client } from '../transport/client';
import { AppContext, type AppContextValue, type AppInfo } from './app-context';
import { Header } from './Header';

type Boot = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; info: AppInfo };

/** Boots the till (`app.info`), then shows the checkout in the store's language and formats. */
export function App({ client }: { client: Client }) {
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  const [language, setLanguage] = useState<Language | null>(null);

  const load = useCallback(() => {
    setBoot({ state: 'loading' });
    client.call('app.info', {}).then(
      (info) => setBoot({ state: 'ready', info }),
      (error: unknown) => setBoot({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  }, [client]);
  useEffect(load, [load]);

  const context = useMemo<AppContextValue | null>(() => {
    if (boot.state !== 'ready') return null;
    const { store } = boot.info;
    const lang = language ?? languageForLocale(store.locale);
    const dates = createDateFormatters(store);
    return {
      client,
      info: boot.info,
      language: lang,
      setLanguage,
      t: (key, params) => translate(lang, key, params),
      plural: (base, count) => translatePlural(lang, base, count),
      money: createMoneyFormatter(store),
      time: dates.time,
      dateTime: dates.dateTime,
    };
  }, [boot, client, language]);

  useEffect(() => {
    if (context) document.documentElement.lang = context.language;
  }, [context]);

  if (boot.state === 'loading') return <p className="boot-message">{translate('en', 'app.loading')}</p>;
  if (boot.state === 'failed') {
    return (
      <div className="boot-message" role="alert" data-testid="error-banner">
        <p>{translate('en', 'app.bootFailed', { message: boot.message })}</p>
        <button type="button" className="button" onClick={load}>
          {translate('en', 'app.retry')}
        </button>
      </div>
    );
  }
  if (!context) return null;
  return (
    <AppContext value={context}>
      <div className="app">
        <Header />
        <CheckoutScreen />
      </div>
    </AppContext>
  );
}
