import type { StreamName } from '../../src-shared/sync/protocol';

/**
 * Each stream has one scope: the catalog is the same for every store (one global log, rows with
 * `store_id` null); people, store settings and facts are per store. Positions count per
 * (stream, scope), so a cursor is a single number. Store-specific catalog overrides, when they
 * come, get their own per-store stream rather than mixing two counters in one cursor.
 */
export const STREAM_SCOPE: Record<StreamName, 'global' | 'store'> = {
  catalog: 'global',
  people: 'store',
  store: 'store',
  facts: 'store',
};

export const GLOBAL_SCOPE = 'global';

export function scopeOf(stream: StreamName, storeId: string): string {
  return STREAM_SCOPE[stream] === 'global' ? GLOBAL_SCOPE : storeId;
}

/** NOTIFY channel; the payload is `<stream>:<scope>`. */
export const CHANGES_CHANNEL = 'sync_changes';
export const notifyKey = (stream: StreamName, scope: string) => `${stream}:${scope}`;
