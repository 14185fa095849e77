import { sql } from 'kysely';
import type { PushRequest, PushResponse, PushResult } from '../../src-shared/sync/protocol';
import { appendChanges } from '../changes/append';
import type { ServerContext } from '../context';
import { classify } from './classify';
import { factChange, projectSales } from './project';
import type { AuthenticatedTerminal } from './terminal-auth';

/**
 * One database transaction per batch (ARCHITECTURE §5): store every event with
 * `INSERT … ON CONFLICT (event_id) DO NOTHING RETURNING event_id`, so a resend is a no-op, project
 * only the rows this statement inserted, log the store's new facts to its `facts` stream, raise
 * the terminal's high-water mark, commit, and only then answer: an acknowledgement means durable.
 */
export async function push(ctx: ServerContext, terminal: AuthenticatedTerminal, request: PushRequest): Promise<PushResponse> {
  const { results, lastSeq } = await ctx.db.transaction().execute(async (trx) => {
    const classified = await classify(trx, terminal, request.events);
    const rows = classified.map((c) => ({
      event_id: c.event.eventId,
      store_id: terminal.storeId,
      terminal_id: terminal.id,
      install_epoch: request.installEpoch,
      seq: c.event.seq,
      type: c.event.type,
      occurred_at: c.event.occurredAt,
      payload: JSON.stringify(c.event.payload ?? null),
      status: c.status,
      reason: c.status === 'quarantined' ? c.reason : c.note ?? null,
    }));
    // Inserting in event_id order means two concurrent resends of overlapping batches take the
    // unique-index locks in the same order and cannot deadlock.
    rows.sort((a, b) => (a.event_id < b.event_id ? -1 : a.event_id > b.event_id ? 1 : 0));
    const inserted = new Set((await trx.insertInto('events').values(rows)
      .onConflict((oc) => oc.column('event_id').doNothing())
      .returning('event_id').execute()).map((r) => r.event_id));

    const results: PushResult[] = [];
    const fresh: typeof classified = [];
    for (const c of classified) {
      // A batch may carry the same event twice: the first occurrence is the one inserted.
      if (!inserted.delete(c.event.eventId)) {
        results.push({ eventId: c.event.eventId, status: 'duplicate' });
        continue;
      }
      fresh.push(c);
      const reason = c.status === 'quarantined' ? c.reason : c.note;
      results.push({ eventId: c.event.eventId, status: c.status, ...(reason === undefined ? {} : { reason }) });
    }
    const accepted = fresh.flatMap((c) => (c.status === 'accepted' && c.fact.type === 'sale.completed' ? [{ eventId: c.event.eventId, occurredAt: c.event.occurredAt, fact: c.fact.payload }] : []));
    await projectSales(trx, terminal, accepted);
    await appendChanges(trx, 'facts', terminal.storeId, fresh.filter((c) => c.status === 'accepted')
      .map((c) => factChange(c.event)));

    const maxSeq = Math.max(...request.events.map((e) => e.seq));
    const epoch = await sql<{ last_seq: string }>`
      INSERT INTO terminal_epochs (terminal_id, install_epoch, last_seq) VALUES (${terminal.id}, ${request.installEpoch}, ${maxSeq})
      ON CONFLICT (terminal_id, install_epoch) DO UPDATE SET last_seq = GREATEST(terminal_epochs.last_seq, EXCLUDED.last_seq)
      RETURNING last_seq`.execute(trx);
    if (request.installEpoch > terminal.installEpoch) {
      await trx.updateTable('terminals').set({ install_epoch: sql<number>`GREATEST(install_epoch, ${request.installEpoch})` })
        .where('id', '=', terminal.id).execute();
    }
    return { results, lastSeq: Number(epoch.rows[0]?.last_seq ?? 0) };
  });
  for (const r of results) ctx.metrics.pushed(r.status);
  return { results, serverLastSeq: lastSeq };
}
