import type { Migration } from './migration';
import { runStatements } from './migration';

/**
 * Print jobs keep their rendered document, and every sale adds one: a till that sold for a year has
 * hundreds of thousands. Three queries scanned them all: the start-up check for jobs left
 * `printing` by a crash, the failed-jobs list and the recent-jobs list (core/printing/print-job-store.ts).
 * On the 1M-product bench directory the start-up scan alone made the web host read 183 MB of the
 * file (`host.rss` 310 MB). These indexes make each of them read only the rows it returns.
 */
export const m0007PrintJobIndexes: Migration = {
  version: 7,
  name: 'print-job-indexes',
  up: (db) => runStatements(db, [
    `CREATE INDEX print_job_state ON print_job(state, created_at)`,
    `CREATE INDEX print_job_created ON print_job(created_at, id)`,
  ]),
};
