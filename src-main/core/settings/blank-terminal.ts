import type { LocalStore } from '../db/local-store';
import type { Clock, IdGenerator } from '../deps';

/** The placeholder name the UI recognises as "enroll me" (see docs/architecture.md, Sync). */
export const NOT_ENROLLED_STORE_NAME = 'Not enrolled';

/**
 * A terminal started on an empty data directory without `--demo` has no store yet. It gets a
 * placeholder identity (no catalog, no people) so that the app starts and a manager can enroll
 * it with a sync server; enrollment replaces these rows with the store's own
 * (src-main/core/sync/sync-service.ts). Does nothing when a store exists.
 */
export async function ensureTerminalIdentity(local: LocalStore, deps: { clock: Clock; ids: IdGenerator }): Promise<{ created: boolean }> {
  return local.withTransaction(async (trx) => {
    if (await trx.selectFrom('store').select('id').executeTakeFirst()) return { created: false };
    const storeId = deps.ids.next();
    const terminalId = deps.ids.next();
    await trx.insertInto('store').values({
      id: storeId, name: NOT_ENROLLED_STORE_NAME, locale: 'en-GB', currency: 'EUR', currency_digits: 2,
      time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', prices_include_tax: 1, address: '', receipt_footer: '',
    }).execute();
    await trx.insertInto('terminal').values({ id: terminalId, store_id: storeId, code: 'T00', name: 'New terminal', install_epoch: 1, last_receipt_seq: 0 }).execute();
    for (const [key, value] of [['store_id', storeId], ['terminal_id', terminalId]] as const) {
      await trx.insertInto('meta').values({ key, value }).execute();
    }
    return { created: true };
  });
}
