import type { LocalStore } from '../db/local-store';
import type { Clock, IdGenerator } from '../deps';
import type { DrawerReason } from '../hardware/cash-drawer';

export interface DrawerOpening {
  deviceId: string | null;
  reason: DrawerReason;
  saleId?: string;
  note?: string;
}

/**
 * Where drawer openings are recorded. Today the `drawer_event` table; the audit-chain work
 * (ARCHITECTURE.md §7) supplies an implementation that appends to the hash-chained audit log,
 * through `CoreDeps.drawerLog`, without touching the printing code.
 */
export interface DrawerLog {
  /** Records an opening that is about to be sent; returns its id. */
  opened(entry: DrawerOpening): Promise<string>;
  /** What became of it: the kick went out, or could not be sent. */
  settled(id: string, outcome: 'sent' | 'failed', error?: string): Promise<void>;
}

export function createDrawerEventLog(local: LocalStore, clock: Clock, ids: IdGenerator): DrawerLog {
  return {
    async opened(entry) {
      const id = ids.next();
      const at = clock.now().toISOString();
      // No fsync of its own (like the print queue): the next durable commit carries it.
      await local.withTransaction((trx) => trx.insertInto('drawer_event').values({
        id, device_id: entry.deviceId, reason: entry.reason, sale_id: entry.saleId ?? null, note: entry.note ?? null,
        outcome: 'queued', error: null, created_at: at, updated_at: at,
      }).execute(), { durability: 'process' });
      return id;
    },
    async settled(id, outcome, error) {
      await local.withTransaction((trx) => trx.updateTable('drawer_event').set({ outcome, error: error ?? null, updated_at: clock.now().toISOString() })
        .where('id', '=', id).execute(), { durability: 'process' });
    },
  };
}
