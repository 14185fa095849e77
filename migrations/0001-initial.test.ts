import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Insertable } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../src-main/core/deps';
import type { LocalStore } from '../src-main/core/db/local-store';
import { openLocalStore } from '../src-main/core/db/open-local-store';
import type { Database } from '../src-main/core/db/schema';
import { m0001Initial } from './0001-initial';

let dataDir: string;
let store: LocalStore;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-m0001-'));
  store = await openLocalStore({ dataDir, appVersion: '0.1.0', logger: silentLogger, migrations: [m0001Initial] });
});

afterEach(async () => {
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const now = '2024-05-06T07:08:09.010Z';

async function seedCatalog(): Promise<void> {
  await store.db.insertInto('tax_rate').values({ id: 'vat', name: 'VAT', rate_bp: 2000 }).execute();
  await store.db.insertInto('product').values([
    { id: 'p1', sku: 'ESP-250', name: 'Espresso Beans 250g', category_id: null, tax_rate_id: 'vat', price_minor: 899, active: 1, updated_at: now },
    { id: 'p2', sku: 'TEA-GRN', name: 'Green Tea', category_id: null, tax_rate_id: 'vat', price_minor: 450, active: 1, updated_at: now },
  ]).execute();
}

/** Ids of the products whose FTS row matches, the way catalog search will query it. */
function search(query: string): string[] {
  return store.sqlite
    .prepare(`SELECT product.id FROM product_fts JOIN product ON product.rowid = product_fts.rowid
              WHERE product_fts MATCH ? ORDER BY product.id`)
    .pluck()
    .all(query) as string[];
}

function integrityCheck(): void {
  // For an external-content table this compares the index with the `product` rows
  // (https://sqlite.org/fts5.html#the_integrity_check_command) and throws on a mismatch.
  store.sqlite.prepare(`INSERT INTO product_fts(product_fts, rank) VALUES ('integrity-check', 1)`).run();
}

describe('migration 0001-initial', () => {
  it('creates the first schema: these tables and columns, all STRICT', () => {
    // What 0001 itself creates (later migrations add more; src-main/core/db/schema.test.ts holds
    // schema.ts to the fully migrated file).
    const declared: Record<string, Record<string, true>> = {
      meta: { key: true, value: true },
      store: { id: true, name: true, locale: true, currency: true, currency_digits: true, time_zone: true, prices_include_tax: true, address: true, receipt_footer: true },
      terminal: { id: true, store_id: true, code: true, name: true, install_epoch: true, last_receipt_seq: true },
      person: { id: true, name: true, role: true, pin_hash: true, active: true },
      tax_rate: { id: true, name: true, rate_bp: true },
      category: { id: true, name: true, sort: true },
      product: { id: true, sku: true, name: true, category_id: true, tax_rate_id: true, price_minor: true, active: true, updated_at: true },
      barcode: { code: true, product_id: true, pack_quantity: true },
      cart: { id: true, created_at: true, updated_at: true, last_line_id: true },
      cart_line: { id: true, cart_id: true, product_id: true, sku: true, name: true, quantity: true, unit_price_minor: true, tax_rate_bp: true, added_at: true },
      sale: {
        id: true, cart_id: true, receipt_no: true, terminal_id: true, install_epoch: true, receipt_seq: true, created_at: true, currency: true,
        subtotal_minor: true, tax_minor: true, total_minor: true, tendered_minor: true, change_minor: true, item_count: true, taxes_json: true,
      },
      sale_line: { id: true, sale_id: true, position: true, product_id: true, sku: true, name: true, quantity: true, unit_price_minor: true, tax_rate_bp: true, line_total_minor: true },
      payment: { id: true, sale_id: true, tender: true, amount_minor: true },
      stock_movement: { id: true, product_id: true, quantity_delta: true, reason: true, ref_id: true, created_at: true },
      outbox: { seq: true, event_id: true, type: true, payload: true, created_at: true, acked_at: true },
    };
    // Every ordinary table is STRICT (FTS shadow tables and sqlite_sequence are SQLite's own).
    const strictTables = store.sqlite
      .prepare(`SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 1 ORDER BY name`)
      .pluck()
      .all();
    expect(strictTables).toEqual(Object.keys(declared).sort());
    for (const [table, columns] of Object.entries(declared)) {
      const actual = store.sqlite.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY name`).pluck().all(table);
      expect(actual, table).toEqual(Object.keys(columns).sort());
    }
  });

  it('keeps product_fts in step with product on insert, update and delete', async () => {
    await seedCatalog();
    expect(search('esp*')).toEqual(['p1']);
    expect(search('"ESP-250"')).toEqual(['p1']);
    expect(search('tea*')).toEqual(['p2']);

    await store.db.updateTable('product').set({ name: 'Arabica Beans 250g' }).where('id', '=', 'p1').execute();
    expect(search('arab*')).toEqual(['p1']);
    expect(search('espresso*')).toEqual([]);
    // Only name and SKU feed the index; a price change must not disturb it.
    await store.db.updateTable('product').set({ price_minor: 999 }).where('id', '=', 'p1').execute();
    expect(search('arab*')).toEqual(['p1']);

    await store.db.deleteFrom('product').where('id', '=', 'p2').execute();
    expect(search('tea*')).toEqual([]);
    // The join above would hide a stale index entry; the index alone must not have it either.
    expect(store.sqlite.prepare(`SELECT count(*) FROM product_fts WHERE product_fts MATCH 'green'`).pluck().get()).toBe(0);
    integrityCheck();
  });

  it('folds diacritics and case in search', async () => {
    await seedCatalog();
    await store.db.updateTable('product').set({ name: 'Café Crème' }).where('id', '=', 'p2').execute();
    expect(search('cafe*')).toEqual(['p2']);
    expect(search('CREME')).toEqual(['p2']);
  });

  it('enforces foreign keys', async () => {
    await seedCatalog();
    await expect(store.db.insertInto('barcode').values({ code: '4006381333931', product_id: 'no-such-product', pack_quantity: 1 }).execute())
      .rejects.toThrow(/FOREIGN KEY constraint failed/);
    await store.db.insertInto('barcode').values({ code: '4006381333931', product_id: 'p1', pack_quantity: 1 }).execute();
    await expect(store.db.deleteFrom('product').where('id', '=', 'p1').execute()).rejects.toThrow(/FOREIGN KEY constraint failed/);
  });

  it('refuses a sale with negative change', async () => {
    // Only 0001's columns: later migrations add nullable ones this file does not have yet.
    const sale = (id: string, change_minor: number) => ({
      id, cart_id: `cart-${id}`, receipt_no: `R-${id}`, terminal_id: 't1', install_epoch: 1, receipt_seq: change_minor + 10,
      created_at: now, currency: 'EUR', subtotal_minor: 1000, tax_minor: 200, total_minor: 1200,
      tendered_minor: 1200 + change_minor, change_minor, item_count: 1, taxes_json: '[]',
    });
    await expect(store.db.insertInto('sale').values(sale('s1', -1) as Insertable<Database['sale']>).execute()).rejects.toThrow(/CHECK constraint failed: change_minor >= 0/);
    await store.db.insertInto('sale').values(sale('s2', 0) as Insertable<Database['sale']>).execute();
    expect(await store.db.selectFrom('sale').select('id').execute()).toEqual([{ id: 's2' }]);
  });
});
