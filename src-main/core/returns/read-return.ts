import type { SaleReturn } from '../../../src-shared/domain/returns';
import { minor } from '../../../src-shared/money';
import type { Db } from '../catalog/catalog-service';

/** Rebuilds a return from its rows (the screen, the receipt and the `return.completed` fact). */
export async function readReturn(db: Db, returnId: string): Promise<SaleReturn | undefined> {
  const row = await db.selectFrom('sale_return').selectAll().where('id', '=', returnId).executeTakeFirst();
  if (!row) return undefined;
  const lines = await db.selectFrom('return_line').selectAll().where('return_id', '=', returnId).orderBy('id').execute();
  const refunds = await db.selectFrom('refund').select(['tender', 'amount_minor']).where('source', '=', 'return').where('source_id', '=', returnId).orderBy('id').execute();
  const receipt = row.sale_id ? await db.selectFrom('sale').select('receipt_no').where('id', '=', row.sale_id).executeTakeFirst() : undefined;
  let storeCredit: SaleReturn['storeCredit'] = null;
  if (row.refund_to === 'storeCredit') {
    const credit = await db.selectFrom('store_credit_entry').innerJoin('store_credit', 'store_credit.id', 'store_credit_entry.credit_id')
      .select(['store_credit.id', 'store_credit.code', 'store_credit_entry.delta_minor'])
      .where('store_credit_entry.ref_type', '=', 'return').where('store_credit_entry.ref_id', '=', returnId).executeTakeFirst();
    if (credit) {
      const { total } = await db.selectFrom('store_credit_entry').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('delta_minor'), eb.val(0)).as('total'))
        .where('credit_id', '=', credit.id).executeTakeFirstOrThrow();
      storeCredit = { code: credit.code, amountMinor: minor(credit.delta_minor), balanceMinor: minor(Number(total)) };
    }
  }
  return {
    id: row.id, returnNo: row.return_no, saleId: row.sale_id, receiptNo: receipt?.receipt_no ?? null, createdAt: row.created_at,
    reasonCode: row.reason_code, note: row.note, disposition: row.disposition, refundTo: row.refund_to,
    lines: lines.map((l) => ({ saleLineId: l.sale_line_id, productId: l.product_id, sku: l.sku, name: l.name, quantity: l.quantity, amountMinor: minor(l.amount_minor) })),
    totalMinor: minor(row.total_minor),
    refunds: refunds.map((r) => ({ tender: r.tender, amountMinor: minor(r.amount_minor) })),
    storeCredit,
    personId: row.person_id,
    approverId: row.approver_id,
  };
}
