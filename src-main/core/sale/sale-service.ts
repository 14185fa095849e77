import type BetterSqlite3 from 'better-sqlite3';
import { DomainError } from '../../../src-shared/contract';
import type { Payment, Sale, Tender } from '../../../src-shared/domain/sale';
import type { StoreSettings } from '../../../src-shared/domain/store-settings';
import { minor } from '../../../src-shared/money';
import { settle } from '../../../src-shared/pricing/settle';
import type { CartService } from '../cart/cart-service';
import { noStoreCredit, type StoreCreditLedger } from '../checkout/store-credit';
import type { LocalStore } from '../db/local-store';
import type { Clock, IdGenerator } from '../deps';
import type { EventHub } from '../events';
import type { TerminalIdentity } from '../settings/terminal-identity';
import { formatReceiptNo } from './receipt-number';
import { readSaleSync } from './sale-reader';

export interface SaleServiceDeps {
  local: LocalStore;
  cart: CartService;
  clock: Clock;
  ids: IdGenerator;
  events: EventHub;
  identity: TerminalIdentity;
  settings: StoreSettings;
  /**
   * Runs after a sale committed (receipt, drawer kick). Must return at once: the sale never waits
   * for a printer, and nothing it does is part of the sale's transaction.
   */
  afterSale?: (sale: Sale) => void;
  /** Redeems store-credit payments inside the sale's transaction; refuses them when absent. */
  storeCredit?: StoreCreditLedger;
  /**
   * Runs inside the sale's transaction after every row is written, on the synchronous handle: the
   * "People, cash and control" work stamps shift and cashier and seals the sale (hash chain) here.
   * Throwing refuses the sale; nothing is written and the receipt number is given back.
   */
  sealSale?: (db: BetterSqlite3.Database, sale: Sale) => void;
  /** Who is selling (their name is printed on the receipt); none until people sign in. */
  cashier?: () => { id: string; name: string } | null;
}

export interface PaymentInput {
  tender: Tender;
  amountMinor: number;
  /** Card approval code, mobile-money transaction id, store-credit note: required for those. */
  reference?: string;
}

const SQL = {
  already: 'SELECT id FROM sale WHERE cart_id = ?',
  nextReceipt: 'UPDATE terminal SET last_receipt_seq = last_receipt_seq + 1 WHERE id = ? RETURNING last_receipt_seq, install_epoch',
  sale: `INSERT INTO sale (id, cart_id, receipt_no, terminal_id, install_epoch, receipt_seq, created_at, currency, subtotal_minor,
    tax_minor, total_minor, tendered_minor, change_minor, item_count, taxes_json, discount_minor, cart_discount_minor,
    cart_discount_json, cash_rounding_minor, tax_exempt, exempt_tax_minor, cashier_name, note)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  line: `INSERT INTO sale_line (id, sale_id, position, product_id, sku, name, quantity, unit_price_minor, tax_rate_bp,
    line_total_minor, weight_grams, catalog_price_minor, discount_json, discount_minor, cart_discount_minor, note)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  payment: 'INSERT INTO payment (id, sale_id, tender, amount_minor, reference) VALUES (?, ?, ?, ?, ?)',
  stock: `INSERT INTO stock_movement (id, product_id, quantity_delta, reason, ref_id, created_at) VALUES (?, ?, ?, 'sale', ?, ?)`,
  deleteCart: 'DELETE FROM cart WHERE id = ?',
  outbox: `INSERT INTO outbox (event_id, type, payload, created_at) VALUES (?, 'sale.completed', ?, ?)`,
} as const;

/**
 * Completes sales: ONE synchronous, fully durable transaction (prepared statements, no await
 * inside) holds the receipt number, sale, lines, payments, stock movements, store-credit
 * redemption, outbox event and the fresh empty cart. The sale returned is the one just written,
 * built in memory, not read back. Events and `afterSale` run only after the commit.
 */
export function createSaleService(deps: SaleServiceDeps) {
  const { local, cart, clock, ids, events, identity, settings } = deps;
  const { carts } = cart;
  const st = (text: string) => local.statement(text);
  const ledger = deps.storeCredit ?? noStoreCredit;

  function checkTenders(payments: readonly PaymentInput[]): void {
    for (const p of payments) {
      if (!settings.tenders.includes(p.tender)) throw new DomainError('TENDER_REFUSED', `This store does not take ${p.tender} payments: take another tender.`);
      if (p.tender !== 'cash' && !p.reference) throw new DomainError('TENDER_REFUSED', `A ${p.tender} payment needs its reference (approval code or transaction id).`);
    }
  }

  return {
    /**
     * Completes the cart the cashier paid for. Completing the same cart again returns the sale
     * already made (a double click or a resend never sells twice).
     */
    async complete(cartId: string, payments: readonly PaymentInput[]): Promise<Sale> {
      checkTenders(payments);
      const outcome = await local.withSyncTransaction((db, tx): { existing: string } | { sale: Sale } => {
        const already = st(SQL.already).get(cartId) as { id: string } | undefined;
        if (already) return { existing: already.id };
        if (carts.findCurrentId() !== cartId) throw new DomainError('CART_CHANGED', 'The cart changed on this terminal; check it and take payment again.');
        const current = carts.snapshot(cartId);
        if (current.lines.length === 0) throw new DomainError('CART_EMPTY', 'The cart is empty: scan or search a product first.');

        const total = current.totals.totalMinor;
        const settled = settle(total, payments, settings.cashRounding);
        if (!settled.ok) throw new DomainError(settled.code, settled.message);

        const { terminal, store } = identity;
        const counter = st(SQL.nextReceipt).get(terminal.id) as { last_receipt_seq: number; install_epoch: number };
        const id = ids.next();
        const createdAt = clock.now().toISOString();
        const receiptNo = formatReceiptNo(terminal.code, counter.install_epoch, counter.last_receipt_seq);
        const cashierName = deps.cashier?.()?.name ?? null;
        const recorded: Payment[] = payments.map((p) => ({ id: ids.next(), tender: p.tender, amountMinor: minor(p.amountMinor), reference: p.reference ?? null }));
        const sale: Sale = {
          id, receiptNo, createdAt, lines: current.lines, totals: current.totals, payments: recorded,
          tenderedMinor: minor(settled.tenderedMinor), changeMinor: minor(settled.changeMinor),
          cashRoundingMinor: minor(settled.cashRoundingMinor), cartDiscount: current.discount, cashierName, note: current.note,
        };
        const t = current.totals;
        st(SQL.sale).run(
          id, cartId, receiptNo, terminal.id, counter.install_epoch, counter.last_receipt_seq, createdAt, store.currency,
          t.subtotalMinor, t.taxMinor, total, sale.tenderedMinor, sale.changeMinor, t.itemCount, JSON.stringify(t.taxes),
          t.discountMinor, t.cartDiscountMinor, current.discount ? JSON.stringify(current.discount) : null, sale.cashRoundingMinor,
          t.taxExempt ? 1 : 0, t.exemptTaxMinor, cashierName, current.note,
        );
        current.lines.forEach((line, position) => {
          st(SQL.line).run(
            line.id, id, position, line.productId, line.sku, line.name, line.quantity, line.unitPriceMinor, line.taxRateBp,
            line.lineTotalMinor, line.weightGrams, line.catalogPriceMinor, line.discount ? JSON.stringify(line.discount) : null,
            line.discountMinor, line.cartDiscountMinor, line.note,
          );
          // A weighed line moves one package; stock by weight arrives with inventory work.
          st(SQL.stock).run(ids.next(), line.productId, -line.quantity, id, createdAt);
        });
        for (const p of recorded) {
          st(SQL.payment).run(p.id, id, p.tender, p.amountMinor, p.reference);
          if (p.tender === 'storeCredit') ledger.redeem(db, { reference: p.reference ?? '', amountMinor: p.amountMinor, saleId: id, receiptNo, at: createdAt });
        }
        st(SQL.deleteCart).run(cartId);
        st(SQL.outbox).run(ids.next(), JSON.stringify({ storeId: store.id, terminalId: terminal.id, sale }), createdAt);
        deps.sealSale?.(db, sale);
        const nextCart = carts.snapshot(carts.currentId());
        tx.onCommit(() => {
          events.emit('sale.completed', { id, receiptNo, createdAt, totalMinor: minor(total), itemCount: t.itemCount });
          events.emit('cart.changed', nextCart);
          deps.afterSale?.(sale);
        });
        return { sale };
      }, { durability: 'full' });
      return 'sale' in outcome ? outcome.sale : this.get({ saleId: outcome.existing });
    },

    async get(where: { saleId: string } | { receiptNo: string }): Promise<Sale> {
      const sale = await local.read(() => readSaleSync(st, where));
      if (!sale) throw new DomainError('NOT_FOUND', 'No sale with that id or receipt number on this terminal.');
      return sale;
    },
  };
}

export type SaleService = ReturnType<typeof createSaleService>;
