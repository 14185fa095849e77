import type { ShiftFacts } from '../../../src-shared/cash/shift-close';
import type { Db } from '../catalog/catalog-service';

/**
 * Reads a shift's facts for the pure close (src-shared/cash/shift-close.ts): its sales (through
 * the sale chain's `shift_id`) with their payments and change, every refund, every cash movement.
 */
export async function loadShiftFacts(db: Db, shiftId: string): Promise<ShiftFacts & { returnsCount: number; voidsCount: number }> {
  const shift = await db.selectFrom('shift').select('float_minor').where('id', '=', shiftId).executeTakeFirstOrThrow();
  const sales = await db.selectFrom('sale').innerJoin('sale_seal', 'sale_seal.sale_id', 'sale.id')
    .select(['sale.id', 'sale.change_minor']).where('sale_seal.shift_id', '=', shiftId).execute();
  const payments = await db.selectFrom('payment').innerJoin('sale_seal', 'sale_seal.sale_id', 'payment.sale_id')
    .select(['payment.sale_id', 'payment.tender', 'payment.amount_minor']).where('sale_seal.shift_id', '=', shiftId).execute();
  const bySale = new Map<string, Array<{ tender: string; amountMinor: number }>>();
  for (const p of payments) bySale.set(p.sale_id, [...(bySale.get(p.sale_id) ?? []), { tender: p.tender, amountMinor: p.amount_minor }]);
  const refunds = await db.selectFrom('refund').select(['tender', 'amount_minor']).where('shift_id', '=', shiftId).execute();
  const movements = await db.selectFrom('cash_movement').select(['kind', 'amount_minor']).where('shift_id', '=', shiftId).execute();
  const returns = await db.selectFrom('sale_return').select((eb) => eb.fn.countAll<number>().as('n')).where('shift_id', '=', shiftId).executeTakeFirstOrThrow();
  const voids = await db.selectFrom('sale_void').select((eb) => eb.fn.countAll<number>().as('n')).where('shift_id', '=', shiftId).executeTakeFirstOrThrow();
  return {
    floatMinor: shift.float_minor,
    sales: sales.map((s) => ({ payments: bySale.get(s.id) ?? [], changeMinor: s.change_minor })),
    refunds: refunds.map((r) => ({ tender: r.tender, amountMinor: r.amount_minor })),
    movements: movements.map((m) => ({ kind: m.kind, amountMinor: m.amount_minor })),
    returnsCount: Number(returns.n),
    voidsCount: Number(voids.n),
  };
}
