import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../src-main/core/deps';
import type { LocalStore } from '../src-main/core/db/local-store';
import { openLocalStore } from '../src-main/core/db/open-local-store';
import { migrations } from './index';

let dataDir: string;
let store: LocalStore | undefined;
afterEach(async () => {
  await store?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('migration 0005-checkout', () => {
  it('keeps carts an older version left: the newest stays current, others with lines are parked, empty ones go', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-m0005-'));
    const before = migrations.filter((m) => m.version < 5);
    store = await openLocalStore({ dataDir, appVersion: '0.1.0', logger: silentLogger, migrations: before });
    const db = store.sqlite;
    const cart = db.prepare('INSERT INTO cart (id, created_at, updated_at, last_line_id) VALUES (?, ?, ?, NULL)');
    cart.run('old-with-lines', '2026-01-01T10:00:00.000Z', '2026-01-01T10:05:00.000Z');
    cart.run('old-empty', '2026-01-01T11:00:00.000Z', '2026-01-01T11:00:00.000Z');
    cart.run('newest', '2026-01-01T12:00:00.000Z', '2026-01-01T12:00:00.000Z');
    db.prepare(`INSERT INTO cart_line (id, cart_id, product_id, sku, name, quantity, unit_price_minor, tax_rate_bp, added_at)
      VALUES ('l1', 'old-with-lines', 'p', 'S', 'Soap', 2, 150, 2000, '2026-01-01T10:01:00.000Z')`).run();
    await store.close();

    store = await openLocalStore({ dataDir, appVersion: '0.1.0', logger: silentLogger });
    const rows = store.sqlite.prepare('SELECT id, parked_at, park_note FROM cart ORDER BY id').all();
    expect(rows).toEqual([
      { id: 'newest', parked_at: null, park_note: null },
      { id: 'old-with-lines', parked_at: '2026-01-01T10:05:00.000Z', park_note: 'kept by the upgrade' },
    ]);
    expect(store.sqlite.prepare('SELECT quantity, discount_json, weight_grams FROM cart_line').get()).toEqual({ quantity: 2, discount_json: null, weight_grams: null });
    // One current cart at most.
    expect(() => store!.sqlite.prepare("INSERT INTO cart (id, created_at, updated_at) VALUES ('second', 'x', 'x')").run()).toThrow(/UNIQUE/);
    // New columns have their defaults for sales written before.
    expect(store.sqlite.prepare("SELECT name FROM pragma_table_info('payment') WHERE name = 'reference'").get()).toEqual({ name: 'reference' });
    expect(store.sqlite.prepare('SELECT strict FROM pragma_table_list WHERE name = ?').pluck().get('parked_cart_deletion')).toBe(1);
  });
});
