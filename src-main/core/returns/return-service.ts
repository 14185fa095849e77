import type { Transaction } from 'kysely';
import { DomainError } from '../../../src-shared/contract';
import { shiftTotals } from '../../../src-shared/cash/shift-close';
import type { RefundLine, ReturnDisposition, SaleReturn, SaleVoid } from '../../../src-shared/domain/returns';
import { minor } from '../../../src-shared/money';
import { allocateRefund, planReturn } from '../../../src-shared/returns/returnable';
import type { AuditLog } from '../audit/audit-log';
import { appendFact } from '../audit/facts';
import { nextNumber } from '../cash/counter';
import { loadShiftFacts } from '../cash/shift-facts';
import type { CatalogService, Db } from '../catalog/catalog-service';
import type { LocalStore } from '../db/local-store';
import type { Database } from '../db/schema';
import type { Clock, IdGenerator } from '../deps';
import type { Access, Authorization } from '../people/access';
import type { SettingsStore } from '../settings/control-settings';
import type { TerminalIdentity } from '../settings/terminal-identity';
import { findSales, returnableSale, soldAndReturned } from './find-sale';
import { readReturn } from './read-return';
import type { LocalStoreCreditLedger } from './store-credit-ledger';

export interface ReturnServiceDeps {
  local: LocalStore;
  clock: Clock;
  ids: IdGenerator;
  identity: TerminalIdentity;
  audit: AuditLog;
  access: Access;
  settings: SettingsStore;
  catalog: CatalogService;
  ledger: LocalStoreCreditLedger;
  openShiftId(): Promise<string | null>;
  factsWritten(): void;
}

interface Common { reasonCode: string; note?: string; disposition: ReturnDisposition }
export type ReturnRequest =
  | Common & { kind: 'receipt'; saleId: string; refundTo: 'original' | 'storeCredit'; lines: Array<{ saleLineId: string; quantity: number }> }
  | Common & { kind: 'noReceipt'; refundTo: 'cash' | 'storeCredit'; lines: Array<{ productId: string; quantity: number; unitPriceMinor: number }> };

interface PlannedLine { saleLineId: string | null; productId: string; sku: string; name: string; quantity: number; amountMinor: number; taxRateBp: number }

/** Net paid per tender (cash net of change) and what refunds already took, for a sale. */
async function tendersOf(db: Db, saleId: string) {
  const sale = await db.selectFrom('sale').select('change_minor').where('id', '=', saleId).executeTakeFirstOrThrow();
  const payments = await db.selectFrom('payment').select(['tender', 'amount_minor']).where('sale_id', '=', saleId).orderBy('id').execute();
  const paid = [...payments.map((p) => ({ tender: p.tender, amountMinor: p.amount_minor })), { tender: 'cash', amountMinor: -sale.change_minor }];
  const refunded = await db.selectFrom('refund').select(['tender', 'amount_minor']).where('sale_id', '=', saleId).execute();
  return { paid, refunded: refunded.map((r) => ({ tender: r.tender, amountMinor: r.amount_minor })) };
}

/**
 * Returns and voids. Each runs in one durable transaction: the return (gap-free number), its
 * lines, the refunds per tender (the shift's cash facts), stock movements, store credit, the audit
 * entry and the outbox fact. Rules are checked before the permission is asked for, so a refused
 * request never spends a manager's approval, and again inside the transaction.
 */
export function createReturnService(deps: ReturnServiceDeps) {
  const { local, clock, ids, identity, audit, access, settings, catalog, ledger } = deps;

  async function shiftFor(): Promise<string | null> {
    const shiftId = await deps.openShiftId();
    if (!shiftId && (await settings.get()).requireShift) throw new DomainError('SHIFT_CLOSED', 'No shift is open on this till: open one before giving refunds.');
    return shiftId;
  }

  async function plan(db: Db, request: ReturnRequest): Promise<{ lines: PlannedLine[]; totalMinor: number }> {
    if (request.kind === 'noReceipt') {
      const lines: PlannedLine[] = [];
      for (const line of request.lines) {
        const product = await catalog.byId(line.productId, db);
        if (!product) throw new DomainError('NOT_FOUND', 'That product is not in the catalog.');
        lines.push({ saleLineId: null, productId: product.id, sku: product.sku, name: product.name, quantity: line.quantity, amountMinor: line.quantity * line.unitPriceMinor, taxRateBp: product.taxRateBp });
      }
      return { lines, totalMinor: lines.reduce((s, l) => s + l.amountMinor, 0) };
    }
    if (await db.selectFrom('sale_void').select('sale_id').where('sale_id', '=', request.saleId).executeTakeFirst()) {
      throw new DomainError('RETURN_EXCEEDS_SOLD', 'That sale was voided: nothing is left to return.');
    }
    const saleLines = await db.selectFrom('sale_line').selectAll().where('sale_id', '=', request.saleId).execute();
    if (saleLines.length === 0) throw new DomainError('NOT_FOUND', 'No sale with that id on this till.');
    const { sold, returned } = await soldAndReturned(db, request.saleId);
    const planned = planReturn(sold, returned, request.lines);
    if (!planned.ok) {
      const line = saleLines.find((l) => l.id === planned.saleLineId);
      if (planned.reason === 'unknownLine') throw new DomainError('NOT_FOUND', 'A line to return is not on that sale.');
      throw new DomainError('RETURN_EXCEEDS_SOLD', `${line?.name ?? 'That line'}: ${planned.requested} asked, but only ${planned.remaining} left to return (sold minus already returned). Nothing was returned.`, { saleLineId: planned.saleLineId, remaining: planned.remaining });
    }
    const lines = planned.lines.map((p) => {
      const line = saleLines.find((l) => l.id === p.saleLineId)!;
      return { saleLineId: line.id, productId: line.product_id, sku: line.sku, name: line.name, quantity: p.quantity, amountMinor: p.amountMinor, taxRateBp: line.tax_rate_bp };
    });
    return { lines, totalMinor: planned.totalMinor };
  }

  async function refundsFor(db: Db, request: ReturnRequest, totalMinor: number): Promise<RefundLine[]> {
    if (request.refundTo === 'storeCredit') return [];
    if (request.kind === 'noReceipt') return [{ tender: 'cash', amountMinor: minor(totalMinor) }];
    const { paid, refunded } = await tendersOf(db, request.saleId);
    return allocateRefund(totalMinor, paid, refunded).map((r) => ({ tender: r.tender, amountMinor: minor(r.amountMinor) }));
  }

  async function refuseIfDrawerShort(db: Db, shiftId: string | null, refunds: readonly RefundLine[]): Promise<void> {
    const cash = refunds.filter((r) => r.tender === 'cash').reduce((s, r) => s + r.amountMinor, 0);
    if (!shiftId || cash === 0) return;
    const available = shiftTotals(await loadShiftFacts(db, shiftId)).cash.expectedMinor;
    if (cash > available) {
      throw new DomainError('PAYOUT_EXCEEDS_DRAWER', `A cash refund of ${cash} is more than the ${available} (minor units) the drawer should hold: refund to store credit or after a pay-in. Nothing was refunded.`, { availableMinor: available });
    }
  }

  async function writeStock(trx: Transaction<Database>, lines: PlannedLine[], disposition: ReturnDisposition, refId: string, at: string): Promise<void> {
    const rows = lines.flatMap((l) => [
      { id: ids.next(), product_id: l.productId, quantity_delta: l.quantity, reason: 'return', ref_id: refId, created_at: at },
      ...(disposition === 'writeOff' ? [{ id: ids.next(), product_id: l.productId, quantity_delta: -l.quantity, reason: 'writeOff', ref_id: refId, created_at: at }] : []),
    ]);
    await trx.insertInto('stock_movement').values(rows).execute();
  }

  return {
    async find(where: Parameters<typeof findSales>[1]) {
      const idsFound = await findSales(local.db, where, identity.store.timeZone);
      const openShiftId = await deps.openShiftId();
      const found = await Promise.all(idsFound.map((id) => returnableSale(local.db, id, openShiftId)));
      return found.filter((s) => s !== undefined);
    },

    get: async (returnId: string): Promise<SaleReturn> => {
      const found = await readReturn(local.db, returnId);
      if (!found) throw new DomainError('NOT_FOUND', 'No return with that id on this till.');
      return found;
    },

    async create(request: ReturnRequest): Promise<SaleReturn> {
      const shiftId = await shiftFor();
      const preview = await plan(local.db, request);
      await refuseIfDrawerShort(local.db, shiftId, await refundsFor(local.db, request, preview.totalMinor));
      const grant: Authorization = request.kind === 'receipt'
        ? await access.authorize('refund', { subject: { saleId: request.saleId }, audit: false })
        : await access.authorize('refund.noReceipt', { subject: { totalMinor: preview.totalMinor }, audit: false });
      const returnId = await local.withTransaction(async (trx, tx) => {
        const { lines, totalMinor } = await plan(trx, request);
        const refunds = await refundsFor(trx, request, totalMinor);
        await refuseIfDrawerShort(trx, shiftId, refunds);
        const at = clock.now().toISOString();
        const id = ids.next();
        const seq = await nextNumber(trx, 'return');
        const returnNo = `${identity.terminal.code}-${identity.terminal.installEpoch}-R${String(seq).padStart(6, '0')}`;
        await trx.insertInto('sale_return').values({
          id, return_no: returnNo, return_seq: seq, sale_id: request.kind === 'receipt' ? request.saleId : null, shift_id: shiftId,
          terminal_id: identity.terminal.id, created_at: at, person_id: grant.actorId, approver_id: grant.approverId,
          reason_code: request.reasonCode, note: request.note ?? null, disposition: request.disposition, refund_to: request.refundTo,
          total_minor: totalMinor, currency: identity.store.currency,
        }).execute();
        await trx.insertInto('return_line').values(lines.map((l) => ({
          id: ids.next(), return_id: id, sale_line_id: l.saleLineId, product_id: l.productId, sku: l.sku, name: l.name,
          quantity: l.quantity, amount_minor: l.amountMinor, tax_rate_bp: l.taxRateBp,
        }))).execute();
        if (refunds.length > 0) {
          await trx.insertInto('refund').values(refunds.map((r) => ({
            id: ids.next(), shift_id: shiftId, sale_id: request.kind === 'receipt' ? request.saleId : null, source: 'return' as const,
            source_id: id, tender: r.tender, amount_minor: r.amountMinor, created_at: at,
          }))).execute();
        }
        if (request.refundTo === 'storeCredit' && totalMinor > 0) {
          // Synchronous on the same connection: part of this transaction.
          ledger.issue({ amountMinor: totalMinor, currency: identity.store.currency, refType: 'return', refId: id, at });
        }
        await writeStock(trx, lines, request.disposition, id, at);
        const saleReturn = (await readReturn(trx, id))!;
        await audit.append(trx, {
          action: 'return.completed', actorId: grant.actorId,
          details: {
            returnId: id, returnNo, saleId: saleReturn.saleId, noReceipt: request.kind === 'noReceipt', totalMinor, refundTo: request.refundTo,
            reasonCode: request.reasonCode, approverId: grant.approverId, overrideReason: grant.reasonCode, overrideId: grant.overrideId,
          },
        });
        await appendFact(trx, ids, identity, 'return.completed', at, { shiftId, return: saleReturn });
        tx.onCommit(() => deps.factsWritten());
        return id;
      }, { durability: 'full' });
      return this.get(returnId);
    },

    /** Voids a sale of the open shift with no returns: every tender gets its net back, stock comes back. */
    async voidSale(saleId: string, reasonCode: string): Promise<SaleVoid> {
      const check = async (db: Db) => {
        const openShiftId = await deps.openShiftId();
        const sale = await returnableSale(db, saleId, openShiftId);
        if (!sale) throw new DomainError('NOT_FOUND', 'No sale with that id on this till.');
        if (!sale.voidable) {
          throw new DomainError('SALE_NOT_VOIDABLE', sale.voided ? 'That sale is already voided.' : 'Only a sale of the open shift with nothing returned can be voided: use a return instead.');
        }
        return { sale, shiftId: openShiftId! };
      };
      await check(local.db);
      const grant = await access.authorize('sale.void', { subject: { saleId }, audit: false });
      return local.withTransaction(async (trx, tx) => {
        const { sale, shiftId } = await check(trx);
        const at = clock.now().toISOString();
        const { paid } = await tendersOf(trx, saleId);
        const byTender = new Map<string, number>();
        for (const p of paid) byTender.set(p.tender, (byTender.get(p.tender) ?? 0) + p.amountMinor);
        const refunds = [...byTender].filter(([, amount]) => amount > 0).map(([tender, amount]) => ({ tender, amountMinor: minor(amount) }));
        await trx.insertInto('sale_void').values({ sale_id: saleId, shift_id: shiftId, person_id: grant.actorId, approver_id: grant.approverId, reason_code: reasonCode, created_at: at }).execute();
        if (refunds.length > 0) {
          await trx.insertInto('refund').values(refunds.map((r) => ({
            id: ids.next(), shift_id: shiftId, sale_id: saleId, source: 'void' as const, source_id: saleId, tender: r.tender, amount_minor: r.amountMinor, created_at: at,
          }))).execute();
        }
        await trx.insertInto('stock_movement').values(sale.sale.lines.map((l) => ({
          id: ids.next(), product_id: l.productId, quantity_delta: l.quantity, reason: 'void', ref_id: saleId, created_at: at,
        }))).execute();
        const voided: SaleVoid = { saleId, receiptNo: sale.sale.receiptNo, voidedAt: at, reasonCode, refunds, personId: grant.actorId, approverId: grant.approverId };
        await audit.append(trx, {
          action: 'sale.voided', actorId: grant.actorId,
          details: { saleId, receiptNo: sale.sale.receiptNo, totalMinor: sale.sale.totals.totalMinor, reasonCode, approverId: grant.approverId, overrideReason: grant.reasonCode, overrideId: grant.overrideId },
        });
        await appendFact(trx, ids, identity, 'sale.voided', at, { shiftId, void: voided });
        tx.onCommit(() => deps.factsWritten());
        return voided;
      }, { durability: 'full' });
    },
  };
}

export type ReturnService = ReturnType<typeof createReturnService>;
