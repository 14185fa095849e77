import type { StoreInfo, TerminalInfo } from '../../../src-shared/domain/store';
import type { LocalStore } from '../db/local-store';

export interface TerminalIdentity {
  store: StoreInfo;
  terminal: TerminalInfo;
}

/**
 * Reads the store and terminal rows. A terminal with no store yet (not seeded, not enrolled)
 * cannot sell: the message says how to get one.
 */
export async function loadTerminalIdentity(local: LocalStore): Promise<TerminalIdentity> {
  const storeRow = await local.db.selectFrom('store').selectAll().executeTakeFirst();
  const terminalRow = await local.db.selectFrom('terminal').selectAll().executeTakeFirst();
  if (!storeRow || !terminalRow) {
    throw new Error('This terminal has no store yet: start it with --demo, or enroll it with a sync server.');
  }
  return {
    store: {
      id: storeRow.id,
      name: storeRow.name,
      locale: storeRow.locale,
      currency: storeRow.currency,
      currencyDigits: storeRow.currency_digits,
      timeZone: storeRow.time_zone,
      pricesIncludeTax: storeRow.prices_include_tax === 1,
      address: storeRow.address,
    },
    terminal: { id: terminalRow.id, code: terminalRow.code, name: terminalRow.name, installEpoch: terminalRow.install_epoch },
  };
}
