import type { Transaction } from 'kysely';
import type { FactType } from '../../../src-shared/sync/facts';
import type { Database } from '../db/schema';
import type { IdGenerator } from '../deps';
import type { TerminalIdentity } from '../settings/terminal-identity';

/**
 * Writes a fact to the outbox inside the caller's transaction (ARCHITECTURE.md §5: the fact and
 * the business change commit together). The payload carries store and terminal like
 * `sale.completed`; its schema is `factSchemas[type]` in src-shared/sync/facts.ts.
 */
export async function appendFact(
  trx: Transaction<Database>, ids: IdGenerator, identity: TerminalIdentity, type: FactType, at: string, payload: Record<string, unknown>,
): Promise<void> {
  await trx.insertInto('outbox').values({
    event_id: ids.next(), type, created_at: at,
    payload: JSON.stringify({ storeId: identity.store.id, terminalId: identity.terminal.id, ...payload }),
  }).execute();
}
