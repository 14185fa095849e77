import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  createDateFormatters,
  createMoneyFormatter,
  languageForLocale,
  translate,
  translatePlural,
  type Language,
} from '../../src-shared/i18n/index';
import { OverrideProvider } from '../people/use-override';
import { SyncStatusProvider } from '../sync/use-sync-status';
import type { Client } from '../transport/client';
import { AppContext, type AppContextValue, type AppInfo } from './app-context';
import { SessionContext } from './session-context';
import { sessionAwareClient } from './session-aware-client';
import { Shell } from './Shell';
import { useSessionState } from './use-session-state';
import './shell.css';

type Boot = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; info: AppInfo };

/** Boots the till (`app.info`, the session), then shows the shell in the store's language and formats. */
export function App({ client: rawClient }: { client: Client }) {
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  const [language, setLanguage] = useState<Language | null>(null);
  const session = useSessionState(rawClient);
  const refreshSession = useRef<() => void>(() => undefined);
  refreshSession.current = () => void session.api?.refresh();
  const client = useMemo(() => sessionAwareClient(rawClient, () => refreshSession.current()), [rawClient]);

  const load = useCallback(() => {
    setBoot({ state: 'loading' });
    rawClient.call('app.info', {}).then(
      (info) => setBoot({ state: 'ready', info }),
      (error: unknown) => setBoot({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  }, [rawClient]);
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
      plural: (base, count, params) => translatePlural(lang, base, count, params),
      money: createMoneyFormatter(store),
      time: dates.time,
      dateTime: dates.dateTime,
    };
  }, [boot, client, language]);

  useEffect(() => {
    if (context) document.documentElement.lang = context.language;
  }, [context]);

  const failure = boot.state === 'failed' ? boot.message : session.api ? null : session.error;
  if (failure !== null) {
    return (
      <div className="boot-message" role="alert" data-testid="error-banner">
        <p>{translate('en', 'app.bootFailed', { message: failure })}</p>
        <button type="button" className="button" onClick={() => (boot.state === 'failed' ? load() : void session.retry())}>
          {translate('en', 'app.retry')}
        </button>
      </div>
    );
  }
  if (!context || !session.api) return <p className="boot-message">{translate('en', 'app.loading')}</p>;
  return (
    <AppContext value={context}>
      <SessionContext value={session.api}>
        <SyncStatusProvider>
          <OverrideProvider>
            <Shell />
          </OverrideProvider>
        </SyncStatusProvider>
      </SessionContext>
    </AppContext>
  );
}
