import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { Migration } from '../../../migrations';
import type { Clock, Logger } from '../deps';

/**
 * The file was written by a newer Tillpoint: its schema version is above every migration this
 * build knows. Opening it could corrupt data the newer build relies on, so we refuse and change
 * nothing (Signal-Desktop refuses the same way, ts/sql/migrations/index.ts).
 */
export class DatabaseFromTheFutureError extends Error {
  override readonly name = 'DatabaseFromTheFutureError';
  constructor(
    readonly file: string,
    readonly fileVersion: number,
    readonly knownVersion: number,
    readonly appVersion: string,
  ) {
    super(
      `The database ${file} has schema version ${fileVersion}, but Tillpoint ${appVersion} only knows ` +
        `schema versions up to ${knownVersion}. It was written by a newer Tillpoint: install that newer ` +
        `version (or newer) to open it. The file was left untouched.`,
    );
  }
}

/** The registered migrations are not 1, 2, 3 … in order: a programming error, caught at start-up. */
export class InvalidMigrationListError extends Error {
  override readonly name = 'InvalidMigrationListError';
}

export interface MigrateOptions {
  readonly sqlite: BetterSqlite3.Database;
  readonly db: Kysely<any>;
  readonly migrations: readonly Migration[];
  /** The database file, for messages. */
  readonly file: string;
  /** Backups go to `<backupDir>/terminal-v<from>-<timestamp>.db`. */
  readonly backupDir: string;
  readonly appVersion: string;
  readonly logger: Logger;
  readonly clock: Clock;
}

export interface MigrateResult {
  readonly from: number;
  readonly to: number;
  /** The backup taken before migrating, when there was one. */
  readonly backupFile?: string;
}

/** `PRAGMA user_version`: the number of the last migration applied (0 for a new file). */
export function readSchemaVersion(sqlite: BetterSqlite3.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

/** Throws unless the versions are exactly 1..n in order. Returns n. */
export function latestVersion(migrations: readonly Migration[]): number {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new InvalidMigrationListError(
        `Migration "${migration.name}" is at position ${index + 1} but has version ${migration.version}: ` +
          'versions must be 1, 2, 3 … with no gaps, in order.',
      );
    }
  });
  return migrations.length;
}

/**
 * Refuses a file newer than this build. Call it before anything that writes, pragmas included
 * (`journal_mode=WAL` rewrites the header), so the refused file stays byte for byte the same.
 */
export function assertNotFromTheFuture(options: Pick<MigrateOptions, 'sqlite' | 'migrations' | 'file' | 'appVersion'>): void {
  const fileVersion = readSchemaVersion(options.sqlite);
  const known = latestVersion(options.migrations);
  if (fileVersion > known) throw new DatabaseFromTheFutureError(options.file, fileVersion, known, options.appVersion);
}

/**
 * Brings the file up to the latest migration, each one in its own transaction that also sets
 * `user_version`, so a crash leaves the file at a whole version. An existing file is backed up
 * first: a migration that goes wrong on a store's only copy of its unsynced sales must be
 * recoverable. Modelled on bluesky-social/atproto packages/pds/src/db/migrator.ts.
 */
export async function migrate(options: MigrateOptions): Promise<MigrateResult> {
  const { sqlite, db, migrations, logger } = options;
  assertNotFromTheFuture(options);
  const from = readSchemaVersion(sqlite);
  const to = latestVersion(migrations);
  if (from === to) return { from, to };

  const backupFile = from >= 1 ? await backUp(options, from) : undefined;

  // Foreign keys are off while migrating so a migration can rebuild a table (create new, copy,
  // drop old, rename) without cascades or failures; each migration then checks the result with
  // foreign_key_check before it commits. The pragma is a no-op inside a transaction, hence here.
  // https://sqlite.org/lang_altertable.html#otheralter
  const foreignKeys = sqlite.pragma('foreign_keys', { simple: true }) as number;
  sqlite.pragma('foreign_keys = OFF');
  try {
    for (const migration of migrations.slice(from)) {
      await runOne(db, migration).catch((error: unknown) => {
        const version = readSchemaVersion(sqlite);
        const backup = backupFile === undefined ? '' : ` A backup from before the upgrade is at ${backupFile}.`;
        throw new Error(
          `Migration ${migration.version} (${migration.name}) failed; ${options.file} stays at schema version ${version}.${backup}`,
          { cause: error },
        );
      });
      logger.info('database migrated', { file: options.file, version: migration.version, name: migration.name });
    }
  } finally {
    sqlite.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
  return backupFile === undefined ? { from, to } : { from, to, backupFile };
}

function runOne(db: Kysely<any>, migration: Migration): Promise<void> {
  return db.transaction().execute(async (trx) => {
    await migration.up(trx);
    const violations = await sql<Record<string, unknown>>`PRAGMA foreign_key_check`.execute(trx);
    if (violations.rows.length > 0) {
      throw new Error(
        `Migration ${migration.version} (${migration.name}) leaves ${violations.rows.length} foreign key ` +
          `violation(s), first: ${JSON.stringify(violations.rows[0])}`,
      );
    }
    // PRAGMA arguments cannot be bound; the version is an integer we checked above.
    await sql.raw(`PRAGMA user_version = ${migration.version}`).execute(trx);
  });
}

/**
 * Backups kept in `backupDir`, the one just taken included. Each is a whole copy of the database
 * (600 MB with a million products): without a limit, every upgrade, and every start while a
 * migration keeps failing, would add one until the disk is full and the till cannot record a sale.
 */
export const BACKUPS_KEPT = 3;
const BACKUP_NAME = /^terminal-v\d+-(.+)\.db$/;

/** SQLite's online backup (https://sqlite.org/backup.html): a consistent copy of a live file. */
async function backUp(options: MigrateOptions, from: number): Promise<string> {
  fs.mkdirSync(options.backupDir, { recursive: true });
  // Colons are not allowed in Windows file names.
  const stamp = options.clock.now().toISOString().replaceAll(':', '-');
  const backupFile = path.join(options.backupDir, `terminal-v${from}-${stamp}.db`);
  if (fs.existsSync(backupFile)) throw new Error(`Backup file ${backupFile} already exists; not overwriting it.`);
  await options.sqlite.backup(backupFile);
  options.logger.info('database backed up before migrating', {
    file: options.file,
    backupFile,
    from,
    to: options.migrations.length,
    appVersion: options.appVersion,
  });
  pruneBackups(options);
  return backupFile;
}

/** Deletes all but the newest BACKUPS_KEPT backups (by the time in their names); other files are left alone. */
function pruneBackups(options: MigrateOptions): void {
  const backups = fs.readdirSync(options.backupDir)
    .map((name) => ({ name, stamp: BACKUP_NAME.exec(name)?.[1] }))
    .filter((entry): entry is { name: string; stamp: string } => entry.stamp !== undefined)
    .sort((a, b) => (a.stamp < b.stamp ? 1 : a.stamp > b.stamp ? -1 : 0));
  for (const { name } of backups.slice(BACKUPS_KEPT)) {
    const file = path.join(options.backupDir, name);
    try {
      fs.rmSync(file);
      options.logger.info('old database backup removed', { file, kept: BACKUPS_KEPT });
    } catch (error) {
      options.logger.warn('could not remove an old database backup', { file, error: error instanceof Error ? error.message : String(error) });
    }
  }
}
