import { makeEan13 } from '../../../src-shared/barcode/ean';
import type { LocalStore } from '../db/local-store';
import type { Clock, IdGenerator } from '../deps';
import { DEMO_TAX_RATES } from './seed-demo-store';
import { generatedProduct } from './generated-names';

/**
 * Bulk-loads a large synthetic catalog (`npm run gen:catalog`) to prove that nothing in the
 * terminal loads the whole catalog: a million products must open, search and scan as fast as 200.
 */
export const GENERATED_SKU_PREFIX = 'GEN-';
/** Generated barcodes: EAN-13 `4` + the product number on 11 digits + check digit. */
export const GENERATED_BARCODE_PREFIX = '4';
export const MAX_GENERATED_NUMBER = 99_999_999_999;

/**
 * How the FTS index is kept up to date during the load:
 * - `triggers`: the schema's `product_fts_insert` trigger fires for every row, as in normal use;
 * - `bulk`: per batch, the trigger is dropped, the batch's rows are indexed with one
 *   `INSERT … SELECT`, and the trigger is re-created from its own SQL in `sqlite_master`, all in
 *   the batch's transaction, so the schema is never left without it (a crash rolls it all back).
 */
export type FtsMode = 'triggers' | 'bulk';

export interface GenerateCatalogOptions {
  readonly count: number;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Rows per transaction. */
  readonly batchSize?: number;
  readonly ftsMode?: FtsMode;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface GenerateCatalogResult {
  readonly inserted: number;
  readonly firstSku: string;
  readonly lastSku: string;
  readonly totalProducts: number;
  readonly ftsMode: FtsMode;
  readonly milliseconds: number;
}

export const generatedSku = (n: number): string => `${GENERATED_SKU_PREFIX}${String(n).padStart(7, '0')}`;
export const generatedBarcode = (n: number): string => makeEan13(GENERATED_BARCODE_PREFIX + String(n).padStart(11, '0'));

const FTS_INSERT_TRIGGER = 'product_fts_insert';

/**
 * Appends `count` products numbered after the highest existing `GEN-` SKU, so running it again
 * adds more instead of colliding. Needs the store's tax rates (seed the demo store first);
 * products go into the demo categories when they exist, uncategorised otherwise.
 */
export function generateCatalog(store: LocalStore, options: GenerateCatalogOptions): GenerateCatalogResult {
  const { count, clock, ids, onProgress } = options;
  const batchSize = options.batchSize ?? 50_000;
  const ftsMode = options.ftsMode ?? 'bulk';
  const db = store.sqlite;
  const started = performance.now();

  const rateIds = taxRateIds(store);
  const categoryIds = new Map(
    (db.prepare('SELECT name, id FROM category').all() as Array<{ name: string; id: string }>).map((row) => [row.name, row.id]),
  );
  const first = nextGeneratedNumber(store);
  const last = first + count - 1;
  if (last > MAX_GENERATED_NUMBER) throw new RangeError(`Generated product numbers would exceed ${MAX_GENERATED_NUMBER}.`);

  const insertProduct = db.prepare(
    'INSERT INTO product (id, sku, name, category_id, tax_rate_id, price_minor, active, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?)',
  );
  const insertBarcode = db.prepare('INSERT INTO barcode (code, product_id, pack_quantity) VALUES (?, ?, 1)');
  const triggerSql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?");
  const maxRowid = db.prepare('SELECT coalesce(max(rowid), 0) AS n FROM product');
  const indexNewRows = db.prepare('INSERT INTO product_fts (rowid, name, sku) SELECT rowid, name, sku FROM product WHERE rowid > ?');

  const insertBatch = db.transaction((from: number, to: number) => {
    let recreateTrigger: string | undefined;
    let rowidBefore = 0;
    if (ftsMode === 'bulk') {
      // The trigger's text comes from the schema itself, so there is one definition (the migration).
      const row = triggerSql.get(FTS_INSERT_TRIGGER) as { sql: string } | undefined;
      if (!row) throw new Error(`The schema has no ${FTS_INSERT_TRIGGER} trigger; is the database migrated?`);
      recreateTrigger = row.sql;
      rowidBefore = (maxRowid.get() as { n: number }).n;
      db.exec(`DROP TRIGGER ${FTS_INSERT_TRIGGER}`);
    }
    const updatedAt = clock.now().toISOString();
    for (let n = from; n <= to; n += 1) {
      const product = generatedProduct(n);
      const id = ids.next();
      const rateId = rateIds[product.rate];
      insertProduct.run(id, generatedSku(n), product.name, categoryIds.get(product.category) ?? null, rateId, product.pricePence, updatedAt);
      insertBarcode.run(generatedBarcode(n), id);
    }
    if (recreateTrigger !== undefined) {
      indexNewRows.run(rowidBefore);
      db.exec(recreateTrigger);
    }
  });

  for (let from = first; from <= last; from += batchSize) {
    const to = Math.min(last, from + batchSize - 1);
    insertBatch(from, to);
    onProgress?.(to - first + 1, count);
  }

  const totalProducts = (db.prepare('SELECT count(*) AS n FROM product').get() as { n: number }).n;
  return {
    inserted: count, firstSku: generatedSku(first), lastSku: generatedSku(last), totalProducts, ftsMode,
    milliseconds: Math.round(performance.now() - started),
  };
}

/** One past the highest `GEN-` number in the product table (1 when there is none). */
export function nextGeneratedNumber(store: LocalStore): number {
  // GLOB uses the sku index for its literal prefix (https://sqlite.org/optoverview.html#the_like_optimization);
  // the numeric max stays right past GEN-9999999, where text order would not.
  const row = store.sqlite
    .prepare("SELECT max(CAST(substr(sku, 5) AS INTEGER)) AS n FROM product WHERE sku GLOB 'GEN-[0-9]*'")
    .get() as { n: number | null };
  return (row.n ?? 0) + 1;
}

function taxRateIds(store: LocalStore): Record<'standard' | 'reduced', string> {
  const rows = store.sqlite.prepare('SELECT id, rate_bp FROM tax_rate ORDER BY rate_bp DESC').all() as Array<{ id: string; rate_bp: number }>;
  const highest = rows[0];
  if (!highest) throw new Error('The store has no tax rates: seed the demo store (or sync one) before generating products.');
  const byRate = (bp: number) => rows.find((row) => row.rate_bp === bp)?.id;
  return {
    standard: byRate(DEMO_TAX_RATES.standard.rateBp) ?? highest.id,
    reduced: byRate(DEMO_TAX_RATES.reduced.rateBp) ?? (rows.at(-1) ?? highest).id,
  };
}
