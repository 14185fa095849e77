import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial';

/**
 * Migrations registered in code (bundle-safe, like the terminal's migrations/). Append only:
 * never edit a shipped one. Kysely's Postgres adapter takes an advisory lock while migrating, so
 * two server instances starting at once do not race.
 */
const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

export async function migrateToLatest<T>(db: Kysely<T>): Promise<void> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'sync_migrations', migrationLockTableName: 'sync_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`sync-server migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`);
  }
  const known = new Set(Object.keys(migrations));
  const applied = await migrator.getMigrations();
  const unknown = applied.filter((m) => m.executedAt && !known.has(m.name));
  if (unknown.length > 0) {
    throw new Error(`the database was migrated by a newer sync server (${unknown.map((m) => m.name).join(', ')}); refusing to run`);
  }
}
