import type { Transaction } from 'kysely';
import { ControlSettings, DEFAULT_CONTROL_SETTINGS } from '../../../src-shared/domain/settings';
import type { LocalStore } from '../db/local-store';
import type { Database } from '../db/schema';
import type { Clock, Logger } from '../deps';

type Key = keyof ControlSettings;

/**
 * The control settings in the `setting` table, one JSON value per key over the defaults in
 * src-shared/domain/settings.ts (other keys, such as `checkout`, belong to other features). Read on every guarded call, so they are cached in memory and the
 * cache is replaced after each committed change. A stored value that no longer parses (an older
 * or newer app wrote it) falls back to the default and is logged, never fatal.
 */
export function createSettingsStore(local: LocalStore, clock: Clock, logger: Logger) {
  let cache: ControlSettings | null = null;

  async function load(db: Pick<Transaction<Database>, 'selectFrom'>): Promise<ControlSettings> {
    const rows = await db.selectFrom('setting').select(['key', 'value_json']).execute();
    const merged: Record<string, unknown> = { ...DEFAULT_CONTROL_SETTINGS };
    for (const row of rows) {
      if (!Object.hasOwn(DEFAULT_CONTROL_SETTINGS, row.key)) continue;
      const parsed = ControlSettings.shape[row.key as Key].safeParse(safeJson(row.value_json));
      if (parsed.success) merged[row.key] = parsed.data;
      else logger.warn('store setting ignored: value does not parse', { key: row.key });
    }
    return ControlSettings.parse(merged);
  }

  return {
    async get(): Promise<ControlSettings> {
      cache ??= await load(local.db);
      return cache;
    },

    /** Writes the changed keys inside the caller's transaction; returns the settings before and after. */
    async update(trx: Transaction<Database>, patch: Partial<ControlSettings>, onCommit: (hook: () => void) => void) {
      const before = await load(trx);
      const after = ControlSettings.parse({ ...before, ...patch });
      const at = clock.now().toISOString();
      for (const key of Object.keys(patch) as Key[]) {
        const value_json = JSON.stringify(after[key]);
        await trx.insertInto('setting').values({ key, value_json, updated_at: at })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value_json, updated_at: at })).execute();
      }
      onCommit(() => { cache = after; });
      return { before, after };
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
