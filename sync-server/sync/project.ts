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

/**
 * The `facts` stream entry other terminals of the store apply (their own facts they skip): only a
 * reference to the stored event, so a sale's payload is written once per push, not twice; the
 * pull reads the data from `events` (factFromEvent).
 */
export function factChange(event: { eventId: string }): Change {
  return { entity: 'event', id: event.eventId, op: 'upsert' };
}

/** A `facts` change's data, as the terminal reads it (src-main/core/sync/change-data.ts FactData). */
export function factFromEvent(event: {
  event_id: string; type: string; terminal_id: string; install_epoch: number; seq: string | number | bigint; occurred_at: Date | string; payload: unknown;
}): Record<string, unknown> {
  return {
    eventId: event.event_id,
    type: event.type,
    terminalId: event.terminal_id,
    installEpoch: event.install_epoch,
    seq: Number(event.seq),
    occurredAt: event.occurred_at instanceof Date ? event.occurred_at.toISOString() : event.occurred_at,
    payload: event.payload,
  };
}
