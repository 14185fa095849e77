import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import { SaleCompletedFact } from '../../../src-shared/sync/facts';
import type { Change, PullResponse } from '../../../src-shared/sync/protocol';
import type { LocalStore } from '../db/local-store';
import type { Database } from '../db/schema';
import { CategoryData, FactData, PersonData, ProductData, StoreData, TaxRateData, TerminalData } from './change-data';
import { saveCursor } from './sync-state';

type Trx = Transaction<Database>;

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
 */
export async function applyPulledPage(local: LocalStore, page: PullResponse, context: ApplyContext): Promise<ApplyOutcome> {
  return local.withTransaction(async (trx) => {
    const outcome: ApplyOutcome = { applied: 0, skipped: [], identityChanged: false };
    for (const change of page.changes) {
      const result = await applyChange(trx, change, context);
      if (result === 'applied') outcome.applied += 1;
      else if (result === 'identity') {
        outcome.applied += 1;
        outcome.identityChanged = true;
      } else if (result !== 'ignored') outcome.skipped.push({ entity: change.entity, id: change.id, reason: result.reason });
    }
    await saveCursor(trx, page.stream, page.cursor, page.changes.length, !page.hasMore, context.now);
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

async function applyChange(trx: Trx, change: Change, context: ApplyContext): Promise<ChangeResult> {
  const remove = change.op === 'delete';
  switch (change.entity) {
    case 'tax_rate': {
      if (remove) {
        // Products still point at it (NOT NULL): keep it until they move; the server sends them first.
        const used = await trx.selectFrom('product').select('id').where('tax_rate_id', '=', change.id).limit(1).executeTakeFirst();
        if (used) return { reason: 'tax rate still used by a product; kept' };
        await trx.deleteFrom('tax_rate').where('id', '=', change.id).execute();
        return 'applied';
      }
      const parsed = parse(TaxRateData, change.data);
      if (!parsed.ok) return { reason: parsed.reason };
      const data = parsed.data;
      await trx.insertInto('tax_rate').values({ id: data.id, name: data.name, rate_bp: data.rateBp })
        .onConflict((oc) => oc.column('id').doUpdateSet({ name: data.name, rate_bp: data.rateBp })).execute();
      return 'applied';
    }
    case 'category': {
      if (remove) {
        await trx.updateTable('product').set({ category_id: null }).where('category_id', '=', change.id).execute();
        await trx.deleteFrom('category').where('id', '=', change.id).execute();
        return 'applied';
      }
      const parsed = parse(CategoryData, change.data);
      if (!parsed.ok) return { reason: parsed.reason };
      const data = parsed.data;
      await trx.insertInto('category').values({ id: data.id, name: data.name, sort: data.sort })
        .onConflict((oc) => oc.column('id').doUpdateSet({ name: data.name, sort: data.sort })).execute();
      return 'applied';
    }
    case 'product': {
      if (remove) {
        await trx.deleteFrom('barcode').where('product_id', '=', change.id).execute();
        await trx.deleteFrom('product').where('id', '=', change.id).execute();
        return 'applied';
      }
      const parsed = parse(ProductData, change.data);
      if (!parsed.ok) return { reason: parsed.reason };
      const data = parsed.data;
      // A SKU that moved from another product: park the other one's SKU until its own change comes.
      await trx.updateTable('product').set({ sku: sql<string>`sku || '~' || id` })
        .where('sku', '=', data.sku).where('id', '!=', data.id).execute();
      const row = {
        sku: data.sku, name: data.name, category_id: data.categoryId ?? null, tax_rate_id: data.taxRateId,
        price_minor: data.priceMinor, active: data.active ? 1 : 0, updated_at: data.updatedAt ?? context.now,
      };
      await trx.insertInto('product').values({ id: data.id, ...row })
        .onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
      if (data.barcodes !== undefined) await replaceBarcodes(trx, data.id, data.barcodes);
      return 'applied';
    }
    case 'person': {
      if (remove) {
        await trx.deleteFrom('person').where('id', '=', change.id).execute();
        return 'applied';
      }
      const parsed = parse(PersonData, change.data);
      if (!parsed.ok) return { reason: parsed.reason };
      const data = parsed.data;
      const row = { name: data.name, role: data.role ?? data.roleId ?? 'unknown', pin_hash: data.pinHash, active: data.active ? 1 : 0 };
      await trx.insertInto('person').values({ id: data.id, ...row }).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
      return 'applied';
    }
    case 'store': {
      if (remove || change.id !== context.storeId) return 'ignored';
      const parsed = parse(StoreData, change.data);
      if (!parsed.ok) return { reason: parsed.reason };
      const data = parsed.data;
      await trx.updateTable('store').set({
        name: data.name, locale: data.locale, currency: data.currency, currency_digits: data.currencyDigits,
        time_zone: data.timeZone, prices_include_tax: data.pricesIncludeTax ? 1 : 0, address: data.address, receipt_footer: data.receiptFooter,
      }).where('id', '=', context.storeId).execute();
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
      await trx.updateTable('terminal').set({ name: data.name }).where('id', '=', context.terminalId).execute();
      return 'identity';
    }
    case 'event':
      return remove ? 'ignored' : applyFact(trx, change, context);
    default:
      return 'ignored';
  }
}

/** The product's barcodes become exactly `codes`; a code that moved from another product follows it. */
async function replaceBarcodes(trx: Trx, productId: string, codes: readonly string[]): Promise<void> {
  const keep = [...new Set(codes)];
  let stale = trx.deleteFrom('barcode').where('product_id', '=', productId);
  if (keep.length > 0) stale = stale.where('code', 'not in', keep);
  await stale.execute();
  if (keep.length === 0) return;
  await trx.insertInto('barcode').values(keep.map((code) => ({ code, product_id: productId, pack_quantity: 1 })))
    .onConflict((oc) => oc.column('code').doUpdateSet({ product_id: productId })).execute();
}

/**
 * Another terminal's fact. A sale becomes this terminal's too: its rows (so a return can find it
 * here by receipt number) and its stock movements (so every terminal of the store sums the same
 * stock). Idempotent: a sale already here (our own, or pulled before) is left alone, and the
 * movements have ids derived from the sale, so a page applied again adds nothing.
 */
async function applyFact(trx: Trx, change: Change, context: ApplyContext): Promise<ChangeResult> {
  const fact = parse(FactData, change.data);
  if (!fact.ok) return { reason: fact.reason };
  if (fact.data.type !== 'sale.completed') return 'ignored';
  const payload = parse(SaleCompletedFact, fact.data.payload);
  if (!payload.ok) return { reason: `sale.completed payload: ${payload.reason}` };
  const { sale, storeId, terminalId } = payload.data;
  if (storeId !== context.storeId) return { reason: 'fact of another store' };
  const known = await trx.selectFrom('sale').select('id').where('id', '=', sale.id).executeTakeFirst();
  if (known) return 'ignored';

  const numbers = /-(\d+)-(\d+)$/.exec(sale.receiptNo);
  if (numbers) {
    const inserted = await trx.insertInto('sale').values({
      id: sale.id, cart_id: `remote:${sale.id}`, receipt_no: sale.receiptNo, terminal_id: terminalId,
      install_epoch: Number(numbers[1]), receipt_seq: Number(numbers[2]), created_at: sale.createdAt, currency: context.currency,
      subtotal_minor: sale.totals.subtotalMinor, tax_minor: sale.totals.taxMinor, total_minor: sale.totals.totalMinor,
      tendered_minor: sale.tenderedMinor, change_minor: sale.changeMinor, item_count: sale.totals.itemCount,
      taxes_json: JSON.stringify(sale.totals.taxes),
    }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
      if (sale.lines.length > 0) {
        await trx.insertInto('sale_line').values(sale.lines.map((line, position) => ({
          id: line.id, sale_id: sale.id, position, product_id: line.productId, sku: line.sku, name: line.name, quantity: line.quantity,
          unit_price_minor: line.unitPriceMinor, tax_rate_bp: line.taxRateBp, line_total_minor: line.lineTotalMinor,
        }))).onConflict((oc) => oc.doNothing()).execute();
      }
      if (sale.payments.length > 0) {
        await trx.insertInto('payment').values(sale.payments.map((p) => ({ id: p.id, sale_id: sale.id, tender: p.tender, amount_minor: p.amountMinor })))
          .onConflict((oc) => oc.doNothing()).execute();
      }
    }
  }
  if (sale.lines.length > 0) {
    await trx.insertInto('stock_movement').values(sale.lines.map((line, position) => ({
      id: `${sale.id}:${position}`, product_id: line.productId, quantity_delta: -line.quantity, reason: 'sale', ref_id: sale.id, created_at: sale.createdAt,
    }))).onConflict((oc) => oc.doNothing()).execute();
  }
  return 'applied';
}
