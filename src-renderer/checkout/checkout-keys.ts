import type { Tender } from '../../src-shared/domain/sale';

/**
 * The checkout's keys, one table so buttons show the key that works. Function keys avoid what
 * browsers and Electron keep for themselves (F1 help, F5 reload, F11 full screen).
 */
export const CART_KEYS = {
  quantity: 'F2',
  lineDiscount: 'F3',
  price: 'F4',
  lineNote: 'F6',
  saleNote: '⇧F6',
  cartDiscount: 'F7',
  taxExempt: '⇧F7',
  park: 'F8',
  parked: '⇧F8',
  clear: 'F9',
  pay: 'F12',
  remove: 'Del',
} as const;

/** On the payment screen: the tender tabs, and the quick-cash buttons in order (Exact first). */
export const TENDER_KEYS: Readonly<Record<Tender, string>> = { cash: 'F2', card: 'F3', mobile: 'F4', storeCredit: 'F6' };
export const QUICK_CASH_KEYS: readonly string[] = ['F7', 'F8', 'F9', 'F10'];

/** `event.key` of a display label ("⇧F8" → F8 with Shift). */
export function keyOf(label: string): { key: string; shift: boolean } {
  return label.startsWith('⇧') ? { key: label.slice(1), shift: true } : { key: label === 'Del' ? 'Delete' : label, shift: false };
}
