import type { Migration } from './migration';
import { runStatements } from './migration';

/**
 * Sync state of the terminal (design: ../shared/ARCHITECTURE.md §5).
 * - `sync_state`: one row. The server URL and the NAME under which the device credential is kept
 *   in the secret store (Electron safeStorage or a 0600 file): the credential itself never lands
 *   in SQLite, so a copied database alone cannot talk to the server. `epoch_base_seq` maps outbox
 *   `seq` to the per-epoch sequence the protocol speaks (`seq - epoch_base_seq`).
 * - `sync_cursor`: the opaque pull cursor per stream, saved in the same transaction as the page
 *   it belongs to; `complete` once a page said `hasMore: false`.
 * - `sync_quarantine`: events the server stored but quarantined, so the till can show them.
 * - Partial indexes keep "what is pending" and "what may be pruned" cheap at any outbox size.
 */
export const m0002SyncState: Migration = {
  version: 2,
  name: 'sync-state',
  up: (db) => runStatements(db, [
    `CREATE TABLE sync_state (
       id INTEGER PRIMARY KEY CHECK (id = 1),
       server_url TEXT,
       credential_ref TEXT,
       enrolled_at TEXT,
       epoch_base_seq INTEGER NOT NULL DEFAULT 0 CHECK (epoch_base_seq >= 0),
       server_last_seq INTEGER,
       last_sync_at TEXT,
       last_error TEXT,
       last_error_at TEXT,
       clock_offset_ms INTEGER,
       revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
     ) STRICT`,
    `INSERT INTO sync_state (id) VALUES (1)`,
    `CREATE TABLE sync_cursor (
       stream TEXT PRIMARY KEY, cursor TEXT NOT NULL,
       pulled INTEGER NOT NULL DEFAULT 0, complete INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1)),
       updated_at TEXT NOT NULL
     ) STRICT`,
    `CREATE TABLE sync_quarantine (
       event_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, type TEXT NOT NULL,
       reason TEXT NOT NULL, recorded_at TEXT NOT NULL
     ) STRICT`,
    `CREATE INDEX outbox_pending ON outbox(seq) WHERE acked_at IS NULL`,
    `CREATE INDEX outbox_acked ON outbox(acked_at) WHERE acked_at IS NOT NULL`,
  ]),
};
