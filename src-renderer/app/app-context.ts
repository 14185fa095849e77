import { createContext, useContext } from 'react';
import type { OutputOf } from '../../src-shared/contract/index';
import type { Language, MessageKey, MessageParams, translatePlural } from '../../src-shared/i18n/index';
import type { Client } from '../transport/client';

export type AppInfo = OutputOf<'app.info'>;

/** Everything a screen needs from boot: the client, who we are, and how to say and show things. */
export interface AppContextValue {
  readonly client: Client;
  readonly info: AppInfo;
  readonly language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, params?: MessageParams): string;
  plural(base: Parameters<typeof translatePlural>[1], count: number, params?: MessageParams): string;
  /** Minor units → the store's currency text. */
  money(minor: number): string;
  time(date: Date): string;
  dateTime(date: Date): string;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (value === null) throw new Error('useApp must be used inside <AppContext>');
  return value;
}
