import type { Migration } from './migration';
import { runStatements } from './migration';

/**
 * The sale journal (core/sale/sale-journal.ts): a sale is committed first as one row of
 * `sale-journal.db`, then written here. `sale_journal_state.applied_seq` is the newest journal
 * fact whose rows are in this file; it changes in the same transaction as those rows, so after a
 * power cut the facts after it are exactly the ones to write again (SaleService.recover).
 */
export const m0006SaleJournal: Migration = {
  version: 6,
  name: 'sale-journal',
  up: (db) => runStatements(db, [
    `CREATE TABLE sale_journal_state (
       id INTEGER PRIMARY KEY CHECK (id = 1), applied_seq INTEGER NOT NULL CHECK (applied_seq >= 0)
     ) STRICT`,
    `INSERT INTO sale_journal_state (id, applied_seq) VALUES (1, 0)`,
  ]),
};
