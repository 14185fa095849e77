import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ProductSummary } from '../../../src-shared/domain/catalog';
import { minor } from '../../../src-shared/money';
import type { LocalStore } from '../db/local-store';
import type { Database } from '../db/schema';

/** A Kysely query target (the store or an open transaction); kept for the modules that use Kysely. */
export type Db = Kysely<Database> | Transaction<Database>;
type Sqlite = BetterSqlite3.Database;

/** How many FTS matches are ranked per search: bounded so a 3-letter prefix over 1M names stays fast. */
const CANDIDATES = 200;

export interface ScannedProduct {
  product: ProductSummary;
  packQuantity: number;
}

/** What a cart line needs of a product: the hot scan path reads only this (no category, no barcode list). */
export interface SellableProduct {
  id: string;
  sku: string;
  name: string;
  priceMinor: number;
  taxRateBp: number;
  active: boolean;
}

export interface QuickKeyCategory {
  id: string;
  name: string;
  products: ProductSummary[];
}

const SUMMARY_COLUMNS = `p.id, p.sku, p.name, p.price_minor, p.active, t.rate_bp AS tax_rate_bp, c.name AS category_name,
  (SELECT b.code FROM barcode b WHERE b.product_id = p.id ORDER BY b.pack_quantity, b.code LIMIT 1) AS barcode`;
const SUMMARY_FROM = 'FROM product p JOIN tax_rate t ON t.id = p.tax_rate_id LEFT JOIN category c ON c.id = p.category_id';

const SQL = {
  byId: `SELECT ${SUMMARY_COLUMNS} ${SUMMARY_FROM} WHERE p.id = ?`,
  byRowid: `SELECT ${SUMMARY_COLUMNS} ${SUMMARY_FROM} WHERE p.rowid = ?`,
  bySku: `SELECT ${SUMMARY_COLUMNS} ${SUMMARY_FROM} WHERE p.sku = ?`,
  sellableByBarcode: `SELECT b.pack_quantity, p.id, p.sku, p.name, p.price_minor, p.active, t.rate_bp AS tax_rate_bp
    FROM barcode b JOIN product p ON p.id = b.product_id JOIN tax_rate t ON t.id = p.tax_rate_id WHERE b.code = ?`,
  sellableById: `SELECT p.id, p.sku, p.name, p.price_minor, p.active, t.rate_bp AS tax_rate_bp
    FROM product p JOIN tax_rate t ON t.id = p.tax_rate_id WHERE p.id = ?`,
  barcodeProduct: 'SELECT product_id, pack_quantity FROM barcode WHERE code = ?',
  // Names only: candidates are ranked on their names before any row is read in full.
  ftsCandidates: `SELECT p.rowid AS rowid, p.name AS name FROM product p
    WHERE p.rowid IN (SELECT rowid FROM product_fts WHERE product_fts MATCH ? LIMIT ${CANDIDATES})`,
  categories: 'SELECT id, name FROM category ORDER BY sort, name',
  firstInCategory: `SELECT p.rowid AS rowid FROM product p WHERE p.category_id = ? AND p.active = 1 ORDER BY p.name LIMIT ?`,
  count: 'SELECT count(*) AS n FROM product',
} as const;

interface SummaryRow {
  id: string; sku: string; name: string; price_minor: number; active: number;
  tax_rate_bp: number; category_name: string | null; barcode: string | null;
}
interface SellableRow { id: string; sku: string; name: string; price_minor: number; active: number; tax_rate_bp: number; pack_quantity?: number }

const toSummary = (row: SummaryRow): ProductSummary => ({
  id: row.id, sku: row.sku, name: row.name, priceMinor: minor(row.price_minor), taxRateBp: row.tax_rate_bp,
  barcode: row.barcode, categoryName: row.category_name, active: row.active === 1,
});
const toSellable = (row: SellableRow): SellableProduct => ({
  id: row.id, sku: row.sku, name: row.name, priceMinor: row.price_minor, taxRateBp: row.tax_rate_bp, active: row.active === 1,
});

/** Lower is better: names starting with the query, then a word starting with it, then the rest. */
function nameRank(name: string, query: string): number {
  const lower = name.toLocaleLowerCase();
  if (lower.startsWith(query)) return 1;
  if (lower.includes(` ${query}`)) return 2;
  return 3;
}

/**
 * The catalog, read with prepared statements on the synchronous handle (the `*In` functions run
 * inside a caller's synchronous transaction; the others take the connection themselves).
 * Nothing loads the catalog: every read is an index lookup or a bounded FTS5 match.
 */
export function createCatalogService(local: LocalStore) {
  const st = (db: Sqlite, text: string) => (db === local.sqlite ? local.statement(text) : db.prepare(text));

  function summaryByIdIn(db: Sqlite, id: string): ProductSummary | undefined {
    const row = st(db, SQL.byId).get(id) as SummaryRow | undefined;
    return row && toSummary(row);
  }

  function sellableByBarcodeIn(db: Sqlite, code: string): { product: SellableProduct; packQuantity: number } | undefined {
    const row = st(db, SQL.sellableByBarcode).get(code) as SellableRow | undefined;
    return row && { product: toSellable(row), packQuantity: row.pack_quantity ?? 1 };
  }

  function sellableByIdIn(db: Sqlite, id: string): SellableProduct | undefined {
    const row = st(db, SQL.sellableById).get(id) as SellableRow | undefined;
    return row && toSellable(row);
  }

  function searchIn(db: Sqlite, query: string, limit: number, ftsQuery: string | null): ProductSummary[] {
    const seen = new Set<string>();
    const out: ProductSummary[] = [];
    const push = (product: ProductSummary | undefined) => {
      if (product && !seen.has(product.id) && out.length < limit) {
        seen.add(product.id);
        out.push(product);
      }
    };
    // Exact codes first: a SKU, then any barcode of a product (several per product, packs too).
    const bySku = st(db, SQL.bySku).get(query) as SummaryRow | undefined;
    push(bySku && toSummary(bySku));
    const coded = st(db, SQL.barcodeProduct).get(query) as { product_id: string } | undefined;
    if (coded) push(summaryByIdIn(db, coded.product_id));
    if (!ftsQuery || out.length >= limit) return out;
    // At most CANDIDATES matches, ranked on their names; only the winners are read in full.
    const q = query.toLocaleLowerCase();
    const candidates = (st(db, SQL.ftsCandidates).all(ftsQuery) as Array<{ rowid: number; name: string }>)
      .map((c) => ({ ...c, rank: nameRank(c.name, q) }))
      .sort((a, b) => a.rank - b.rank || a.name.length - b.name.length || a.name.localeCompare(b.name));
    for (const candidate of candidates) {
      if (out.length >= limit) break;
      const row = st(db, SQL.byRowid).get(candidate.rowid) as SummaryRow | undefined;
      push(row && toSummary(row));
    }
    return out;
  }

  function quickKeysIn(db: Sqlite, perCategory: number, pinned: Readonly<Record<string, readonly string[]>>): QuickKeyCategory[] {
    const categories = st(db, SQL.categories).all() as Array<{ id: string; name: string }>;
    return categories.map((category) => {
      const chosen = pinned[category.id];
      const products = chosen && chosen.length > 0
        ? chosen.map((id) => summaryByIdIn(db, id)).filter((p): p is ProductSummary => p !== undefined && p.active)
        : (st(db, SQL.firstInCategory).all(category.id, perCategory) as Array<{ rowid: number }>)
          .map(({ rowid }) => toSummary(st(db, SQL.byRowid).get(rowid) as SummaryRow));
      return { id: category.id, name: category.name, products: products.slice(0, perCategory) };
    }).filter((category) => category.products.length > 0);
  }

  return {
    /** How many products the local catalog holds (app.info). */
    count: (): Promise<number> => local.read((db) => (st(db, SQL.count).get() as { n: number }).n),
    /** A product by id; pass `trx` when inside a Kysely transaction (it holds the one connection). */
    async byId(id: string, trx?: Db): Promise<ProductSummary | undefined> {
      if (trx) return (await sql<SummaryRow>`SELECT ${sql.raw(SUMMARY_COLUMNS)} ${sql.raw(SUMMARY_FROM)} WHERE p.id = ${id}`.execute(trx)).rows.map(toSummary)[0];
      return local.read((db) => summaryByIdIn(db, id));
    },
    /** The product behind a barcode, with how many units the barcode stands for (a case of 6 …). */
    async byBarcode(code: string, trx?: Db): Promise<ScannedProduct | undefined> {
      if (trx) {
        const row = (await sql<{ product_id: string; pack_quantity: number }>`SELECT product_id, pack_quantity FROM barcode WHERE code = ${code}`.execute(trx)).rows[0];
        const product = row && (await this.byId(row.product_id, trx));
        return product && { product, packQuantity: row.pack_quantity };
      }
      return local.read((db) => {
        const row = st(db, SQL.barcodeProduct).get(code) as { product_id: string; pack_quantity: number } | undefined;
        const product = row && summaryByIdIn(db, row.product_id);
        return product && { product, packQuantity: row.pack_quantity };
      });
    },
    /**
     * Type-ahead search by name prefix, SKU or barcode: exact codes first, then up to CANDIDATES
     * FTS5 matches ranked by name (names starting with the query first, then shorter names).
     */
    search: (query: string, limit: number, ftsQuery: string | null): Promise<ProductSummary[]> =>
      local.read((db) => searchIn(db, query, limit, ftsQuery)),
    /** Categories with their quick-key products: the store's pinned ones, or the first N by name. */
    quickKeys: (perCategory: number, pinned: Readonly<Record<string, readonly string[]>>): Promise<QuickKeyCategory[]> =>
      local.read((db) => quickKeysIn(db, perCategory, pinned)),
    sellableByBarcodeIn,
    sellableByIdIn,
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
