import type { SaleCompletedFact } from '../../src-shared/sync/facts';
import type { Change } from '../../src-shared/sync/protocol';
import type { Trx } from '../db/connect';
import type { AuthenticatedTerminal } from './terminal-auth';

const ROWS_PER_INSERT = 2_000;

/**
 * Projects newly stored, accepted `sale.completed` facts: one `sales` row each and one stock
 * movement per line (stock = sum of movements per store and product, never a synced counter).
 */
export async function projectSales(trx: Trx, terminal: AuthenticatedTerminal, facts: readonly { eventId: string; occurredAt: string; fact: SaleCompletedFact }[]): Promise<void> {
  if (facts.length === 0) return;
  const sales = facts.map(({ eventId, fact: { sale } }) => ({
    id: sale.id,
    event_id: eventId,
    store_id: terminal.storeId,
    terminal_id: terminal.id,
    receipt_no: sale.receiptNo,
    created_at: sale.createdAt,
    item_count: sale.totals.itemCount,
    subtotal_minor: sale.totals.subtotalMinor,
    tax_minor: sale.totals.taxMinor,
    total_minor: sale.totals.totalMinor,
    tendered_minor: sale.tenderedMinor,
    change_minor: sale.changeMinor,
  }));
  for (let i = 0; i < sales.length; i += ROWS_PER_INSERT) {
    await trx.insertInto('sales').values(sales.slice(i, i + ROWS_PER_INSERT)).execute();
  }
  const movements = facts.flatMap(({ eventId, occurredAt, fact: { sale } }) => sale.lines.map((line) => ({
    store_id: terminal.storeId,
    product_id: line.productId,
    quantity_delta: -line.quantity,
    reason: 'sale',
    event_id: eventId,
    occurred_at: occurredAt,
  })));
  for (let i = 0; i < movements.length; i += ROWS_PER_INSERT) {
    await trx.insertInto('stock_movements').values(movements.slice(i, i + ROWS_PER_INSERT)).execute();
  }
}

/** The `facts` stream entry other terminals of the store apply (their own facts they skip). */
export function factChange(terminal: AuthenticatedTerminal, installEpoch: number, event: { eventId: string; seq: number; type: string; occurredAt: string; payload: unknown }): Change {
  return {
    entity: 'event',
    id: event.eventId,
    op: 'upsert',
    data: {
      eventId: event.eventId,
      type: event.type,
      terminalId: terminal.id,
      installEpoch,
      seq: event.seq,
      occurredAt: event.occurredAt,
      payload: event.payload,
    },
  };
}
