import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { ServerDatabase } from './schema';

export type Db = Kysely<ServerDatabase>;
export type Trx = Transaction<ServerDatabase>;

/** One pool per server process; `bigint` columns stay strings (pg's default) and are converted where read. */
export function connect(databaseUrl: string, max = 20): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: databaseUrl, max });
  // An idle client losing its connection (database restart) must not crash the process:
  // https://node-postgres.com/apis/pool#error
  pool.on('error', () => undefined);
  return { db: new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) }), pool };
}
