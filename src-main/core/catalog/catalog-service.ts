import { sql } from 'kysely';
import type { ProductSummary } from '../../../src-shared/domain/catalog';
import { minor } from '../../../src-shared/money';
import type { Kysely, Transaction } from 'kysely';
import type { LocalStore } from '../db/local-store';
import type { Database } from '../db/schema';

/** A query target: the store, or the transaction a caller is in (the one SQLite connection is
 * held by an open transaction, so a query inside it must go through it). */
export type Db = Kysely<Database> | Transaction<Database>;

/** How many FTS matches are ranked per search: bounded so a 3-letter prefix over 1M names stays fast. */
const CANDIDATES = 200;

export interface ScannedProduct {
  product: ProductSummary;
  packQuantity: number;
}

const productColumns = sql`p.id, p.sku, p.name, p.price_minor, p.active, t.rate_bp AS tax_rate_bp, c.name AS category_name,
  (SELECT b.code FROM barcode b WHERE b.product_id = p.id ORDER BY b.pack_quantity, b.code LIMIT 1) AS barcode`;

interface ProductRow {
  id: string; sku: string; name: string; price_minor: number; active: number;
  tax_rate_bp: number; category_name: string | null; barcode: string | null;
}

const toSummary = (row: ProductRow): ProductSummary => ({
  id: row.id,
  sku: row.sku,
  name: row.name,
  priceMinor: minor(row.price_minor),
  taxRateBp: row.tax_rate_bp,
  barcode: row.barcode,
  categoryName: row.category_name,
  active: row.active === 1,
});

/** Lower is better: exact code, then names starting with the query, then shorter names. */
function rankOf(product: ProductSummary, query: string): number {
  const q = query.toLocaleLowerCase();
  const name = product.name.toLocaleLowerCase();
  if (product.sku.toLocaleLowerCase() === q || product.barcode === query) return 0;
  if (name.startsWith(q)) return 1;
  if (name.includes(` ${q}`)) return 2;
  return 3;
}

export function createCatalogService(local: LocalStore) {
  const byIds = async (where: ReturnType<typeof sql>, db: Db = local.db) =>
    (await sql<ProductRow>`SELECT ${productColumns} FROM product p JOIN tax_rate t ON t.id = p.tax_rate_id
      LEFT JOIN category c ON c.id = p.category_id WHERE ${where}`.execute(db)).rows.map(toSummary);

  return {
    async count(): Promise<number> {
      const row = await local.db.selectFrom('product').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async byId(id: string, db: Db = local.db): Promise<ProductSummary | undefined> {
      return (await byIds(sql`p.id = ${id}`, db))[0];
    },

    /** The product behind a barcode, with how many units the barcode stands for (a case of 6 …). */
    async byBarcode(code: string, db: Db = local.db): Promise<ScannedProduct | undefined> {
      const row = await db.selectFrom('barcode').select(['product_id', 'pack_quantity']).where('code', '=', code).executeTakeFirst();
      if (!row) return undefined;
      const product = (await byIds(sql`p.id = ${row.product_id}`, db))[0];
      return product && { product, packQuantity: row.pack_quantity };
    },

    /**
     * Type-ahead search by name prefix, SKU or barcode. Exact codes come first; then up to
     * CANDIDATES FTS5 matches ranked in memory (names starting with the query first). Never
     * scans the product table.
     */
    async search(query: string, limit: number, ftsQuery: string | null): Promise<ProductSummary[]> {
      const exact = await byIds(sql`p.sku = ${query} OR p.id IN (SELECT product_id FROM barcode WHERE code = ${query})`);
      const matches = ftsQuery
        ? await byIds(sql`p.rowid IN (SELECT rowid FROM product_fts WHERE product_fts MATCH ${ftsQuery} LIMIT ${CANDIDATES})`)
        : [];
      const seen = new Set<string>();
      return [...exact, ...matches]
        .filter((product) => (seen.has(product.id) ? false : (seen.add(product.id), true)))
        .map((product) => ({ product, rank: rankOf(product, query) }))
        .sort((a, b) => a.rank - b.rank || a.product.name.length - b.product.name.length || a.product.name.localeCompare(b.product.name))
        .slice(0, limit)
        .map(({ product }) => product);
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
