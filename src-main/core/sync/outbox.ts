import { sql, type Kysely, type Transaction } from 'kysely';
import { MAX_PUSH_BYTES, MAX_PUSH_EVENTS, PROTOCOL_VERSION, type PushResult } from '../../../src-shared/sync/protocol';
import type { LocalStore } from '../db/local-store';
import type { Database } from '../db/schema';

/** Acknowledged events are kept this long (ARCHITECTURE.md §5), so a server restored from backup can ask for a replay. */
export const ACKED_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

export interface BatchLimits {
  maxEvents: number;
  maxBytes: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxEvents: MAX_PUSH_EVENTS, maxBytes: MAX_PUSH_BYTES };

export interface PushBatch {
  /** The serialized `PushRequest`, at most `maxBytes` bytes unless one event alone is larger. */
  body: string;
  bytes: number;
  events: Array<{ eventId: string; seq: number; wireSeq: number; type: string }>;
}

export interface BatchContext {
  terminalId: string;
  installEpoch: number;
  /** Outbox `seq` − this = the per-epoch sequence the server sees. */
  epochBaseSeq: number;
}

/**
 * The next push: the oldest unacknowledged events in `seq` order, as many as fit both limits.
 * The body is assembled from the stored payload text (already JSON), so a batch of 500 sales is
 * measured and sent without parsing each payload again. Null when nothing is pending.
 */
export async function readPushBatch(local: LocalStore, context: BatchContext, limits: BatchLimits = DEFAULT_BATCH_LIMITS): Promise<PushBatch | null> {
  const rows = await local.db.selectFrom('outbox').select(['seq', 'event_id', 'type', 'payload', 'created_at'])
    .where('acked_at', 'is', null).where('seq', '>', context.epochBaseSeq)
    .orderBy('seq').limit(Math.max(1, Math.min(limits.maxEvents, MAX_PUSH_EVENTS))).execute();
  if (rows.length === 0) return null;

  const head = `{"protocol":${PROTOCOL_VERSION},"terminalId":${JSON.stringify(context.terminalId)},"installEpoch":${context.installEpoch},"events":[`;
  const tail = ']}';
  let bytes = Buffer.byteLength(head) + Buffer.byteLength(tail);
  const parts: string[] = [];
  const events: PushBatch['events'] = [];
  for (const row of rows) {
    const wireSeq = row.seq - context.epochBaseSeq;
    const part = `{"eventId":${JSON.stringify(row.event_id)},"seq":${wireSeq},"type":${JSON.stringify(row.type)},"occurredAt":${JSON.stringify(row.created_at)},"payload":${row.payload}}`;
    const size = Buffer.byteLength(part) + (parts.length > 0 ? 1 : 0);
    // Always send at least one event: a lone oversized one gets the server's clear refusal
    // (recorded as the last error) instead of silently stalling here.
    if (parts.length > 0 && bytes + size > limits.maxBytes) break;
    parts.push(part);
    bytes += size;
    events.push({ eventId: row.event_id, seq: row.seq, wireSeq, type: row.type });
  }
  return { body: head + parts.join(',') + tail, bytes, events };
}

/**
 * Marks exactly the events the server answered for (accepted, duplicate or quarantined: all are
 * durably stored there) and records quarantined ones for the till to show. Events of the batch
 * that got no result stay pending and go again. Returns how many were acknowledged.
 * Process durability is enough: an ack lost in a power cut only causes a harmless resend.
 */
export async function acknowledge(local: LocalStore, batch: PushBatch, results: readonly PushResult[], now: string): Promise<number> {
  const inBatch = new Map(batch.events.map((event) => [event.eventId, event]));
  const acked = results.filter((result) => inBatch.has(result.eventId));
  if (acked.length === 0) return 0;
  await local.withTransaction(async (trx) => {
    for (let i = 0; i < acked.length; i += 500) {
      const ids = acked.slice(i, i + 500).map((result) => result.eventId);
      await trx.updateTable('outbox').set({ acked_at: now }).where('event_id', 'in', ids).where('acked_at', 'is', null).execute();
    }
    const quarantined = acked.filter((result) => result.status === 'quarantined');
    for (const result of quarantined) {
      const event = inBatch.get(result.eventId)!;
      await trx.insertInto('sync_quarantine')
        .values({ event_id: event.eventId, seq: event.seq, type: event.type, reason: result.reason ?? 'quarantined by the server', recorded_at: now })
        .onConflict((oc) => oc.column('event_id').doNothing()).execute();
    }
  }, { durability: 'process' });
  return acked.length;
}

/** `replay`: the server lost events after its high-water mark; send them all again. */
export async function unacknowledgeAfter(local: LocalStore, seq: number): Promise<number> {
  return local.withTransaction(async (trx) => {
    const result = await trx.updateTable('outbox').set({ acked_at: null }).where('seq', '>', seq).where('acked_at', 'is not', null).executeTakeFirst();
    return Number(result.numUpdatedRows);
  });
}

/** Deletes events acknowledged before `olderThan` (ISO time). */
export async function pruneAcknowledged(local: LocalStore, olderThan: string): Promise<number> {
  const result = await local.withTransaction(
    (trx) => trx.deleteFrom('outbox').where('acked_at', 'is not', null).where('acked_at', '<', olderThan).executeTakeFirst(),
    { durability: 'process' },
  );
  return Number(result.numDeletedRows);
}

export interface PendingStats {
  count: number;
  oldestCreatedAt: string | null;
  maxSeq: number;
}

export async function pendingStats(local: LocalStore): Promise<PendingStats> {
  const { count } = await local.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('count'))
    .where('acked_at', 'is', null).executeTakeFirstOrThrow();
  const oldest = await local.db.selectFrom('outbox').select('created_at').where('acked_at', 'is', null).orderBy('seq').limit(1).executeTakeFirst();
  return { count: Number(count), oldestCreatedAt: oldest?.created_at ?? null, maxSeq: await highestSeq(local.db) };
}

/**
 * The highest `seq` ever issued, from AUTOINCREMENT's own record (https://sqlite.org/autoinc.html):
 * unlike max(seq) it does not fall back when acknowledged rows are pruned.
 */
export async function highestSeq(db: Kysely<Database> | Transaction<Database>): Promise<number> {
  const row = await sql<{ seq: number }>`SELECT seq FROM sqlite_sequence WHERE name = 'outbox'`.execute(db);
  return Number(row.rows[0]?.seq ?? 0);
}
