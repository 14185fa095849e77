import { DEFAULT_STORE_SETTINGS, StoreSettings } from '../../../src-shared/domain/store-settings';
import type { LocalStore } from '../db/local-store';
import type { Logger } from '../deps';

/** The `setting` row (migrations/0004) that holds the checkout settings as JSON. */
export const CHECKOUT_SETTINGS_KEY = 'checkout';

/**
 * Reads the store's checkout settings. Missing → the defaults; unreadable (hand-edited, or from a
 * newer centre) → the defaults and a warning, so a till always starts and sells.
 */
export function loadStoreSettings(local: LocalStore, logger: Logger): StoreSettings {
  const row = local.sqlite.prepare('SELECT value_json FROM setting WHERE key = ?').get(CHECKOUT_SETTINGS_KEY) as { value_json: string } | undefined;
  if (!row) return DEFAULT_STORE_SETTINGS;
  let parsed: ReturnType<typeof StoreSettings.safeParse>;
  try {
    parsed = StoreSettings.safeParse(JSON.parse(row.value_json));
  } catch (error) {
    logger.warn('checkout settings are not JSON; using the defaults', { error: String(error) });
    return DEFAULT_STORE_SETTINGS;
  }
  if (parsed.success) return parsed.data;
  logger.warn('checkout settings do not parse; using the defaults', { issues: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`) });
  return DEFAULT_STORE_SETTINGS;
}

/** Stores the checkout settings (admin screens, tests, demo seeding). Takes effect at the next start. */
export async function saveStoreSettings(local: LocalStore, settings: StoreSettings, now: string): Promise<void> {
  const value = JSON.stringify(StoreSettings.parse(settings));
  await local.withSyncTransaction((db) => {
    db.prepare(`INSERT INTO setting (key, value_json, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`).run(CHECKOUT_SETTINGS_KEY, value, now);
  });
}
