import type BetterSqlite3 from 'better-sqlite3';
import type { z } from 'zod';
import { SaleCompletedFact } from '../../../src-shared/sync/facts';
import type { Change, PullResponse } from '../../../src-shared/sync/protocol';
import type { LocalStore } from '../db/local-store';
import { CategoryData, FactData, PersonData, ProductData, StoreData, TaxRateData, TerminalData } from './change-data';

/** Prepared once per store and reused (LocalStore.statement): a 1,000-product page is ~4,000 statements. */
type Run = (sql: string, ...params: unknown[]) => BetterSqlite3.RunResult;
type Get = (sql: string, ...params: unknown[]) => unknown;
interface Db { run: Run; get: Get }

export interface ApplyContext {
  terminalId: string;
  storeId: string;
  currency: string;
  now: string;
}

export interface ApplyOutcome {
  applied: number;
  /** Changes this terminal could not read (logged by the caller; they never wedge the stream). */
  skipped: Array<{ entity: string; id: string; reason: string }>;
  /** The store row or this terminal's row changed: the caller refreshes what it holds in memory. */
  identityChanged: boolean;
}

/**
 * Applies one pulled page and saves its cursor in ONE local transaction: either both are stored
 * or neither is, so a crash can never skip a change (cursor saved, page lost) nor apply it twice
 * on top of a stale cursor. A page is at most MAX_PULL_LIMIT changes, so the transaction stays
 * short and a sale waits at most for one page. Process durability: a page lost to a power cut
 * takes its cursor with it and is simply pulled again.
 *
 * Synchronous, on statements prepared once (LocalStore.withSyncTransaction/statement): compiling
 * and preparing ~4 Kysely queries per product again for every change cost 0.5-1.1 s per
 * 1,000-product page, ~7x the time of the same upserts on cached statements (issue 6, initialPull).
 */
export async function applyPulledPage(local: LocalStore, page: PullResponse, context: ApplyContext): Promise<ApplyOutcome> {
  const db: Db = {
    run: (sql, ...params) => local.statement(sql).run(...params),
    get: (sql, ...params) => local.statement(sql).get(...params),
  };
  return local.withSyncTransaction(() => {
    const outcome: ApplyOutcome = { applied: 0, skipped: [], identityChanged: false };
    for (const change of page.changes) {
      const result = applyChange(db, change, context);
      if (result === 'applied') outcome.applied += 1;
      else if (result === 'identity') {
        outcome.applied += 1;
        outcome.identityChanged = true;
      } else if (result !== 'ignored') outcome.skipped.push({ entity: change.entity, id: change.id, reason: result.reason });
    }
    // Same upsert as sync-state.ts saveCursor, inside this transaction.
    db.run(`INSERT INTO sync_cursor (stream, cursor, pulled, complete, updated_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor, pulled = sync_cursor.pulled + excluded.pulled,
      complete = excluded.complete, updated_at = excluded.updated_at`,
    page.stream, page.cursor, page.changes.length, page.hasMore ? 0 : 1, context.now);
    return outcome;
  }, { durability: 'process' });
}

type ChangeResult = 'applied' | 'identity' | 'ignored' | { reason: string };

type Parsed<T> = { ok: true; data: T } | { ok: false; reason: string };

function parse<T extends z.ZodType>(schema: T, value: unknown): Parsed<z.output<T>> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, reason: `${issue?.path.join('.') || 'data'}: ${issue?.message ?? 'invalid'}` };
}

function applyChange(db: Db, change: Change, context: ApplyContext): ChangeResult {
  const remove = change.op === 'delete';
  switch (change.entity) {
    case 'tax_rate': {
      if (remove) {
        // Products still point at it (NOT NULL): keep it until they move; the server sends them first.
        if (db.get('SELECT id FROM product WHERE tax_rate_id = ? LIMIT 1', change.id)) return { reason: 'tax rate still used by a product; kept' };
        db.run('DELETE FROM tax_rate WHERE id = ?', change.id);
        return 'applied';
      }
      const parsed = parse(TaxRateData, change.data);
      if (!parsed.ok) return { reason: parsed.reason };
      const data = parsed.data;
      db.run(`INSERT INTO tax_rate (id, name, rate_bp) VALUES (?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, rate_bp = excluded.rate_bp`, data.id, data.name, data.rateBp);
      return 'applied';
    }
    case 'category': {
      if (remove) {
        db.run('UPDATE product SET category_id = NULL WHERE category_id = ?', change.id);
        db.run('DELETE FROM category WHERE id = ?', change.id);
        return 'applied';
      }
      const parsed = parse(CategoryData, change.data);
      if (!parsed.ok) return { reason: parsed.reason };
      const data = parsed.data;
      db.run(`INSERT INTO category (id, name, sort) VALUES (?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, sort = excluded.sort`, data.id, data.name, data.sort);
      return 'applied';
    }
    case 'product': {
      if (remove) {
        db.run('DELETE FROM barcode WHERE product_id = ?', change.id);
        db.run('DELETE FROM product WHERE id = ?', change.id);
        return 'applied';
      }
      const parsed = parse(ProductData, change.data);
      if (!parsed.ok) return { reason: parsed.reason };
      const data = parsed.data;
      // A SKU that moved from another product: park the other one's SKU until its own change comes.
      db.run(`UPDATE product SET sku = sku || '~' || id WHERE sku = ? AND id != ?`, data.sku, data.id);
      db.run(`INSERT INTO product (id, sku, name, category_id, tax_rate_id, price_minor, active, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET sku = excluded.sku, name = excluded.name, category_id = excluded.category_id,
        tax_rate_id = excluded.tax_rate_id, price_minor = excluded.price_minor, active = excluded.active, updated_at = excluded.updated_at`,
      data.id, data.sku, data.name, data.categoryId ?? null, data.taxRateId, data.priceMinor, data.active ? 1 : 0, data.updatedAt ?? context.now);
      if (data.barcodes !== undefined) replaceBarcodes(db, data.id, data.barcodes);
      return 'applied';
    }
    case 'person': {
      if (remove) {
        db.run('DELETE FROM person WHERE id = ?', change.id);
        return 'applied';
      }
      const parsed = parse(PersonData, change.data);
      if (!parsed.ok) return { reason: parsed.reason };
      const data = parsed.data;
      db.run(`INSERT INTO person (id, name, role, pin_hash, active) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, pin_hash = excluded.pin_hash, active = excluded.active`,
      data.id, data.name, data.role ?? data.roleId ?? 'unknown', data.pinHash, data.active ? 1 : 0);
      return 'applied';
    }
    case 'store': {
      if (remove || change.id !== context.storeId) return 'ignored';
      const parsed = parse(StoreData, change.data);
      if (!parsed.ok) return { reason: parsed.reason };
      const data = parsed.data;
      db.run(`UPDATE store SET name = ?, locale = ?, currency = ?, currency_digits = ?, time_zone = ?, prices_include_tax = ?,
        address = ?, receipt_footer = ? WHERE id = ?`,
      data.name, data.locale, data.currency, data.currencyDigits, data.timeZone, data.pricesIncludeTax ? 1 : 0, data.address, data.receiptFooter, context.storeId);
      return 'identity';
    }
    case 'terminal': {
      // Other terminals of the store are not needed locally; this one's code is fixed at enrollment
      // (receipt numbers carry it), only its display name follows the centre.
      if (remove || change.id !== context.terminalId) return 'ignored';
      const parsed = parse(TerminalData, change.data);
      if (!parsed.ok) return { reason: parsed.reason };
      const data = parsed.data;
      if (data.name === undefined) return 'ignored';
      db.run('UPDATE terminal SET name = ? WHERE id = ?', data.name, context.terminalId);
      return 'identity';
    }
    case 'event':
      return remove ? 'ignored' : applyFact(db, change, context);
    default:
      return 'ignored';
  }
}

/** The product's barcodes become exactly `codes`; a code that moved from another product follows it. */
function replaceBarcodes(db: Db, productId: string, codes: readonly string[]): void {
  const keep = [...new Set(codes)];
  // One statement for any number of codes: the kept set as a JSON array (https://sqlite.org/json1.html#jeach).
  db.run('DELETE FROM barcode WHERE product_id = ? AND code NOT IN (SELECT value FROM json_each(?))', productId, JSON.stringify(keep));
  for (const code of keep) {
    db.run(`INSERT INTO barcode (code, product_id, pack_quantity) VALUES (?, ?, 1)
      ON CONFLICT (code) DO UPDATE SET product_id = excluded.product_id`, code, productId);
  }
}

/**
 * Another terminal's fact. A sale becomes this terminal's too: its rows (so a return can find it
 * here by receipt number) and its stock movements (so every terminal of the store sums the same
 * stock). Idempotent: a sale already here (our own, or pulled before) is left alone, and the
 * movements have ids derived from the sale, so a page applied again adds nothing.
 */
function applyFact(db: Db, change: Change, context: ApplyContext): ChangeResult {
  const fact = parse(FactData, change.data);
  if (!fact.ok) return { reason: fact.reason };
  if (fact.data.type !== 'sale.completed') return 'ignored';
  const payload = parse(SaleCompletedFact, fact.data.payload);
  if (!payload.ok) return { reason: `sale.completed payload: ${payload.reason}` };
  const { sale, storeId, terminalId } = payload.data;
  if (storeId !== context.storeId) return { reason: 'fact of another store' };
  if (db.get('SELECT id FROM sale WHERE id = ?', sale.id)) return 'ignored';

  const numbers = /-(\d+)-(\d+)$/.exec(sale.receiptNo);
  if (numbers) {
    const inserted = db.run(`INSERT INTO sale (id, cart_id, receipt_no, terminal_id, install_epoch, receipt_seq, created_at, currency,
      subtotal_minor, tax_minor, total_minor, tendered_minor, change_minor, item_count, taxes_json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    sale.id, `remote:${sale.id}`, sale.receiptNo, terminalId, Number(numbers[1]), Number(numbers[2]), sale.createdAt, context.currency,
    sale.totals.subtotalMinor, sale.totals.taxMinor, sale.totals.totalMinor, sale.tenderedMinor, sale.changeMinor, sale.totals.itemCount,
    JSON.stringify(sale.totals.taxes));
    if (inserted.changes > 0) {
      for (const [position, line] of sale.lines.entries()) {
        db.run(`INSERT INTO sale_line (id, sale_id, position, product_id, sku, name, quantity, unit_price_minor, tax_rate_bp, line_total_minor)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        line.id, sale.id, position, line.productId, line.sku, line.name, line.quantity, line.unitPriceMinor, line.taxRateBp, line.lineTotalMinor);
      }
      for (const p of sale.payments) {
        db.run('INSERT INTO payment (id, sale_id, tender, amount_minor) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', p.id, sale.id, p.tender, p.amountMinor);
      }
    }
  }
  for (const [position, line] of sale.lines.entries()) {
    db.run(`INSERT INTO stock_movement (id, product_id, quantity_delta, reason, ref_id, created_at) VALUES (?, ?, ?, 'sale', ?, ?)
      ON CONFLICT DO NOTHING`, `${sale.id}:${position}`, line.productId, -line.quantity, sale.id, sale.createdAt);
  }
  return 'applied';
}
