import type { LocalStore } from '../db/local-store';
import { highestSeq } from './outbox';

/**
 * Hello said `newEpoch`: this database is an old copy (restored backup, cloned disk). In one
 * durable transaction the terminal moves to the new install epoch, so the next receipt number
 * carries it and can never repeat one the lost copy issued, and `epoch_base_seq` moves to just
 * before the first unacknowledged event: events this copy wrote but never pushed go up under the
 * new epoch, numbered from 1 (the server never saw them under those numbers). Returns the epoch.
 */
export async function startNewEpoch(local: LocalStore, terminalId: string, serverEpoch: number): Promise<number> {
  return local.withTransaction(async (trx) => {
    const terminal = await trx.selectFrom('terminal').select('install_epoch').where('id', '=', terminalId).executeTakeFirstOrThrow();
    const next = Math.max(serverEpoch, terminal.install_epoch + 1);
    const firstPending = await trx.selectFrom('outbox').select('seq').where('acked_at', 'is', null).orderBy('seq').limit(1).executeTakeFirst();
    const base = firstPending ? firstPending.seq - 1 : await highestSeq(trx);
    await trx.updateTable('terminal').set({ install_epoch: next }).where('id', '=', terminalId).execute();
    await trx.updateTable('sync_state').set({ epoch_base_seq: base, server_last_seq: 0 }).where('id', '=', 1).execute();
    return next;
  }, { durability: 'full' });
}
