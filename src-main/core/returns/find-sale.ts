import type { ReturnableSale } from '../../../src-shared/domain/returns';
import { minor } from '../../../src-shared/money';
import { grossPerLine, remainingOf, type ReturnedLine, type SoldLine } from '../../../src-shared/returns/returnable';
import type { Db } from '../catalog/catalog-service';
import { readSale } from '../sale/sale-reader';
import { dateTimeFormat } from '../../../src-shared/i18n/intl-cache';

/** A sale's lines as the pure return rules see them: quantity sold and what was paid per line. */
export async function soldAndReturned(db: Db, saleId: string): Promise<{ sold: SoldLine[]; returned: ReturnedLine[] }> {
  const sale = await db.selectFrom('sale').select('total_minor').where('id', '=', saleId).executeTakeFirstOrThrow();
  const lines = await db.selectFrom('sale_line').select(['id', 'quantity', 'line_total_minor']).where('sale_id', '=', saleId).orderBy('position').execute();
  const gross = grossPerLine(sale.total_minor, lines.map((l) => l.line_total_minor));
  const sold = lines.map((l, i) => ({ saleLineId: l.id, quantity: l.quantity, grossMinor: gross[i]! }));
  const returned = await db.selectFrom('return_line').innerJoin('sale_return', 'sale_return.id', 'return_line.return_id')
    .select(['return_line.sale_line_id', 'return_line.quantity', 'return_line.amount_minor'])
    .where('sale_return.sale_id', '=', saleId).execute();
  return { sold, returned: returned.map((r) => ({ saleLineId: r.sale_line_id ?? '', quantity: r.quantity, amountMinor: r.amount_minor })) };
}

/** A sale with what is left to return per line, whether it was voided and whether it may be. */
export async function returnableSale(db: Db, saleId: string, openShiftId: string | null): Promise<ReturnableSale | undefined> {
  const sale = await readSale(db, { saleId });
  if (!sale) return undefined;
  const { sold, returned } = await soldAndReturned(db, saleId);
  const remaining = remainingOf(sold, returned);
  const voided = Boolean(await db.selectFrom('sale_void').select('sale_id').where('sale_id', '=', saleId).executeTakeFirst());
  const seal = await db.selectFrom('sale_seal').select('shift_id').where('sale_id', '=', saleId).executeTakeFirst();
  const { refunded } = await db.selectFrom('refund').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_minor'), eb.val(0)).as('refunded'))
    .where('sale_id', '=', saleId).executeTakeFirstOrThrow();
  const credited = await db.selectFrom('sale_return').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('total_minor'), eb.val(0)).as('total'))
    .where('sale_id', '=', saleId).where('refund_to', '=', 'storeCredit').executeTakeFirstOrThrow();
  const lines = sale.lines.map((line) => {
    const soldLine = sold.find((s) => s.saleLineId === line.id);
    const left = remaining.get(line.id);
    const returnableQuantity = voided ? 0 : left?.quantity ?? 0;
    return {
      saleLineId: line.id, productId: line.productId, sku: line.sku, name: line.name,
      soldQuantity: soldLine?.quantity ?? line.quantity, returnedQuantity: (soldLine?.quantity ?? 0) - (left?.quantity ?? 0),
      returnableQuantity, remainingMinor: minor(voided ? 0 : left?.amountMinor ?? 0),
    };
  });
  return {
    sale, lines, voided,
    voidable: !voided && returned.length === 0 && seal?.shift_id != null && seal.shift_id === openShiftId,
    refundedMinor: minor(Number(refunded) + Number(credited.total)),
  };
}

/** The UTC instants of a store-local calendar day can span two UTC dates; look a day either side and filter. */
function localDate(iso: string, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

export async function findSales(db: Db, where: { receiptNo: string } | { saleId: string } | { date: string; totalMinor: number }, timeZone: string): Promise<string[]> {
  if ('receiptNo' in where) return (await db.selectFrom('sale').select('id').where('receipt_no', '=', where.receiptNo).execute()).map((r) => r.id);
  if ('saleId' in where) return (await db.selectFrom('sale').select('id').where('id', '=', where.saleId).execute()).map((r) => r.id);
  const day = Date.parse(`${where.date}T00:00:00.000Z`);
  const from = new Date(day - 86_400_000).toISOString();
  const to = new Date(day + 2 * 86_400_000).toISOString();
  const rows = await db.selectFrom('sale').select(['id', 'created_at']).where('total_minor', '=', where.totalMinor)
    .where('created_at', '>=', from).where('created_at', '<', to).orderBy('created_at', 'desc').limit(200).execute();
  return rows.filter((r) => localDate(r.created_at, timeZone) === where.date).slice(0, 20).map((r) => r.id);
}
