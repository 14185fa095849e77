import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isValidGtin } from '../../../src-shared/barcode/ean';
import { newId } from '../../../src-shared/id';
import type { LocalStore } from '../db/local-store';
import { openLocalStore } from '../db/open-local-store';
import { silentLogger } from '../deps';
import { verifyPin } from '../people/pin-hash';
import { DEMO_CATEGORIES } from './demo-catalog';
import { DEMO_BARCODES, demoBarcode, DEMO_STORE, seedDemoStore } from './seed-demo-store';

const clock = { now: () => new Date('2025-03-01T09:00:00.000Z') };
const ids = { next: newId };
let dataDir: string;
let store: LocalStore;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-demo-'));
  store = await openLocalStore({ dataDir, appVersion: '0.1.0', logger: silentLogger });
});

afterEach(async () => {
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const count = (sqlText: string): number => (store.sqlite.prepare(sqlText).get() as { n: number }).n;

describe('seedDemoStore', () => {
  it('creates the store, terminal, tax rates, people and a 200-product catalog', async () => {
    expect(await seedDemoStore(store, { clock, ids })).toEqual({ seeded: true });

    const shop = await store.db.selectFrom('store').selectAll().executeTakeFirstOrThrow();
    expect(shop).toMatchObject({ name: 'Tillpoint Demo Market', locale: 'en-GB', currency: 'GBP', currency_digits: 2, time_zone: 'Europe/London', prices_include_tax: 1 });
    expect(shop.address).not.toBe('');
    expect(shop.receipt_footer).not.toBe('');
    const till = await store.db.selectFrom('terminal').selectAll().executeTakeFirstOrThrow();
    expect(till).toMatchObject({ store_id: shop.id, code: 'T01', install_epoch: 1, last_receipt_seq: 0 });
    const meta = Object.fromEntries((await store.db.selectFrom('meta').selectAll().execute()).map((row) => [row.key, row.value]));
    expect(meta).toMatchObject({ store_id: shop.id, terminal_id: till.id });

    const rates = await store.db.selectFrom('tax_rate').select('rate_bp').orderBy('rate_bp').execute();
    expect(rates.map((r) => r.rate_bp)).toEqual([500, 2000]);
    expect(count('SELECT count(*) AS n FROM category')).toBe(10);
    expect(count('SELECT count(*) AS n FROM product')).toBe(200);
    expect(count('SELECT count(DISTINCT tax_rate_id) AS n FROM product')).toBe(2);
    expect(count('SELECT count(*) AS n FROM product WHERE category_id IS NULL OR price_minor <= 0')).toBe(0);
    expect(count("SELECT count(*) AS n FROM product WHERE updated_at = '2025-03-01T09:00:00.000Z'")).toBe(200);

    const skus = (await store.db.selectFrom('product').select('sku').orderBy('sku').execute()).map((r) => r.sku);
    expect(skus[0]).toBe('DEMO-0001');
    expect(skus.at(-1)).toBe('DEMO-0200');
    const codes = (await store.db.selectFrom('barcode').select(['code', 'pack_quantity']).execute());
    expect(codes).toHaveLength(200);
    expect(new Set(codes.map((c) => c.code)).size).toBe(200);
    for (const { code } of codes) expect(isValidGtin(code) && code.length === 13).toBe(true);
  });

  it('hashes the PINs of the manager and the cashier', async () => {
    await seedDemoStore(store, { clock, ids });
    const people = await store.db.selectFrom('person').selectAll().orderBy('name').execute();
    expect(people.map((p) => [p.name, p.role, p.active])).toEqual([['Casey Cashier', 'cashier', 1], ['Morgan Manager', 'manager', 1], ['Olive Owner', 'admin', 1]]);
    const [casey, morgan] = people;
    expect(casey?.pin_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPin('0000', casey?.pin_hash ?? '')).toBe(true);
    expect(await verifyPin('1234', casey?.pin_hash ?? '')).toBe(false);
    expect(await verifyPin('1234', morgan?.pin_hash ?? '')).toBe(true);
  });

  it('is idempotent: a database with a store is left alone', async () => {
    await seedDemoStore(store, { clock, ids });
    const before = count('SELECT count(*) AS n FROM product') + count('SELECT count(*) AS n FROM person') + count('SELECT count(*) AS n FROM store');
    expect(await seedDemoStore(store, { clock, ids })).toEqual({ seeded: false });
    const after = count('SELECT count(*) AS n FROM product') + count('SELECT count(*) AS n FROM person') + count('SELECT count(*) AS n FROM store');
    expect(after).toBe(before);
  });

  it('does not seed over another store, even one without products', async () => {
    await store.db.insertInto('store').values({
      id: 'real', name: 'Real Shop', locale: 'fr-FR', currency: 'EUR', currency_digits: 2, time_zone: 'Europe/Paris',
      prices_include_tax: 1, address: '', receipt_footer: '',
    }).execute();
    expect(await seedDemoStore(store, { clock, ids })).toEqual({ seeded: false });
    expect(count('SELECT count(*) AS n FROM product')).toBe(0);
  });

  it('documents barcodes that scan to the products they name', async () => {
    await seedDemoStore(store, { clock, ids });
    const nameOf = (code: string) => (store.sqlite.prepare('SELECT p.name FROM barcode b JOIN product p ON p.id = b.product_id WHERE b.code = ?')
      .get(code) as { name: string } | undefined)?.name;
    expect(nameOf(DEMO_BARCODES.bread)).toBe('White Sliced Bread 800g');
    expect(nameOf(DEMO_BARCODES.milk)).toBe('Semi-Skimmed Milk 2 Pints');
    expect(nameOf(DEMO_BARCODES.eggs)).toBe('Free Range Eggs 6 Pack');
    expect(nameOf(DEMO_BARCODES.banana)).toBe('Bananas Loose Each');
    expect(nameOf(DEMO_BARCODES.cola)).toBe('Cola 2L');
    expect(nameOf(DEMO_BARCODES.chocolate)).toBe('Milk Chocolate Bar 100g');
    expect(nameOf(DEMO_BARCODES.washingUpLiquid)).toBe('Washing-Up Liquid 450ml');
    // Stable across machines: the barcode follows from the catalog position alone.
    const all = DEMO_CATEGORIES.flatMap((c) => c.products);
    expect(all).toHaveLength(200);
    expect(demoBarcode(all.findIndex(([name]) => name === 'Cola 2L') + 1)).toBe(DEMO_BARCODES.cola);
    expect(DEMO_STORE.terminalCode).toBe('T01');
  });

  it('indexes the catalog for search', async () => {
    await seedDemoStore(store, { clock, ids });
    const hits = store.sqlite.prepare(`SELECT p.name FROM product_fts f JOIN product p ON p.rowid = f.rowid
      WHERE product_fts MATCH '"semi"* AND "milk"*' ORDER BY p.name`).all() as Array<{ name: string }>;
    expect(hits.map((h) => h.name)).toEqual(['Semi-Skimmed Milk 2 Pints', 'Semi-Skimmed Milk 4 Pints']);
  });
});
