import { sql, type Kysely } from 'kysely';

/**
 * One schema step of the terminal's SQLite file. Migrations are append-only: a shipped one is
 * never edited; a change is a new file registered in `./index.ts`.
 */
export interface Migration {
  /** 1, 2, 3 … with no gaps; stored in `PRAGMA user_version`. */
  readonly version: number;
  readonly name: string;
  up(db: Kysely<any>): Promise<void>;
}

/** Runs raw SQL statements one by one (better-sqlite3 prepares one statement at a time). */
export async function runStatements(db: Kysely<any>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
