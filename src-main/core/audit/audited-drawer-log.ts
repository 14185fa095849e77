import type { LocalStore } from '../db/local-store';
import type { Clock, IdGenerator } from '../deps';
import type { DrawerLog } from '../printing/drawer-log';
import type { AuditLog } from './audit-log';

/**
 * The printing service's `DrawerLog` (core/printing/drawer-log.ts) with every opening also in the
 * audit chain: the `drawer_event` row (its outcome is updated later) and a `drawer.opened` audit
 * entry commit in one transaction, with the person at the till as the actor.
 */
export function createAuditedDrawerLog(deps: { local: LocalStore; clock: Clock; ids: IdGenerator; audit: AuditLog; actorId: () => string | null }): DrawerLog {
  const { local, clock, ids, audit } = deps;
  return {
    opened(entry) {
      return local.withTransaction(async (trx) => {
        const id = ids.next();
        const at = clock.now().toISOString();
        await trx.insertInto('drawer_event').values({
          id, device_id: entry.deviceId, reason: entry.reason, sale_id: entry.saleId ?? null, note: entry.note ?? null,
          outcome: 'queued', error: null, created_at: at, updated_at: at,
        }).execute();
        await audit.append(trx, {
          action: 'drawer.opened', actorId: deps.actorId(),
          details: { drawerEventId: id, reason: entry.reason, saleId: entry.saleId ?? null, note: entry.note ?? null, deviceId: entry.deviceId },
        });
        return id;
      });
    },
    async settled(id, outcome, error) {
      await local.db.updateTable('drawer_event').set({ outcome, error: error ?? null, updated_at: clock.now().toISOString() }).where('id', '=', id).execute();
    },
  };
}
