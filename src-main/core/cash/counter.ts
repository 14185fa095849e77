import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';

/**
 * The next number of a gap-free sequence (`report.X`, `report.Z`, `return`), allocated inside the
 * caller's transaction: a rolled-back transaction gives its number back, as receipt numbers do.
 */
export async function nextNumber(trx: Transaction<Database>, name: string): Promise<number> {
  const row = await trx.insertInto('counter').values({ name, value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counter.value', '+', 1) })))
    .returning('value').executeTakeFirstOrThrow();
  return row.value;
}
