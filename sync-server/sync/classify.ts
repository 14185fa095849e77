import { factSchemas, isFactType, type FactType, type SaleCompletedFact } from '../../src-shared/sync/facts';
import type { PushEvent } from '../../src-shared/sync/protocol';
import type { Trx } from '../db/connect';
import type { AuthenticatedTerminal } from './terminal-auth';

export type Classified =
  | { event: PushEvent; status: 'accepted'; fact: AcceptedFact; note?: string }
  | { event: PushEvent; status: 'quarantined'; reason: string };

/** Sales are projected; the other facts (shifts, cash, returns, audit: issue 4) are stored and relayed as they are. */
export type AcceptedFact =
  | { type: 'sale.completed'; payload: SaleCompletedFact }
  | { type: Exclude<FactType, 'sale.completed'>; payload: unknown };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Decides for every pushed event whether it can be projected or must be quarantined. A
 * quarantined event is still stored and acknowledged (ARCHITECTURE §5: a business error never
 * blocks the queue and is never dropped): unknown type, payload failing its schema, a payload
 * for another store or terminal, unknown products, a sale id already recorded by another event.
 */
export async function classify(trx: Trx, terminal: AuthenticatedTerminal, events: readonly PushEvent[]): Promise<Classified[]> {
  const parsed = events.map((event) => parse(event, terminal));
  const sales = parsed.flatMap((p) => (p.status === 'accepted' && p.fact.type === 'sale.completed' ? [p.fact.payload.sale] : []));
  if (sales.length === 0) return parsed;

  const productIds = [...new Set(sales.flatMap((s) => s.lines.map((l) => l.productId)))].filter((id) => UUID.test(id));
  const known = new Set(productIds.length === 0 ? [] : (await trx.selectFrom('products').select('id').where('id', 'in', productIds).execute()).map((r) => r.id));
  const saleIds = sales.map((s) => s.id);
  const existingSales = await trx.selectFrom('sales').select(['id', 'event_id']).where('id', 'in', saleIds).execute();
  const saleEvent = new Map(existingSales.map((r) => [r.id, r.event_id]));
  const receipts = await trx.selectFrom('sales').select(['receipt_no', 'event_id'])
    .where('store_id', '=', terminal.storeId).where('receipt_no', 'in', sales.map((s) => s.receiptNo)).execute();
  const receiptEvent = new Map(receipts.map((r) => [r.receipt_no, r.event_id]));

  return parsed.map((p) => {
    if (p.status !== 'accepted' || p.fact.type !== 'sale.completed') return p;
    const sale = p.fact.payload.sale;
    const unknown = sale.lines.map((l) => l.productId).filter((id) => !known.has(id));
    if (unknown.length > 0) return quarantine(p.event, `unknown product ${[...new Set(unknown)].slice(0, 5).join(', ')}`);
    const bySale = saleEvent.get(sale.id);
    // The same event resent is a duplicate, decided by the insert; a different event carrying a
    // sale we already hold is a terminal bug worth a look, not a second sale.
    if (bySale !== undefined && bySale !== p.event.eventId) return quarantine(p.event, `sale ${sale.id} already recorded by event ${bySale}`);
    saleEvent.set(sale.id, p.event.eventId);
    // A reused receipt number (a restored terminal that sold before its hello moved it to a new
    // epoch) is a fiscal anomaly, but the sale happened: count it, and note the clash on the event.
    const byReceipt = receiptEvent.get(sale.receiptNo);
    receiptEvent.set(sale.receiptNo, p.event.eventId);
    if (byReceipt !== undefined && byReceipt !== p.event.eventId) return { ...p, note: `receipt number ${sale.receiptNo} also used by event ${byReceipt}` };
    return p;
  });
}

function parse(event: PushEvent, terminal: AuthenticatedTerminal): Classified {
  if (!isFactType(event.type)) return quarantine(event, `unknown fact type "${event.type}"`);
  const result = factSchemas[event.type].safeParse(event.payload);
  if (!result.success) {
    const issue = result.error.issues[0];
    return quarantine(event, `payload does not match ${event.type}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
  }
  if (result.data.storeId !== terminal.storeId) return quarantine(event, `payload storeId ${result.data.storeId} is not this terminal's store`);
  if (result.data.terminalId !== terminal.id) return quarantine(event, `payload terminalId ${result.data.terminalId} is not the pushing terminal`);
  if (event.type !== 'sale.completed') return { event, status: 'accepted', fact: { type: event.type, payload: result.data } };
  const sale = (result.data as SaleCompletedFact).sale;
  // Values the projection's columns cannot hold would abort the whole batch; quarantine instead.
  if (Number.isNaN(Date.parse(sale.createdAt))) return quarantine(event, `sale.createdAt is not a date: ${sale.createdAt.slice(0, 40)}`);
  const int32 = (n: number) => Math.abs(n) <= 2_147_483_647;
  if (!int32(sale.totals.itemCount) || !sale.lines.every((l) => int32(l.quantity))) return quarantine(event, 'a quantity is out of range');
  return { event, status: 'accepted', fact: { type: 'sale.completed', payload: result.data as SaleCompletedFact } };
}

const quarantine = (event: PushEvent, reason: string): Classified => ({ event, status: 'quarantined', reason });
