import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/** The file whose SQLite lock says "this data directory is in use". Never holds data. */
export const LOCK_FILE_NAME = 'instance.lock';
/** Who took the lock, for the error message only: the lock itself is `instance.lock`. */
const OWNER_FILE_NAME = 'instance.owner.json';

/**
 * Open lock connections. better-sqlite3 closes a connection when it is garbage-collected, which
 * would silently drop the lock if a caller let go of the handle; holding them here prevents that.
 */
const heldConnections = new Set<BetterSqlite3.Database>();

/** A second Tillpoint (window, process, test) tried to use a data directory that is in use. */
export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
  constructor(readonly dataDir: string, readonly ownerPid: number | undefined, options?: { cause?: unknown }) {
    const owner = ownerPid === undefined ? '' : `, last taken by process ${ownerPid}`;
    super(
      `Tillpoint is already running with data directory ${dataDir} ` +
        `(another window or process holds it${owner}). Close the other one, or start with a different data directory.`,
      options,
    );
  }
}

export interface DataDirLock {
  /** Gives the directory back. Safe to call twice. */
  release(): void;
}

/**
 * Takes the one-instance-per-data-directory lock, or throws `DataDirLockedError` at once.
 *
 * Why an SQLite file and not a pid file: the lock is SQLite's own file lock (POSIX advisory
 * locks on Unix, LockFileEx on Windows), held by an open `BEGIN EXCLUSIVE` in
 * `locking_mode=EXCLUSIVE` for as long as the process lives. The operating system drops such
 * locks when the process dies, even on SIGKILL or a power cut, so a stale lock can never block a
 * restart; a pid file would (and pids are reused). SQLite also tracks locks per inode inside one
 * process, so a second acquire from the same process is refused too, which plain POSIX `fcntl`
 * locks would not do. See https://sqlite.org/lockingv3.html and
 * https://sqlite.org/pragma.html#pragma_locking_mode.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const lockFile = path.join(dataDir, LOCK_FILE_NAME);
  // timeout 0 = busy_timeout 0: a held lock fails now instead of after the default 5 s.
  const connection = new BetterSqlite3(lockFile, { timeout: 0 });
  try {
    connection.pragma('locking_mode = EXCLUSIVE');
    connection.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    connection.close();
    if (isBusy(error)) throw new DataDirLockedError(dataDir, readOwnerPid(dataDir), { cause: error });
    throw error;
  }
  heldConnections.add(connection);
  writeOwner(dataDir);
  return {
    release() {
      if (!heldConnections.delete(connection)) return;
      // Closing the connection rolls the empty transaction back and drops the file lock.
      connection.close();
    },
  };
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

function writeOwner(dataDir: string): void {
  const owner = { pid: process.pid, since: new Date().toISOString() };
  try {
    fs.writeFileSync(path.join(dataDir, OWNER_FILE_NAME), `${JSON.stringify(owner)}\n`);
  } catch {
    // Only used to improve an error message; the lock is already held.
  }
}

function readOwnerPid(dataDir: string): number | undefined {
  try {
    const owner: unknown = JSON.parse(fs.readFileSync(path.join(dataDir, OWNER_FILE_NAME), 'utf8'));
    const pid = (owner as { pid?: unknown } | null)?.pid;
    return typeof pid === 'number' ? pid : undefined;
  } catch {
    return undefined;
  }
}
