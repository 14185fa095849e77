import type { StoreInfo } from '../domain/store';

export type DateLocale = Pick<StoreInfo, 'locale' | 'timeZone'>;

/**
 * Date and time in the store's locale and time zone (not the PC's): a till whose Windows clock is
 * set to another zone must still show the store's local time, as the receipts do.
 */
export function createDateFormatters(store: DateLocale): { time: (date: Date) => string; dateTime: (date: Date) => string } {
  const time = new Intl.DateTimeFormat(store.locale, { timeZone: store.timeZone, hour: '2-digit', minute: '2-digit' });
  const dateTime = new Intl.DateTimeFormat(store.locale, {
    timeZone: store.timeZone,
    day: '2-digit',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  return { time: (date) => time.format(date), dateTime: (date) => dateTime.format(date) };
}
