import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import { CHANGES_CHANNEL } from './streams';

export interface Notifier {
  /** Calls `fn` when a change of `key` (`<stream>:<scope>`) committed, on any server instance. */
  subscribe(key: string, fn: () => void): () => void;
  close(): Promise<void>;
}

/**
 * One dedicated connection per server process LISTENs for commits on the change log
 * (https://www.postgresql.org/docs/current/sql-listen.html) and fans them out to waiting long
 * polls. It reconnects after losing the connection; meanwhile the periodic check in wait.ts keeps
 * long polls correct, which is why NOTIFY is never relied on alone.
 */
export function startNotifier(databaseUrl: string, log: FastifyBaseLogger): Notifier {
  const listeners = new Map<string, Set<() => void>>();
  let client: pg.Client | undefined;
  let closed = false;
  let retryTimer: NodeJS.Timeout | undefined;

  const connect = async () => {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on('notification', (message) => {
      for (const fn of listeners.get(message.payload ?? '') ?? []) fn();
    });
    next.on('error', (error) => {
      log.warn({ err: error }, 'LISTEN connection lost; reconnecting');
      void next.end().catch(() => undefined);
      if (client === next) client = undefined;
      scheduleRetry();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGES_CHANNEL}`);
      if (closed) {
        await next.end();
        return;
      }
      client = next;
    } catch (error) {
      log.warn({ err: error }, 'LISTEN connection failed; retrying');
      void next.end().catch(() => undefined);
      scheduleRetry();
    }
  };
  const scheduleRetry = () => {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, 1_000);
  };
  void connect();

  return {
    subscribe(key, fn) {
      let set = listeners.get(key);
      if (!set) listeners.set(key, (set = new Set()));
      set.add(fn);
      return () => {
        set.delete(fn);
        if (set.size === 0) listeners.delete(key);
      };
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      await client?.end().catch(() => undefined);
      client = undefined;
    },
  };
}

/** For tests of the periodic check: a notifier that never hears anything. */
export const deafNotifier: Notifier = { subscribe: () => () => undefined, close: () => Promise.resolve() };
