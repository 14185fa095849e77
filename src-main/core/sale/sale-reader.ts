import type BetterSqlite3 from 'better-sqlite3';
import { Discount, type TaxBreakdownRow } from '../../../src-shared/domain/cart';
import type { Sale, SaleSummary, Tender } from '../../../src-shared/domain/sale';
import { minor } from '../../../src-shared/money';
import { sql } from 'kysely';
import type { Db } from '../catalog/catalog-service';

type Prepare = (sql: string) => BetterSqlite3.Statement;

interface SaleRow {
  id: string; receipt_no: string; created_at: string; subtotal_minor: number; tax_minor: number; total_minor: number;
  tendered_minor: number; change_minor: number; item_count: number; taxes_json: string; discount_minor: number;
  cart_discount_minor: number; cash_rounding_minor: number; cart_discount_json: string | null; tax_exempt: number; exempt_tax_minor: number;
  cashier_name: string | null; note: string | null;
}
interface SaleLineRow {
  id: string; product_id: string; sku: string; name: string; quantity: number; unit_price_minor: number; tax_rate_bp: number;
  line_total_minor: number; weight_grams: number | null; catalog_price_minor: number | null; discount_json: string | null;
  discount_minor: number; cart_discount_minor: number; note: string | null;
}

const SQL = {
  byId: 'SELECT * FROM sale WHERE id = ?',
  byReceiptNo: 'SELECT * FROM sale WHERE receipt_no = ?',
  lines: 'SELECT * FROM sale_line WHERE sale_id = ? ORDER BY position',
  payments: 'SELECT id, tender, amount_minor, reference FROM payment WHERE sale_id = ? ORDER BY rowid',
  // This terminal's own sales: other terminals' sales pulled for returns are not "recent sales" here.
  recent: `SELECT id, receipt_no, created_at, total_minor, item_count FROM sale WHERE terminal_id = ? ORDER BY created_at DESC, receipt_seq DESC LIMIT ?`,
} as const;

type PaymentRow = { id: string; tender: string; amount_minor: number; reference: string | null };

/** Rebuilds a completed sale from its rows on the synchronous handle (inside `read` or a sync transaction). */
export function readSaleSync(prepare: Prepare, where: { saleId: string } | { receiptNo: string }): Sale | undefined {
  const sale = ('saleId' in where ? prepare(SQL.byId).get(where.saleId) : prepare(SQL.byReceiptNo).get(where.receiptNo)) as SaleRow | undefined;
  if (!sale) return undefined;
  return toSale(sale, prepare(SQL.lines).all(sale.id) as SaleLineRow[], prepare(SQL.payments).all(sale.id) as PaymentRow[]);
}

/** The same through Kysely, for code inside a Kysely transaction (returns, reprints). */
export async function readSale(db: Db, where: { saleId: string } | { receiptNo: string }): Promise<Sale | undefined> {
  const sale = ('saleId' in where
    ? await sql<SaleRow>`SELECT * FROM sale WHERE id = ${where.saleId}`.execute(db)
    : await sql<SaleRow>`SELECT * FROM sale WHERE receipt_no = ${where.receiptNo}`.execute(db)).rows[0];
  if (!sale) return undefined;
  const lines = (await sql<SaleLineRow>`SELECT * FROM sale_line WHERE sale_id = ${sale.id} ORDER BY position`.execute(db)).rows;
  const payments = (await sql<PaymentRow>`SELECT id, tender, amount_minor, reference FROM payment WHERE sale_id = ${sale.id} ORDER BY rowid`.execute(db)).rows;
  return toSale(sale, lines, payments);
}

function toSale(sale: SaleRow, lines: readonly SaleLineRow[], payments: readonly PaymentRow[]): Sale {
  return {
    id: sale.id,
    receiptNo: sale.receipt_no,
    createdAt: sale.created_at,
    lines: lines.map((line) => ({
      id: line.id, productId: line.product_id, sku: line.sku, name: line.name, quantity: line.quantity,
      unitPriceMinor: minor(line.unit_price_minor), taxRateBp: line.tax_rate_bp, lineTotalMinor: minor(line.line_total_minor),
      weightGrams: line.weight_grams, catalogPriceMinor: line.catalog_price_minor === null ? null : minor(line.catalog_price_minor),
      discount: line.discount_json === null ? null : Discount.parse(JSON.parse(line.discount_json)),
      discountMinor: minor(line.discount_minor), cartDiscountMinor: minor(line.cart_discount_minor), note: line.note,
    })),
    totals: {
      itemCount: sale.item_count,
      subtotalMinor: minor(sale.subtotal_minor),
      discountMinor: minor(sale.discount_minor),
      cartDiscountMinor: minor(sale.cart_discount_minor),
      taxMinor: minor(sale.tax_minor),
      totalMinor: minor(sale.total_minor),
      taxes: JSON.parse(sale.taxes_json) as TaxBreakdownRow[],
      taxExempt: sale.tax_exempt === 1,
      exemptTaxMinor: minor(sale.exempt_tax_minor),
    },
    payments: payments.map((p) => ({ id: p.id, tender: p.tender as Tender, amountMinor: minor(p.amount_minor), reference: p.reference })),
    tenderedMinor: minor(sale.tendered_minor),
    changeMinor: minor(sale.change_minor),
    cashRoundingMinor: minor(sale.cash_rounding_minor),
    cartDiscount: sale.cart_discount_json === null ? null : Discount.parse(JSON.parse(sale.cart_discount_json)),
    cashierName: sale.cashier_name,
    note: sale.note,
  };
}

export function listRecentSales(prepare: Prepare, terminalId: string, limit: number): SaleSummary[] {
  const rows = prepare(SQL.recent).all(terminalId, limit) as Array<{ id: string; receipt_no: string; created_at: string; total_minor: number; item_count: number }>;
  return rows.map((row) => ({ id: row.id, receiptNo: row.receipt_no, createdAt: row.created_at, totalMinor: minor(row.total_minor), itemCount: row.item_count }));
}
