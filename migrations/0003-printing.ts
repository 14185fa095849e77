import type { Migration } from './migration';
import { runStatements } from './migration';

/**
 * Receipt printers and the cash drawer (issue 5): configured devices, the persisted print queue
 * and the log of drawer openings.
 *
 * - `device.config_json` holds the whole `DeviceConfig` (src-shared/contract/printing-contract.ts),
 *   parsed with its zod schema on every read, so a new setting needs no migration.
 * - `print_job` is the queue: a job is `done` only once the printer confirmed it. At most one
 *   original (non-copy) receipt per sale: a resent `sale.complete` can never queue it twice.
 * - `drawer_event` records every opening; the audit-chain work moves these into the audit log.
 */
export const m0003Printing: Migration = {
  version: 3,
  name: 'printing',
  up: (db) => runStatements(db, [
    `CREATE TABLE device (
       id TEXT PRIMARY KEY, kind TEXT NOT NULL, config_json TEXT NOT NULL,
       created_at TEXT NOT NULL, updated_at TEXT NOT NULL
     ) STRICT`,
    `CREATE TABLE print_job (
       id TEXT PRIMARY KEY, device_id TEXT NOT NULL REFERENCES device(id),
       kind TEXT NOT NULL CHECK (kind IN ('receipt', 'report', 'test')),
       sale_id TEXT REFERENCES sale(id), receipt_no TEXT,
       copy INTEGER NOT NULL DEFAULT 0 CHECK (copy IN (0, 1)),
       document TEXT, payload BLOB,
       state TEXT NOT NULL CHECK (state IN ('queued', 'printing', 'done', 'failed')),
       attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, next_attempt_at TEXT,
       created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
       CHECK (document IS NOT NULL OR payload IS NOT NULL)
     ) STRICT`,
    `CREATE UNIQUE INDEX print_job_original_receipt ON print_job(sale_id) WHERE kind = 'receipt' AND copy = 0`,
    `CREATE INDEX print_job_device_state ON print_job(device_id, state, created_at)`,
    `CREATE INDEX print_job_updated ON print_job(updated_at)`,
    `CREATE TABLE drawer_event (
       id TEXT PRIMARY KEY, device_id TEXT, reason TEXT NOT NULL CHECK (reason IN ('sale', 'noSale', 'test')),
       sale_id TEXT, note TEXT, outcome TEXT NOT NULL CHECK (outcome IN ('queued', 'sent', 'failed')),
       error TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
     ) STRICT`,
    `CREATE INDEX drawer_event_created ON drawer_event(created_at)`,
  ]),
};
