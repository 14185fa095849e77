import type { PullQuery, PullResponse, StreamName, WaitRequest } from '../../src-shared/sync/protocol';
import { decodeCursor, encodeCursor } from '../changes/cursor';
import { scopeOf } from '../changes/streams';
import type { Db } from '../db/connect';
import { factFromEvent } from './project';
import type { AuthenticatedTerminal } from './terminal-auth';

/**
 * One page of a stream after the cursor, in position (= commit) order, only the caller's store
 * (or the global catalog). No cursor = from the beginning: the paged, resumable snapshot a new
 * terminal pulls. The terminal stores the returned cursor with the applied page in one local
 * transaction; resending an old cursor just gives the same page again.
 */
export async function pull(db: Db, terminal: AuthenticatedTerminal, query: PullQuery): Promise<PullResponse> {
  const after = decodeCursor(query.cursor);
  const rows = await db.selectFrom('changes')
    .select(['position', 'entity', 'entity_id', 'op', 'data'])
    .where('stream', '=', query.stream)
    .where('scope', '=', scopeOf(query.stream, terminal.storeId))
    .where('position', '>', String(after))
    .orderBy('position')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const facts = await factData(db, page.filter((r) => r.entity === 'event' && r.op === 'upsert' && r.data === null).map((r) => r.entity_id));
  return {
    stream: query.stream,
    changes: page.map((r) => {
      const data = r.data ?? facts.get(r.entity_id) ?? null;
      return { entity: r.entity, id: r.entity_id, op: r.op, ...(data === null ? {} : { data: data as Record<string, unknown> }) };
    }),
    cursor: encodeCursor(last ? Number(last.position) : after),
    hasMore: rows.length > query.limit,
  };
}

/** The streams among `cursors` whose committed last position is past the cursor. */
export async function streamsWithNews(db: Db, terminal: AuthenticatedTerminal, cursors: WaitRequest['cursors']): Promise<StreamName[]> {
  const wanted = (Object.entries(cursors) as [StreamName, string | undefined][]).map(([stream, cursor]) => ({ stream, scope: scopeOf(stream, terminal.storeId), after: decodeCursor(cursor) }));
  if (wanted.length === 0) return [];
  const rows = await db.selectFrom('change_counters').select(['stream', 'scope', 'last_position'])
    .where((eb) => eb.or(wanted.map((w) => eb.and([eb('stream', '=', w.stream), eb('scope', '=', w.scope)]))))
    .execute();
  return wanted.filter((w) => rows.some((r) => r.stream === w.stream && r.scope === w.scope && Number(r.last_position) > w.after)).map((w) => w.stream);
}

/**
 * The `facts` stream logs a reference to the stored event instead of a second copy of its payload
 * (sync/push.ts): its data is read from `events` here, one query per page.
 */
async function factData(db: Db, eventIds: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  if (eventIds.length === 0) return new Map();
  const events = await db.selectFrom('events')
    .select(['event_id', 'type', 'terminal_id', 'install_epoch', 'seq', 'occurred_at', 'payload'])
    .where('event_id', 'in', eventIds)
    .execute();
  return new Map(events.map((e) => [e.event_id, factFromEvent(e)]));
}
