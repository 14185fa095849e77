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
  /**
   * The same, for hot paths (scan, sale commit): `fn` runs synchronously on the raw handle, as ONE
   * `BEGIN IMMEDIATE … COMMIT` with no await inside, while this store holds Kysely's connection so
   * that no Kysely query or transaction can interleave. Same durability and `onCommit` rules.
   * `fn` must not return a promise (it would escape the transaction): that is refused.
   */
  withSyncTransaction<T>(fn: (db: BetterSqlite3.Database, tx: TxContext) => T, options?: TransactionOptions): Promise<T>;
  /**
   * The sale commit's two steps (core/sale/sale-service.ts, docs/architecture.md "Sale commit"):
   * holds Kysely's connection, runs `first` synchronously inside a READ transaction of this
   * database (it reads this database, one consistent state, and must not write it; it may commit to
   * another file: the sale journal) and resolves with its
   * result at once; then, still holding the connection so that no query or transaction can run in
   * between, runs `then` on the next turn of the event loop as one synchronous transaction with
   * `durability`, followed by its `onCommit` hooks. `then` must be idempotent recovery work (it is
   * retried later when it fails): its failure is logged, never thrown to the caller of `first`.
   */
  withFollowUp<T>(
    first: (db: BetterSqlite3.Database) => T,
    then: (db: BetterSqlite3.Database, tx: TxContext, result: T) => void,
    options?: TransactionOptions & {
      /** Runs right after `then` committed, before the connection is let go (no other call can run first). */
      committed?: (result: T) => void;
    },
  ): Promise<T>;
  /** Resolves once every `withFollowUp` started so far has finished, hooks included (tests, close). */
  idle(): Promise<void>;
  /**
   * Reads synchronously from one consistent snapshot (a deferred BEGIN … COMMIT), holding Kysely's
   * connection like `withSyncTransaction`: never sees another transaction's uncommitted rows.
   */
  read<T>(fn: (db: BetterSqlite3.Database) => T): Promise<T>;
  /** A prepared statement for `sql`, prepared once per store and reused (better-sqlite3 statement cache). */
  statement(sql: string): BetterSqlite3.Statement;
  /** Closes the database and releases the data-directory lock. */
  close(): Promise<void>;
}
