import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct query texts kept prepared; Kysely's texts are parameterised, so a till uses a few hundred. */
export const KYSELY_STATEMENTS_KEPT = 500;

/**
 * The database as Kysely's `SqliteDialect` sees it, with its prepared statements reused.
 *
 * Why: Kysely's SQLite driver calls `prepare` for every query it runs
 * (kysely/dist/esm/dialect/sqlite/sqlite-driver.js, `executeQuery`), and SQLite compiles the text
 * afresh each time. Measured here on the terminal's database, that was half of a simple query
 * (0.022-0.036 ms a query, 0.012-0.018 ms with the statement reused), and with a receipt printer
 * configured a quarter of the background work after every sale (queueing its receipt, logging its
 * drawer kick). Reusing a statement is what better-sqlite3 is designed for
 * (https://github.com/WiseLibs/better-sqlite3/blob/master/docs/api.md#class-statement); SQLite
 * compiles a reused statement again by itself when the schema changed
 * (https://sqlite.org/c3ref/prepare.html, sqlite3_prepare_v2).
 *
 * A statement still being iterated (a Kysely `stream()` not yet finished) cannot run again: the
 * same text then gets a statement of its own, not kept. The least recently used text goes first
 * once `capacity` are kept, so texts built with a varying number of parameters cannot grow it.
 */
export function withStatementCache(sqlite: BetterSqlite3.Database, capacity = KYSELY_STATEMENTS_KEPT): SqliteDatabase {
  const kept = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text) {
      const hit = kept.get(text);
      if (hit?.busy) return sqlite.prepare(text);
      if (hit) {
        // Re-inserted: the map's order is the order of last use.
        kept.delete(text);
        kept.set(text, hit);
        return hit;
      }
      const statement = sqlite.prepare(text);
      kept.set(text, statement);
      if (kept.size > capacity) kept.delete(kept.keys().next().value!);
      return statement;
    },
  };
}
