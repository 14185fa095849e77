import type { Kysely, Transaction } from 'kysely';
import type { StreamName } from '../../../src-shared/sync/protocol';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export type SyncStateRow = Database['sync_state'];

/** The single `sync_state` row (migrations/0002-sync-state.ts creates it). */
export const readSyncState = (db: Db): Promise<SyncStateRow> =>
  db.selectFrom('sync_state').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();

export async function updateSyncState(db: Db, values: Partial<Omit<SyncStateRow, 'id'>>): Promise<void> {
  await db.updateTable('sync_state').set(values).where('id', '=', 1).execute();
}

export interface StreamCursor {
  stream: StreamName;
  cursor: string;
  pulled: number;
  complete: boolean;
}

export async function readCursors(db: Db): Promise<Map<string, StreamCursor>> {
  const rows = await db.selectFrom('sync_cursor').selectAll().execute();
  return new Map(rows.map((row) => [row.stream, { stream: row.stream as StreamName, cursor: row.cursor, pulled: row.pulled, complete: row.complete === 1 }]));
}

/** The terminal's credential lives in the secret store under this name, never in SQLite. */
export const credentialSecretName = (terminalId: string): string => `sync-credential-${terminalId.toLowerCase().replace(/[^a-z0-9-]/g, '')}`;
