import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { Sale } from '../../../src-shared/domain/sale';
import type { SaleSealer } from '../audit/sale-chain';
import type { StoreCreditLedger } from '../checkout/store-credit';
import type { IdGenerator } from '../deps';

/**
 * A completed sale as the sale journal holds it (core/sale/sale-journal.ts): everything needed to
 * write its rows into `terminal.db` again after a power cut, with the same ids, numbers and stamp.
 * Parsed with zod when read back: the journal is a file, a boundary.
 */
export const SaleFact = z.object({
  v: z.literal(1),
  /** The `sale.completed` outbox event's id (the sync server dedupes on it). */
  eventId: z.string(),
  storeId: z.string(),
  terminalId: z.string(),
  cartId: z.string(),
  currency: z.string(),
  installEpoch: z.number().int(),
  receiptSeq: z.number().int().positive(),
  stamp: z.object({ shiftId: z.string().nullable(), cashierId: z.string().nullable() }),
  sale: Sale,
});
export type SaleFact = z.infer<typeof SaleFact>;

const SQL = {
  sale: `INSERT INTO sale (id, cart_id, receipt_no, terminal_id, install_epoch, receipt_seq, created_at, currency, subtotal_minor,
    tax_minor, total_minor, tendered_minor, change_minor, item_count, taxes_json, discount_minor, cart_discount_minor,
    cart_discount_json, cash_rounding_minor, tax_exempt, exempt_tax_minor, cashier_name, note)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  line: `INSERT INTO sale_line (id, sale_id, position, product_id, sku, name, quantity, unit_price_minor, tax_rate_bp,
    line_total_minor, weight_grams, catalog_price_minor, discount_json, discount_minor, cart_discount_minor, note)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  payment: 'INSERT INTO payment (id, sale_id, tender, amount_minor, reference) VALUES (?, ?, ?, ?, ?)',
  stock: `INSERT INTO stock_movement (id, product_id, quantity_delta, reason, ref_id, created_at) VALUES (?, ?, ?, 'sale', ?, ?)`,
  // The receipt counter only moves forward, and only in the epoch the sale was numbered in.
  counter: 'UPDATE terminal SET last_receipt_seq = ? WHERE id = ? AND install_epoch = ? AND last_receipt_seq < ?',
  deleteCart: 'DELETE FROM cart WHERE id = ?',
  outbox: `INSERT INTO outbox (event_id, type, payload, created_at) VALUES (?, 'sale.completed', ?, ?)`,
} as const;

export interface SaleRowsDeps {
  statement(sql: string): BetterSqlite3.Statement;
  ids: IdGenerator;
  ledger: StoreCreditLedger;
  sealer?: SaleSealer;
}

/**
 * Writes a sale fact's rows into `terminal.db` (call inside one transaction): the sale, its lines,
 * stock movements and payments, the store-credit redemption, the receipt counter, the cart's
 * removal, the seal and the `sale.completed` outbox fact carrying the seal.
 */
export function writeSaleRows(db: BetterSqlite3.Database, fact: SaleFact, deps: SaleRowsDeps): void {
  const st = deps.statement;
  const { sale } = fact;
  const t = sale.totals;
  st(SQL.sale).run(
    sale.id, fact.cartId, sale.receiptNo, fact.terminalId, fact.installEpoch, fact.receiptSeq, sale.createdAt, fact.currency,
    t.subtotalMinor, t.taxMinor, t.totalMinor, sale.tenderedMinor, sale.changeMinor, t.itemCount, JSON.stringify(t.taxes),
    t.discountMinor, t.cartDiscountMinor, sale.cartDiscount ? JSON.stringify(sale.cartDiscount) : null, sale.cashRoundingMinor,
    t.taxExempt ? 1 : 0, t.exemptTaxMinor, sale.cashierName, sale.note,
  );
  sale.lines.forEach((line, position) => {
    st(SQL.line).run(
      line.id, sale.id, position, line.productId, line.sku, line.name, line.quantity, line.unitPriceMinor, line.taxRateBp,
      line.lineTotalMinor, line.weightGrams, line.catalogPriceMinor, line.discount ? JSON.stringify(line.discount) : null,
      line.discountMinor, line.cartDiscountMinor, line.note,
    );
    // A weighed line moves one package; stock by weight arrives with inventory work.
    st(SQL.stock).run(deps.ids.next(), line.productId, -line.quantity, sale.id, sale.createdAt);
  });
  for (const p of sale.payments) {
    st(SQL.payment).run(p.id, sale.id, p.tender, p.amountMinor, p.reference);
    if (p.tender === 'storeCredit') {
      deps.ledger.redeem(db, { reference: p.reference ?? '', amountMinor: p.amountMinor, saleId: sale.id, receiptNo: sale.receiptNo, at: sale.createdAt });
    }
  }
  st(SQL.counter).run(fact.receiptSeq, fact.terminalId, fact.installEpoch, fact.receiptSeq);
  st(SQL.deleteCart).run(fact.cartId);
  const seal = deps.sealer?.seal(db, sale, fact.stamp); // undefined (left out of the JSON) without the people work
  st(SQL.outbox).run(fact.eventId, JSON.stringify({ storeId: fact.storeId, terminalId: fact.terminalId, sale, seal }), sale.createdAt);
}
