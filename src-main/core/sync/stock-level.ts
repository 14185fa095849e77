import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * On-hand stock = the sum of the product's stock movements: this terminal's and those pulled from
 * the store's other terminals (apply-page.ts). Never a synced counter, so concurrent sales on two
 * terminals add up instead of overwriting each other (ARCHITECTURE.md §5). Indexed by product.
 */
export async function stockLevel(db: Kysely<Database>, productId: string): Promise<{ productId: string; onHand: number; movements: number }> {
  const row = await db.selectFrom('stock_movement')
    .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('quantity_delta'), eb.lit(0)).as('onHand'), eb.fn.countAll<number>().as('movements')])
    .where('product_id', '=', productId).executeTakeFirstOrThrow();
  return { productId, onHand: Number(row.onHand), movements: Number(row.movements) };
}
