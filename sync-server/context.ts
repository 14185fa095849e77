import type { Notifier } from './changes/notifier';
import type { Db } from './db/connect';
import type { Metrics } from './http/metrics';

/** Everything a route needs; nothing in it is state another server instance would need. */
export interface ServerContext {
  db: Db;
  notifier: Notifier;
  metrics: Metrics;
  /** How often a waiting long poll re-checks the database, whatever NOTIFY does. */
  waitCheckMs: number;
  now: () => Date;
  /** Aborted when the server shuts down: long polls answer "no news" at once instead of holding it up. */
  shutdown: AbortSignal;
}
