import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { migrations as allMigrations, type Migration } from '../../../migrations';
import { systemClock, type Clock, type Logger } from '../deps';
import { acquireDataDirLock, type DataDirLock } from './instance-lock';
import { withStatementCache } from './kysely-statement-cache';
import type { Durability, LocalStore, TxContext } from './local-store';
import { assertNotFromTheFuture, migrate } from './migrator';
import { startWalCheckpointer } from './wal-checkpointer';
import type { Database } from './schema';

export const DATABASE_FILE_NAME = 'terminal.db';
export const BACKUP_DIR_NAME = 'backups';

/** The data directory or its database cannot be used; the message says what to do. */
export class LocalStoreOpenError extends Error {
  override readonly name = 'LocalStoreOpenError';
}

export interface OpenLocalStoreOptions {
  readonly dataDir: string;
  readonly appVersion: string;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** Defaults to every registered migration; tests pass their own lists. */
  readonly migrations?: readonly Migration[];
}

/**
 * Opens `<dataDir>/terminal.db` for this process only: takes the data-directory lock, refuses a
 * file from a newer app, sets the durability pragmas, backs up and migrates. Nothing else may
 * open the file for writing while the returned store is open.
 */
export async function openLocalStore(options: OpenLocalStoreOptions): Promise<LocalStore> {
  const { dataDir, appVersion, logger } = options;
  const clock = options.clock ?? systemClock;
  const migrations = options.migrations ?? allMigrations;
  const file = path.join(dataDir, DATABASE_FILE_NAME);

  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new LocalStoreOpenError(`Cannot create the data directory ${dataDir}: ${messageOf(error)}`, { cause: error });
  }
  // The lock comes first: two processes must never both migrate or write the same file.
  const lock = acquireDataDirLock(dataDir);
  let sqlite: BetterSqlite3.Database | undefined;
  try {
    sqlite = openFile(file);
    const opened = sqlite;
    describeFileErrors(file, () => {
      // Before any pragma that writes (journal_mode rewrites the header), so that a file from a
      // newer app is refused byte for byte untouched.
      assertNotFromTheFuture({ sqlite: opened, migrations, file, appVersion });
      applyPragmas(opened, file, logger);
    });
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    try {
      const result = await migrate({
        sqlite, db, migrations, file, appVersion, logger, clock, backupDir: path.join(dataDir, BACKUP_DIR_NAME),
      });
      logger.info('local store open', { file, schemaVersion: result.to, appVersion });
    } catch (error) {
      await db.destroy();
      throw error;
    }
    return createStore({ db, sqlite, file, lock, logger });
  } catch (error) {
    if (sqlite?.open) sqlite.close();
    lock.release();
    throw error;
  }
}

function openFile(file: string): BetterSqlite3.Database {
  try {
    // timeout = busy_timeout in ms: a checkpoint or backup reader briefly holding a lock makes a
    // writer wait instead of failing (https://sqlite.org/pragma.html#pragma_busy_timeout).
    return new BetterSqlite3(file, { timeout: 5000 });
  } catch (error) {
    throw new LocalStoreOpenError(`Cannot open the database ${file}: ${messageOf(error)}`, { cause: error });
  }
}

/**
 * WAL lets readers run beside the writer; synchronous=FULL fsyncs the WAL on every commit, so a
 * sale reported done survives a power cut (NORMAL would not: https://sqlite.org/pragma.html#pragma_synchronous);
 * foreign keys are off by default in SQLite and must be turned on per connection.
 */
function applyPragmas(sqlite: BetterSqlite3.Database, file: string, logger: Logger): void {
  const journalMode = sqlite.pragma('journal_mode = WAL', { simple: true });
  if (journalMode !== 'wal') {
    // WAL needs shared memory, which network file systems lack (https://sqlite.org/wal.html).
    // The rollback journal with synchronous=FULL is just as durable, only slower.
    logger.warn('database is not in WAL mode; is the data directory on a network drive?', { file, journalMode });
  }
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // A million products make a ~500 MB file. The default page cache (2 MB) keeps little of the
  // barcode and product indexes that every scan walks; 64 MB keeps their upper levels and the hot
  // leaves. Memory-mapped reads (https://sqlite.org/mmap.html) skip a read() copy per page; only
  // pages actually touched become resident, so start-up memory stays small.
  sqlite.pragma(`cache_size = -${CACHE_KIB}`);
  sqlite.pragma(`mmap_size = ${MMAP_BYTES}`);
}

const CACHE_KIB = 64 * 1024;
const MMAP_BYTES = 1024 * 1024 * 1024;

/** Turns SQLite's terse codes for a bad file into a message a store manager can act on. */
function describeFileErrors(file: string, run: () => void): void {
  try {
    run();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new LocalStoreOpenError(
        `${file} is not a Tillpoint database or is damaged (${messageOf(error)}). ` +
          'Restore it from a backup in the backups folder, or move it away to start empty.',
        { cause: error },
      );
    }
    if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
      throw new LocalStoreOpenError(`Cannot write to the database ${file} (${messageOf(error)}); check its permissions.`, { cause: error });
    }
    throw error;
  }
}

interface StoreParts {
  readonly db: Kysely<Database>;
  readonly sqlite: BetterSqlite3.Database;
  readonly file: string;
  readonly lock: DataDirLock;
  readonly logger: Logger;
}

function createStore({ db, sqlite, file, lock, logger }: StoreParts): LocalStore {
  // Kysely's SQLite driver has one connection behind a mutex: a withTransaction (or a query on
  // `db`) started inside another transaction would wait for itself forever. Detect it instead.
  const insideTransaction = new AsyncLocalStorage<true>();
  /** `withFollowUp` chains still running (their second transaction or hooks). */
  const followUps = new Set<Promise<void>>();
  let closed = false;
  const statements = new Map<string, BetterSqlite3.Statement>();
  const statement = (text: string): BetterSqlite3.Statement => {
    let prepared = statements.get(text);
    if (!prepared) {
      prepared = sqlite.prepare(text);
      statements.set(text, prepared);
    }
    return prepared;
  };
  const checkpointer = startWalCheckpointer(sqlite, file, logger);
  const walFlusher = createWalFlusher(file, logger);

  /** Runs the hooks of a committed transaction: their failure cannot undo the commit, so it is logged. */
  async function runHooks(hooks: Array<() => void | Promise<void>>): Promise<void> {
    for (const hook of hooks) {
      try {
        await hook();
      } catch (error) {
        logger.error('onCommit hook failed', { error: messageOf(error), stack: (error as Error | null)?.stack });
      }
    }
  }

  function newContext(): { tx: TxContext; hooks: Array<() => void | Promise<void>>; end(): void } {
    const hooks: Array<() => void | Promise<void>> = [];
    let open = true;
    return {
      hooks,
      tx: {
        onCommit(hook) {
          if (!open) throw new Error('onCommit was called after its transaction ended.');
          hooks.push(hook);
        },
      },
      end: () => {
        open = false;
      },
    };
  }

  function assertNotNested(): void {
    if (insideTransaction.getStore()) {
      throw new Error('withTransaction was called inside another transaction; pass its `trx` and `tx` down instead.');
    }
  }

  /** One synchronous BEGIN IMMEDIATE … COMMIT (the caller holds Kysely's connection). */
  function runSync<T>(fn: () => T, durability: Durability): T {
    // SQLite refuses to change the safety level inside a transaction, and the connection is
    // shared, so lower it only while this connection is ours and put it back before letting go.
    if (durability === 'process') statement('PRAGMA synchronous = NORMAL').run();
    try {
      statement('BEGIN IMMEDIATE').run();
      try {
        const result = fn();
        if (result instanceof Promise) throw new Error('withSyncTransaction: fn returned a promise; it must do all its work synchronously.');
        statement('COMMIT').run();
        return result;
      } catch (error) {
        if (sqlite.inTransaction) statement('ROLLBACK').run();
        throw error;
      }
    } finally {
      if (durability === 'process') statement('PRAGMA synchronous = FULL').run();
    }
  }

  return {
    db,
    sqlite,
    file,
    statement,
    async withTransaction(fn, options) {
      assertNotNested();
      const context = newContext();
      const durability = options?.durability ?? 'full';
      const result = await insideTransaction
        .run(true, () => db.connection().execute(async (connection) => {
          if (durability === 'full') return connection.transaction().execute((trx) => fn(trx, context.tx));
          await sql`PRAGMA synchronous = NORMAL`.execute(connection);
          try {
            return await connection.transaction().execute((trx) => fn(trx, context.tx));
          } finally {
            await sql`PRAGMA synchronous = FULL`.execute(connection);
          }
        }))
        .finally(context.end);
      // Committed: side effects (print, drawer, wake sync) may run now.
      await runHooks(context.hooks);
      checkpointer.committed();
      return result;
    },
    async withSyncTransaction(fn, options) {
      assertNotNested();
      const context = newContext();
      const durability = options?.durability ?? 'full';
      // Holding Kysely's one connection keeps every Kysely query and transaction out until the
      // synchronous transaction below has committed or rolled back.
      const result = await db.connection().execute(async () => {
        try {
          return runSync(() => fn(sqlite, context.tx), durability);
        } finally {
          context.end();
        }
      });
      await runHooks(context.hooks);
      checkpointer.committed();
      return result;
    },
    withFollowUp(first, then, options) {
      assertNotNested();
      const durability = options?.durability ?? 'full';
      return new Promise((resolve, reject) => {
        let hooks: Array<() => void | Promise<void>> = [];
        let committed = false;
        const followUp: Promise<void> = db.connection().execute(async () => {
          let result: ReturnType<typeof first>;
          try {
            // One read transaction around `first`: its checks all see one state of the database,
            // and its statements share one read lock instead of taking one each (~8 µs a
            // statement in autocommit on the bench machine, five or six of them in a sale).
            statement('BEGIN').run();
            try {
              result = first(sqlite);
              if (result instanceof Promise) throw new Error('withFollowUp: first returned a promise; it must do all its work synchronously.');
            } finally {
              if (sqlite.inTransaction) statement('COMMIT').run();
            }
          } catch (error) {
            reject(error);
            return;
          }
          resolve(result);
          // The caller has its answer (and the RPC reply is on its way) before the follow-up runs.
          await new Promise((next) => setImmediate(next));
          const context = newContext();
          try {
            runSync(() => then(sqlite, context.tx, result), durability);
            hooks = context.hooks;
            committed = true;
            options?.committed?.(result);
          } catch (error) {
            logger.error('follow-up transaction failed; it is retried later', { error: messageOf(error), stack: (error as Error | null)?.stack });
          } finally {
            context.end();
          }
        }).then(async () => {
          if (!committed) return;
          // The follow-up committed without an fsync: flush it now, off the main thread, so that
          // the next `full` commit (a receipt job, an audit entry) does not pay for these pages.
          if (durability === 'process') walFlusher.flush();
          await runHooks(hooks);
          checkpointer.committed();
        }, (error: unknown) => {
          reject(error);
          logger.error('withFollowUp could not hold the connection', { error: messageOf(error) });
        }).finally(() => followUps.delete(followUp));
        followUps.add(followUp);
      });
    },
    async idle() {
      while (followUps.size > 0) await Promise.all(followUps);
    },
    async read(fn) {
      assertNotNested();
      return db.connection().execute(async () => {
        statement('BEGIN').run();
        try {
          const result = fn(sqlite);
          if (result instanceof Promise) throw new Error('read: fn returned a promise; it must read synchronously.');
          return result;
        } finally {
          if (sqlite.inTransaction) statement('COMMIT').run();
        }
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      while (followUps.size > 0) await Promise.all(followUps);
      await walFlusher.close();
      await checkpointer.stop();
      try {
        await db.destroy(); // closes `sqlite` too
        if (sqlite.open) sqlite.close();
      } finally {
        lock.release();
      }
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * fsyncs the WAL file through a descriptor of its own, on libuv's thread pool (`fs.fsync`), so the
 * main thread never waits for it. Any descriptor of a file flushes all of its written pages, and an
 * extra flush never changes what SQLite considers committed: it only makes `process` commits
 * durable sooner and leaves less for the next `full` commit's fsync. Best effort: errors are logged.
 */
function createWalFlusher(file: string, logger: Logger): { flush(): void; close(): Promise<void> } {
  let fd: number | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const run = (): Promise<void> => new Promise<void>((resolve) => {
    try {
      fd ??= fs.openSync(`${file}-wal`, 'r+');
    } catch (error) {
      logger.warn('cannot open the WAL file to flush it', { error: messageOf(error) });
      resolve();
      return;
    }
    fs.fsync(fd, (error) => {
      if (error) logger.warn('WAL flush failed', { error: error.message });
      resolve();
    });
  });
  const loop = async (): Promise<void> => {
    do {
      again = false;
      await run();
    } while (again);
    running = undefined;
  };
  return {
    flush() {
      if (running) {
        again = true;
        return;
      }
      running = loop();
    },
    async close() {
      await running;
      if (fd !== undefined) fs.closeSync(fd);
      fd = undefined;
    },
  };
}
