import { DomainError } from '../../../src-shared/contract';
import type { Sale, Tender } from '../../../src-shared/domain/sale';
import { minor } from '../../../src-shared/money';
import type { CartService } from '../cart/cart-service';
import type { LocalStore } from '../db/local-store';
import type { Clock, IdGenerator } from '../deps';
import type { EventHub } from '../events';
import type { TerminalIdentity } from '../settings/terminal-identity';
import { formatReceiptNo } from './receipt-number';
import { readSale } from './sale-reader';

export interface SaleServiceDeps {
  local: LocalStore;
  cart: CartService;
  clock: Clock;
  ids: IdGenerator;
  events: EventHub;
  identity: TerminalIdentity;
}

export interface PaymentInput {
  tender: Tender;
  amountMinor: number;
}

export function createSaleService(deps: SaleServiceDeps) {
  const { local, cart, clock, ids, events, identity } = deps;

  return {
    /**
     * Completes the cart the cashier paid for. One durable transaction holds the receipt number,
     * sale, lines, payments, stock movements, outbox event and the fresh empty cart; events go
     * out only after the commit. Completing the same cart again returns the sale already made
     * (a double click or a resend never sells twice).
     */
    async complete(cartId: string, payments: readonly PaymentInput[]): Promise<Sale> {
      const saleId = await local.withTransaction(async (trx, tx) => {
        const already = await trx.selectFrom('sale').select('id').where('cart_id', '=', cartId).executeTakeFirst();
        if (already) return already.id;
        const currentId = await cart.currentCartIdIn(trx);
        if (currentId !== cartId) throw new DomainError('CART_CHANGED', 'The cart changed on this terminal; check it and take payment again.');
        const current = await cart.snapshotIn(trx, cartId);
        if (current.lines.length === 0) throw new DomainError('CART_EMPTY', 'The cart is empty: scan or search a product first.');

        const total = current.totals.totalMinor;
        const tendered = payments.reduce((sum, p) => sum + p.amountMinor, 0);
        if (tendered < total) {
          throw new DomainError('TENDER_SHORT', `Tendered ${tendered} is less than the total ${total} (minor units); nothing was charged.`);
        }
        const { terminal, store } = identity;
        const counter = await trx.updateTable('terminal').set((eb) => ({ last_receipt_seq: eb('last_receipt_seq', '+', 1) }))
          .where('id', '=', terminal.id).returning(['last_receipt_seq', 'install_epoch']).executeTakeFirstOrThrow();
        const id = ids.next();
        const createdAt = clock.now().toISOString();
        const receiptNo = formatReceiptNo(terminal.code, counter.install_epoch, counter.last_receipt_seq);

        await trx.insertInto('sale').values({
          id, cart_id: cartId, receipt_no: receiptNo, terminal_id: terminal.id, install_epoch: counter.install_epoch,
          receipt_seq: counter.last_receipt_seq, created_at: createdAt, currency: store.currency,
          subtotal_minor: current.totals.subtotalMinor, tax_minor: current.totals.taxMinor, total_minor: total,
          tendered_minor: tendered, change_minor: tendered - total, item_count: current.totals.itemCount,
          taxes_json: JSON.stringify(current.totals.taxes),
        }).execute();
        await trx.insertInto('sale_line').values(current.lines.map((line, position) => ({
          id: line.id, sale_id: id, position, product_id: line.productId, sku: line.sku, name: line.name,
          quantity: line.quantity, unit_price_minor: line.unitPriceMinor, tax_rate_bp: line.taxRateBp, line_total_minor: line.lineTotalMinor,
        }))).execute();
        await trx.insertInto('payment').values(payments.map((p) => ({ id: ids.next(), sale_id: id, tender: p.tender, amount_minor: p.amountMinor }))).execute();
        await trx.insertInto('stock_movement').values(current.lines.map((line) => ({
          id: ids.next(), product_id: line.productId, quantity_delta: -line.quantity, reason: 'sale', ref_id: id, created_at: createdAt,
        }))).execute();
        await trx.deleteFrom('cart').where('id', '=', cartId).execute();

        const sale = await readSale(trx, { saleId: id });
        await trx.insertInto('outbox').values({
          event_id: ids.next(), type: 'sale.completed', created_at: createdAt,
          payload: JSON.stringify({ storeId: store.id, terminalId: terminal.id, sale }),
        }).execute();
        const nextCart = await cart.snapshotIn(trx, await cart.currentCartIdIn(trx));
        tx.onCommit(() => {
          events.emit('sale.completed', { id, receiptNo, createdAt, totalMinor: minor(total), itemCount: current.totals.itemCount });
          events.emit('cart.changed', nextCart);
        });
        return id;
      }, { durability: 'full' });
      return this.get({ saleId });
    },

    async get(where: { saleId: string } | { receiptNo: string }): Promise<Sale> {
      const sale = await readSale(local.db, where);
      if (!sale) throw new DomainError('NOT_FOUND', 'No sale with that id or receipt number on this terminal.');
      return sale;
    },
  };
}

export type SaleService = ReturnType<typeof createSaleService>;
