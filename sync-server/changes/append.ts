import { sql } from 'kysely';
import type { Change, StreamName } from '../../src-shared/sync/protocol';
import type { Trx } from '../db/connect';
import { CHANGES_CHANNEL, GLOBAL_SCOPE, notifyKey, scopeOf } from './streams';

/** 9 parameters per row; PostgreSQL allows 65,535 per statement. */
const ROWS_PER_INSERT = 5_000;

/**
 * Appends changes to a stream inside the caller's transaction, with positions in COMMIT order.
 *
 * A serial or identity column is not commit-ordered: transaction A takes 5, B takes 6 and commits
 * first, a reader sees 6, stores cursor 6 and never sees 5 (LESSONS.md "Cursors that skip
 * changes"). Here the positions come from the (stream, scope) row of `change_counters`, updated
 * with an upsert that keeps the row locked until the writing transaction ends
 * (https://www.postgresql.org/docs/current/explicit-locking.html#LOCKING-ROWS). A second writer
 * of the same stream waits for that lock, so it can only allocate after the first one committed
 * (or rolled back, in which case it reuses the same numbers: no gap, no skip). Hence whenever a
 * reader sees position n, every position below n is already committed.
 *
 * The NOTIFY is queued in the same transaction, so PostgreSQL delivers it only on commit
 * (https://www.postgresql.org/docs/current/sql-notify.html).
 */
export async function appendChanges(trx: Trx, stream: StreamName, storeId: string | null, changes: readonly Change[]): Promise<void> {
  if (changes.length === 0) return;
  const scope = storeId === null ? GLOBAL_SCOPE : scopeOf(stream, storeId);
  const counter = await sql<{ last_position: string }>`
    INSERT INTO change_counters (stream, scope, last_position) VALUES (${stream}, ${scope}, ${changes.length})
    ON CONFLICT (stream, scope) DO UPDATE SET last_position = change_counters.last_position + ${changes.length}
    RETURNING last_position`.execute(trx);
  const last = Number(counter.rows[0]?.last_position);
  const first = last - changes.length + 1;
  const rowStoreId = scope === GLOBAL_SCOPE ? null : storeId;
  for (let offset = 0; offset < changes.length; offset += ROWS_PER_INSERT) {
    const rows = changes.slice(offset, offset + ROWS_PER_INSERT).map((change, i) => ({
      stream,
      scope,
      position: first + offset + i,
      store_id: rowStoreId,
      entity: change.entity,
      entity_id: change.id,
      op: change.op,
      data: change.data === undefined ? null : JSON.stringify(change.data),
    }));
    await trx.insertInto('changes').values(rows).execute();
  }
  await sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${notifyKey(stream, scope)})`.execute(trx);
}
