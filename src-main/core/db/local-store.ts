import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

/**
 * `full` (the default) fsyncs at commit: a sale is done only when it survives a power cut.
 * `process` commits to the WAL without an fsync: it survives a crash or kill of the app (the OS
 * has the write) and costs ~15 µs instead of ~0.3-3 ms here; used for cart edits, which the next
 * `full` commit (the sale) makes durable too. https://sqlite.org/pragma.html#pragma_synchronous
 */
export type Durability = 'full' | 'process';

export interface TransactionOptions {
  durability?: Durability;
}

/** Registers work to run after the surrounding transaction committed (print, wake sync …). */
export interface TxContext {
  onCommit(hook: () => void | Promise<void>): void;
}

/**
 * The terminal's SQLite file, opened, locked to this process and migrated.
 * See `open-local-store.ts` for the pragmas and the start-up checks.
 */
export interface LocalStore {
  readonly db: Kysely<Database>;
  /** The raw handle, for pragmas, backups and bulk loads that Kysely does not cover. */
  readonly sqlite: BetterSqlite3.Database;
  readonly file: string;
  /**
   * Runs `fn` in one SQLite transaction. Everything written through `trx` commits or rolls back
   * together; hooks registered with `tx.onCommit` run after a successful commit, never inside it,
   * and their failures are logged, never thrown to the caller (the commit already happened).
   */
  withTransaction<T>(fn: (trx: Transaction<Database>, tx: TxContext) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Closes the database and releases the data-directory lock. */
  close(): Promise<void>;
}
