import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isValidGtin } from '../../../src-shared/barcode/ean';
import { newId } from '../../../src-shared/id';
import type { LocalStore } from '../db/local-store';
import { openLocalStore } from '../db/open-local-store';
import { silentLogger } from '../deps';
import { generateCatalog, generatedBarcode, generatedSku, nextGeneratedNumber, type FtsMode } from './generate-catalog';
import { generatedProduct } from './generated-names';
import { seedDemoStore } from './seed-demo-store';

const clock = { now: () => new Date('2025-03-01T09:00:00.000Z') };
const ids = { next: newId };
let dataDir: string;
let store: LocalStore;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-gen-'));
  store = await openLocalStore({ dataDir, appVersion: '0.1.0', logger: silentLogger });
  await seedDemoStore(store, { clock, ids });
});

afterEach(async () => {
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const count = (sqlText: string, ...params: unknown[]): number => (store.sqlite.prepare(sqlText).get(...params) as { n: number }).n;
const search = (query: string): string[] => (store.sqlite.prepare(
  'SELECT p.sku FROM product_fts f JOIN product p ON p.rowid = f.rowid WHERE product_fts MATCH ? ORDER BY p.sku',
).all(query) as Array<{ sku: string }>).map((row) => row.sku);
const ftsIntegrityCheck = () => store.sqlite.prepare("INSERT INTO product_fts(product_fts, rank) VALUES ('integrity-check', 1)").run();
const hasInsertTrigger = () => count("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name = 'product_fts_insert'") === 1;

describe.each<FtsMode>(['bulk', 'triggers'])('generateCatalog (FTS %s)', (ftsMode) => {
  it('adds n products with valid barcodes, searchable by prefix', () => {
    const progress: number[] = [];
    const result = generateCatalog(store, { count: 2000, clock, ids, ftsMode, batchSize: 700, onProgress: (done) => progress.push(done) });
    expect(result).toMatchObject({ inserted: 2000, firstSku: 'GEN-0000001', lastSku: 'GEN-0002000', totalProducts: 2200, ftsMode });
    expect(progress).toEqual([700, 1400, 2000]);
    expect(count('SELECT count(*) AS n FROM product')).toBe(200 + 2000);
    expect(count("SELECT count(*) AS n FROM product WHERE category_id IS NULL OR price_minor <= 0")).toBe(0);

    const codes = store.sqlite.prepare('SELECT code FROM barcode').pluck().all() as string[];
    expect(codes).toHaveLength(2200);
    expect(codes.every((code) => isValidGtin(code))).toBe(true);

    // A generated name, found by the first letters of two of its words.
    const sample = generatedProduct(1234).name.split(' ');
    const [first = '', second = ''] = sample;
    expect(search(`"${first.slice(0, 3)}"* AND "${second.slice(0, 2)}"*`)).toContain(generatedSku(1234));
    expect(search('"GEN"* AND "0001234"')).toEqual([generatedSku(1234)]);

    ftsIntegrityCheck();
    expect(hasInsertTrigger()).toBe(true);
  });

  it('continues numbering on a second run, with no SKU or barcode collisions', () => {
    generateCatalog(store, { count: 1000, clock, ids, ftsMode });
    const second = generateCatalog(store, { count: 1000, clock, ids, ftsMode });
    expect(second).toMatchObject({ firstSku: 'GEN-0001001', lastSku: 'GEN-0002000', totalProducts: 2200 });
    expect(count("SELECT count(DISTINCT sku) AS n FROM product WHERE sku LIKE 'GEN-%'")).toBe(2000);
    expect(count('SELECT count(DISTINCT code) AS n FROM barcode')).toBe(2200);
    expect(nextGeneratedNumber(store)).toBe(2001);
    ftsIntegrityCheck();
  });
});

describe('generateCatalog, bulk FTS mode', () => {
  it('leaves the FTS trigger working for products added afterwards', async () => {
    generateCatalog(store, { count: 500, clock, ids, ftsMode: 'bulk' });
    const categoryId = (await store.db.selectFrom('category').select('id').executeTakeFirstOrThrow()).id;
    const taxRateId = (await store.db.selectFrom('tax_rate').select('id').executeTakeFirstOrThrow()).id;
    await store.db.insertInto('product').values({
      id: newId(), sku: 'HAND-1', name: 'Quokka Quinoa Crackers', category_id: categoryId, tax_rate_id: taxRateId,
      price_minor: 199, active: 1, updated_at: clock.now().toISOString(),
    }).execute();
    expect(search('"quok"*')).toEqual(['HAND-1']);
    ftsIntegrityCheck();
  });

  it('rolls back a failed batch whole, trigger included', () => {
    // A barcode that the second generated product will want: its batch must fail and leave no trace.
    const demoProductId = (store.sqlite.prepare("SELECT id FROM product WHERE sku = 'DEMO-0001'").get() as { id: string }).id;
    store.sqlite.prepare('INSERT INTO barcode (code, product_id) VALUES (?, ?)').run(generatedBarcode(2), demoProductId);
    expect(() => generateCatalog(store, { count: 10, clock, ids, ftsMode: 'bulk' })).toThrow(/UNIQUE/);
    expect(count('SELECT count(*) AS n FROM product')).toBe(200);
    expect(hasInsertTrigger()).toBe(true);
    ftsIntegrityCheck();
  });

  it('needs tax rates to assign', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-gen-empty-'));
    const bare = await openLocalStore({ dataDir: empty, appVersion: '0.1.0', logger: silentLogger });
    try {
      expect(() => generateCatalog(bare, { count: 1, clock, ids })).toThrow(/no tax rates/);
    } finally {
      await bare.close();
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('generated products', () => {
  it('are deterministic, varied and priced like shelf prices', () => {
    expect(generatedProduct(42)).toEqual(generatedProduct(42));
    const names = new Set(Array.from({ length: 1000 }, (_, i) => generatedProduct(i + 1).name));
    expect(names.size).toBeGreaterThan(950);
    const firstWords = new Set([...names].map((name) => name.split(' ')[0]));
    expect(firstWords.size).toBeGreaterThan(30);
    for (let n = 1; n <= 1000; n += 1) expect([5, 9]).toContain(generatedProduct(n).pricePence % 10);
  });
});
