import type { TaxBreakdownRow } from '../../../src-shared/domain/cart';
import type { Sale, SaleSummary, Tender } from '../../../src-shared/domain/sale';
import { minor } from '../../../src-shared/money';
import type { Db } from '../catalog/catalog-service';

/** Rebuilds a completed sale from its rows (the receipt and returns read it back this way). */
export async function readSale(db: Db, where: { saleId: string } | { receiptNo: string }): Promise<Sale | undefined> {
  let query = db.selectFrom('sale').selectAll();
  query = 'saleId' in where ? query.where('id', '=', where.saleId) : query.where('receipt_no', '=', where.receiptNo);
  const sale = await query.executeTakeFirst();
  if (!sale) return undefined;
  const lines = await db.selectFrom('sale_line').selectAll().where('sale_id', '=', sale.id).orderBy('position').execute();
  const payments = await db.selectFrom('payment').selectAll().where('sale_id', '=', sale.id).orderBy('id').execute();
  return {
    id: sale.id,
    receiptNo: sale.receipt_no,
    createdAt: sale.created_at,
    lines: lines.map((line) => ({
      id: line.id,
      productId: line.product_id,
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      unitPriceMinor: minor(line.unit_price_minor),
      taxRateBp: line.tax_rate_bp,
      lineTotalMinor: minor(line.line_total_minor),
    })),
    totals: {
      itemCount: sale.item_count,
      subtotalMinor: minor(sale.subtotal_minor),
      taxMinor: minor(sale.tax_minor),
      totalMinor: minor(sale.total_minor),
      taxes: JSON.parse(sale.taxes_json) as TaxBreakdownRow[],
    },
    payments: payments.map((p) => ({ id: p.id, tender: p.tender as Tender, amountMinor: minor(p.amount_minor) })),
    tenderedMinor: minor(sale.tendered_minor),
    changeMinor: minor(sale.change_minor),
  };
}

export async function listRecentSales(db: Db, limit: number): Promise<SaleSummary[]> {
  const rows = await db.selectFrom('sale').select(['id', 'receipt_no', 'created_at', 'total_minor', 'item_count'])
    .orderBy('created_at', 'desc').orderBy('receipt_seq', 'desc').limit(limit).execute();
  return rows.map((row) => ({ id: row.id, receiptNo: row.receipt_no, createdAt: row.created_at, totalMinor: minor(row.total_minor), itemCount: row.item_count }));
}
