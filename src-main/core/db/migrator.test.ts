import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Migration } from '../../../migrations';
import { runStatements } from '../../../migrations/migration';
import type { Clock, Logger } from '../deps';
import { BACKUPS_KEPT, DatabaseFromTheFutureError, InvalidMigrationListError } from './migrator';
import { openLocalStore } from './open-local-store';

const m1: Migration = {
  version: 1,
  name: 'notes',
  up: (db) => runStatements(db, [`CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT`]),
};
const m2: Migration = {
  version: 2,
  name: 'note-author',
  up: (db) => runStatements(db, [`ALTER TABLE note ADD COLUMN author TEXT NOT NULL DEFAULT 'nobody'`]),
};
const failingM2: Migration = {
  version: 2,
  name: 'half-done',
  up: async (db) => {
    await runStatements(db, [`CREATE TABLE half (id INTEGER PRIMARY KEY) STRICT`]);
    throw new Error('boom');
  },
};

const fixedClock: Clock = { now: () => new Date('2024-05-06T07:08:09.010Z') };

let dataDir: string;
let logged: Array<{ message: string; fields?: Record<string, unknown> }>;
let logger: Logger;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-migrate-'));
  logged = [];
  const record = (message: string, fields?: Record<string, unknown>) => void logged.push({ message, fields });
  logger = { info: record, warn: record, error: record };
});

afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const open = (migrations: readonly Migration[]) =>
  openLocalStore({ dataDir, appVersion: '1.2.3', logger, clock: fixedClock, migrations });

const userVersion = (sqlite: BetterSqlite3.Database) => sqlite.pragma('user_version', { simple: true });
const dbFile = () => path.join(dataDir, 'terminal.db');

describe('migrate', () => {
  it('applies every migration on a new file, sets user_version and takes no backup', async () => {
    const store = await open([m1, m2]);
    expect(userVersion(store.sqlite)).toBe(2);
    await sql`INSERT INTO note (id, body) VALUES (1, 'hello')`.execute(store.db);
    const row = await sql<{ author: string }>`SELECT author FROM note WHERE id = 1`.execute(store.db);
    expect(row.rows[0]?.author).toBe('nobody');
    await store.close();
    expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false);
  });

  it('backs up an older database before migrating it, and the backup holds the old version and data', async () => {
    const v1 = await open([m1]);
    expect(userVersion(v1.sqlite)).toBe(1);
    await sql`INSERT INTO note (id, body) VALUES (7, 'before the upgrade')`.execute(v1.db);
    await v1.close();

    const v2 = await open([m1, m2]);
    expect(userVersion(v2.sqlite)).toBe(2);
    await v2.close();

    const backupFile = path.join(dataDir, 'backups', 'terminal-v1-2024-05-06T07-08-09.010Z.db');
    expect(fs.readdirSync(path.join(dataDir, 'backups'))).toEqual([path.basename(backupFile)]);
    expect(logged).toContainEqual(expect.objectContaining({
      message: 'database backed up before migrating',
      fields: expect.objectContaining({ backupFile, from: 1, to: 2 }),
    }));
    const backup = new BetterSqlite3(backupFile);
    try {
      expect(userVersion(backup)).toBe(1);
      expect(backup.prepare('SELECT id, body FROM note').all()).toEqual([{ id: 7, body: 'before the upgrade' }]);
      const columns = backup.prepare(`SELECT name FROM pragma_table_info('note')`).all();
      expect(columns).not.toContainEqual({ name: 'author' });
    } finally {
      backup.close();
    }
  });

  it('keeps the newest backups only, and leaves other files in the folder alone', async () => {
    await (await open([m1])).close();
    const backups = path.join(dataDir, 'backups');
    fs.mkdirSync(backups);
    const older = ['terminal-v1-2023-01-01T00-00-00.000Z.db', 'terminal-v1-2024-01-01T00-00-00.000Z.db', 'terminal-v1-2024-03-01T00-00-00.000Z.db', 'terminal-v0-2022-06-01T00-00-00.000Z.db'];
    for (const name of older) fs.writeFileSync(path.join(backups, name), 'an older backup');
    fs.writeFileSync(path.join(backups, 'notes.txt'), 'the manager’s own file');

    await (await open([m1, m2])).close();

    // The new one (2024-05-06) and the two newest before it; the foreign file untouched.
    expect(BACKUPS_KEPT).toBe(3);
    expect(fs.readdirSync(backups).sort()).toEqual([
      'notes.txt',
      'terminal-v1-2024-01-01T00-00-00.000Z.db',
      'terminal-v1-2024-03-01T00-00-00.000Z.db',
      'terminal-v1-2024-05-06T07-08-09.010Z.db',
    ]);
    expect(logged.filter((entry) => entry.message === 'old database backup removed')).toHaveLength(2);
  });

  it('does nothing (and takes no backup) when the file is already current', async () => {
    await (await open([m1, m2])).close();
    const store = await open([m1, m2]);
    expect(userVersion(store.sqlite)).toBe(2);
    await store.close();
    expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false);
  });

  it('refuses a database from the future, leaves its bytes untouched and releases the lock', async () => {
    const raw = new BetterSqlite3(dbFile());
    raw.exec(`CREATE TABLE future (id INTEGER PRIMARY KEY, what TEXT)`);
    raw.exec(`INSERT INTO future VALUES (1, 'written by Tillpoint 9')`);
    raw.pragma('user_version = 99');
    raw.close();
    const before = fs.readFileSync(dbFile());

    const attempt = open([m1, m2]);
    await expect(attempt).rejects.toBeInstanceOf(DatabaseFromTheFutureError);
    const error = (await attempt.catch((e: unknown) => e)) as DatabaseFromTheFutureError;
    expect(error.message).toContain('schema version 99');
    expect(error.message).toContain('up to 2');
    expect(error.message).toMatch(/install .*newer/);
    expect([error.fileVersion, error.knownVersion]).toEqual([99, 2]);

    expect(fs.readFileSync(dbFile()).equals(before)).toBe(true);
    expect(fs.existsSync(`${dbFile()}-wal`)).toBe(false);
    // Refused, not wedged: the lock was given back, so the same refusal comes again.
    await expect(open([m1, m2])).rejects.toBeInstanceOf(DatabaseFromTheFutureError);
  });

  it('rolls a failing migration back whole, keeps the previous version and names the backup', async () => {
    await (await open([m1])).close();
    const attempt = await open([m1, failingM2]).catch((e: unknown) => e);
    expect(attempt).toBeInstanceOf(Error);
    expect((attempt as Error).message).toContain('Migration 2 (half-done) failed');
    expect((attempt as Error).message).toContain('stays at schema version 1');
    expect((attempt as Error).message).toContain(path.join(dataDir, 'backups'));
    expect(((attempt as Error).cause as Error).message).toBe('boom');

    const raw = new BetterSqlite3(dbFile());
    try {
      expect(userVersion(raw)).toBe(1);
      expect(raw.prepare(`SELECT name FROM sqlite_schema WHERE name = 'half'`).all()).toEqual([]);
    } finally {
      raw.close();
    }
  });

  it('refuses a migration that leaves broken foreign keys, although they are off while migrating', async () => {
    const parent: Migration = {
      version: 1,
      name: 'parent-child',
      up: (db) => runStatements(db, [
        `CREATE TABLE parent (id INTEGER PRIMARY KEY) STRICT`,
        `CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id)) STRICT`,
        `INSERT INTO child VALUES (1, 42)`,
      ]),
    };
    await expect(open([parent])).rejects.toThrow(/Migration 1 \(parent-child\) failed/);
    const raw = new BetterSqlite3(dbFile());
    try {
      expect(userVersion(raw)).toBe(0);
    } finally {
      raw.close();
    }
  });

  it('rejects a migration list with gaps or out of order', async () => {
    await expect(open([m2])).rejects.toBeInstanceOf(InvalidMigrationListError);
    await expect(open([m1, m1])).rejects.toBeInstanceOf(InvalidMigrationListError);
    await expect(open([m2, m1])).rejects.toThrow(/versions must be 1, 2, 3/);
  });
});
