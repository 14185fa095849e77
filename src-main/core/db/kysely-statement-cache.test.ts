import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Generated } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withStatementCache } from './kysely-statement-cache';

interface Schema {
  item: { id: Generated<number>; name: string };
}

let sqlite: Database.Database;
let prepare: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  sqlite = new Database(':memory:');
  sqlite.exec("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL); INSERT INTO item (name) VALUES ('a'), ('b'), ('c')");
  prepare = vi.spyOn(sqlite, 'prepare');
});
afterEach(() => {
  if (sqlite.open) sqlite.close();
});

const kysely = (capacity?: number) => new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite, capacity) }) });
const byName = (db: Kysely<Schema>, name: string) => db.selectFrom('item').select('id').where('name', '=', name).executeTakeFirst();

describe('withStatementCache', () => {
  it('prepares a query text once and reuses it with new parameters', async () => {
    const db = kysely();
    expect(await byName(db, 'a')).toEqual({ id: 1 });
    expect(await byName(db, 'c')).toEqual({ id: 3 });
    await db.insertInto('item').values({ name: 'd' }).execute();
    await db.insertInto('item').values({ name: 'e' }).execute();
    expect(await byName(db, 'e')).toEqual({ id: 5 });
    // One select and one insert text, whatever the parameters.
    expect(prepare).toHaveBeenCalledTimes(2);
  });

  it('gives the same text a statement of its own while the kept one is still being iterated', () => {
    const cache = withStatementCache(sqlite);
    const text = 'SELECT name FROM item ORDER BY id';
    const kept = cache.prepare(text) as Database.Statement;
    const rows = kept.iterate();
    expect(rows.next().value).toEqual({ name: 'a' });
    // Busy mid-iteration (a Kysely stream not yet finished): handing it out again would break it.
    const other = cache.prepare(text);
    expect(other).not.toBe(kept);
    rows.return?.();
    expect(cache.prepare(text)).toBe(kept);
  });

  it('keeps at most `capacity` texts, letting the least recently used go', async () => {
    const db = kysely(2);
    const count = (table: string) => sql`SELECT count(*) AS n FROM ${sql.raw(table)}`.execute(db);
    await count('item'); // prepared: [item]
    await count('sqlite_schema'); // prepared: [item, sqlite_schema]
    await count('item'); // reused, now the most recent
    await count('pragma_table_list'); // prepared: sqlite_schema goes
    expect(prepare).toHaveBeenCalledTimes(3);
    await count('item'); // still kept
    expect(prepare).toHaveBeenCalledTimes(3);
    await count('sqlite_schema'); // let go above: prepared again
    expect(prepare).toHaveBeenCalledTimes(4);
  });

  it('sees a changed schema through a kept statement (SQLite recompiles it)', async () => {
    const db = kysely();
    const star = () => sql<Record<string, unknown>>`SELECT * FROM item WHERE id = 1`.execute(db);
    expect(Object.keys((await star()).rows[0]!)).toEqual(['id', 'name']);
    sqlite.exec("ALTER TABLE item ADD COLUMN note TEXT NOT NULL DEFAULT ''");
    expect(Object.keys((await star()).rows[0]!)).toEqual(['id', 'name', 'note']);
  });

  it('closes the database when Kysely is destroyed', async () => {
    const db = kysely();
    await byName(db, 'a');
    await db.destroy();
    expect(sqlite.open).toBe(false);
  });
});
