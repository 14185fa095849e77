import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../src-main/core/deps';
import type { LocalStore } from '../src-main/core/db/local-store';
import { openLocalStore } from '../src-main/core/db/open-local-store';
import type { Database } from '../src-main/core/db/schema';
import { m0001Initial } from './0001-initial';
import { m0002SyncState } from './0002-sync-state';

let dataDir: string;
let store: LocalStore;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-m0002-'));
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('migration 0002-sync-state', () => {
  it('adds the sync tables that schema.ts declares, STRICT, with the single state row', async () => {
    store = await openLocalStore({ dataDir, appVersion: '0.1.0', logger: silentLogger, migrations: [m0001Initial, m0002SyncState] });
    const declared: { [T in 'sync_state' | 'sync_cursor' | 'sync_quarantine']: Record<keyof Database[T], true> } = {
      sync_state: {
        id: true, server_url: true, credential_ref: true, enrolled_at: true, epoch_base_seq: true, server_last_seq: true,
        last_sync_at: true, last_error: true, last_error_at: true, clock_offset_ms: true, revoked: true,
      },
      sync_cursor: { stream: true, cursor: true, pulled: true, complete: true, updated_at: true },
      sync_quarantine: { event_id: true, seq: true, type: true, reason: true, recorded_at: true },
    };
    for (const [table, columns] of Object.entries(declared)) {
      const actual = store.sqlite.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY name`).pluck().all(table);
      expect(actual, table).toEqual(Object.keys(columns).sort());
      expect(store.sqlite.prepare(`SELECT strict FROM pragma_table_list WHERE name = ?`).pluck().get(table), table).toBe(1);
    }
    expect(store.sqlite.prepare('SELECT id, epoch_base_seq, revoked, server_url FROM sync_state').all()).toEqual([{ id: 1, epoch_base_seq: 0, revoked: 0, server_url: null }]);
    expect(() => store.sqlite.prepare('INSERT INTO sync_state (id) VALUES (2)').run()).toThrow(/CHECK/);
  });

  it('keeps the outbox of an existing terminal and indexes what is pending', async () => {
    store = await openLocalStore({ dataDir, appVersion: '0.1.0', logger: silentLogger, migrations: [m0001Initial] });
    store.sqlite.prepare(`INSERT INTO outbox (event_id, type, payload, created_at) VALUES ('e1', 'sale.completed', '{}', '2024-01-01T00:00:00Z')`).run();
    await store.close();
    store = await openLocalStore({ dataDir, appVersion: '0.1.0', logger: silentLogger, migrations: [m0001Initial, m0002SyncState] });
    expect(store.sqlite.prepare('SELECT seq, event_id, acked_at FROM outbox').all()).toEqual([{ seq: 1, event_id: 'e1', acked_at: null }]);
    const plan = store.sqlite.prepare('EXPLAIN QUERY PLAN SELECT seq FROM outbox WHERE acked_at IS NULL ORDER BY seq LIMIT 500').all() as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/outbox_pending/);
  });
});
