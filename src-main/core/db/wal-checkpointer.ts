import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import type { Logger } from '../deps';

/**
 * Keeps WAL checkpoints out of the hot commits.
 *
 * By default SQLite checkpoints inside the commit that takes the WAL past 1000 pages, and that
 * commit also fsyncs the database file: a scan or a sale now and then took 10-25 ms instead of
 * well under one (https://sqlite.org/wal.html#automatic_checkpoint). Not checkpointing is worse:
 * a growing WAL makes every fsync also flush the file's new size, and a sale commit costs 2-3 ms
 * instead of ~1.5 (measured on the 1M-product bench). What is fast is a small WAL that is
 * rewritten in place, which needs frequent checkpoints.
 *
 * So a worker thread with its own connection runs `PRAGMA wal_checkpoint(PASSIVE)` in the pauses
 * between commits: QUIET_MS after the last commit; under a steady stream of commits it stops
 * postponing MAX_DELAY_MS after the first commit not yet copied, and runs QUIET_MS later. It copies the WAL into the database
 * and fsyncs the database file off the main thread. A PASSIVE checkpoint never blocks the writer
 * and never waits; once it has copied the whole WAL, the next commit starts the WAL again from its
 * start. The pause matters since sales commit to the sale journal (core/sale/sale-journal.ts): a
 * checkpoint's fsync of this ~600 MB file running at the same moment as the journal's fsync made
 * the cashier's commit wait for the disk (sale.commit p50 +25-100 % on the 1M-product bench).
 * The main connection keeps an automatic checkpoint as a backstop (BACKSTOP_PAGES) for a WAL the
 * worker cannot keep up with. When no worker can be started, the main thread checkpoints after
 * IDLE_MS without commits instead.
 */
const QUIET_MS = 100;
const MAX_DELAY_MS = 1_000;
const BACKSTOP_PAGES = 10_000;
const IDLE_MS = 1_500;

export interface WalCheckpointer {
  /** A transaction committed: a checkpoint is due soon. Cheap (a timer or a message at most). */
  committed(): void;
  stop(): Promise<void>;
}

// Runs as a CommonJS eval worker: the module path of better-sqlite3 comes from the main thread.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const db = new Database(workerData.file, { timeout: 0 });
parentPort.on('message', (message) => {
  if (message === 'stop') { db.close(); parentPort.close(); return; }
  try { db.pragma('wal_checkpoint(PASSIVE)'); }
  catch (error) { parentPort.postMessage(String(error && error.message || error)); }
});
`;

/** Where better-sqlite3 is, seen from the entry script (bundles keep it external) or the working directory. */
function betterSqlite3Path(): string | undefined {
  for (const base of [process.argv[1], path.join(process.cwd(), 'noop.js')]) {
    if (!base) continue;
    try {
      return createRequire(path.resolve(base)).resolve('better-sqlite3');
    } catch {
      // try the next base
    }
  }
  return undefined;
}

export function startWalCheckpointer(sqlite: BetterSqlite3.Database, file: string, logger: Logger): WalCheckpointer {
  sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  let worker: Worker | undefined;
  let failed = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  /** When the oldest commit the worker has not been asked to copy happened (worker mode). */
  let firstPending = 0;

  function spawnWorker(): Worker | undefined {
    const modulePath = betterSqlite3Path();
    if (!modulePath) {
      failed = true;
      logger.warn('no checkpoint worker (better-sqlite3 not resolvable from the entry script); checkpoints run when idle');
      return undefined;
    }
    const started = new Worker(WORKER_SOURCE, { eval: true, workerData: { modulePath, file } });
    started.unref();
    started.on('message', (error: string) => logger.warn('WAL checkpoint failed; the next commit retries', { error }));
    started.on('error', (error) => {
      logger.warn('checkpoint worker stopped; checkpoints run when idle', { error: error.message });
      failed = true;
      worker = undefined;
    });
    return started;
  }

  const checkpointHere = () => {
    timer = undefined;
    if (stopped || !sqlite.open || sqlite.inTransaction) return;
    try {
      sqlite.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      logger.warn('WAL checkpoint failed; the next commit retries', { error: error instanceof Error ? error.message : String(error) });
    }
  };

  return {
    committed() {
      if (stopped) return;
      if (!failed && !worker) worker = spawnWorker();
      if (worker) {
        if (!timer) {
          firstPending = Date.now();
          timer = setTimeout(() => {
            timer = undefined;
            worker?.postMessage('checkpoint');
          }, QUIET_MS);
          timer.unref();
        } else if (Date.now() - firstPending < MAX_DELAY_MS) {
          // Wait for a pause; under a steady stream, stop postponing and let the timer fire.
          timer.refresh();
        }
        return;
      }
      if (timer) timer.refresh();
      else {
        timer = setTimeout(checkpointHere, IDLE_MS);
        timer.unref();
      }
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const running = worker;
      worker = undefined;
      if (!running) return;
      // Referenced while stopping: an unreferenced worker and timer would let the process end
      // here, in the middle of `close()`, with nothing left to keep the event loop alive.
      running.ref();
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.postMessage('stop');
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise<void>((resolve) => { timeout = setTimeout(resolve, 2_000); })]);
      clearTimeout(timeout);
      await running.terminate();
    },
  };
}
