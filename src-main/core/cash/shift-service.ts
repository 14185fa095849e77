import { sql } from 'kysely';
import { DomainError } from '../../../src-shared/contract';
import { countTotal, UnknownDenominationError, type CashCount } from '../../../src-shared/cash/denominations';
import { closeShift, shiftTotals } from '../../../src-shared/cash/shift-close';
import type { CashMovement, CashMovementKind, ReportSummary, Shift, ShiftReport } from '../../../src-shared/domain/shift';
import { minor } from '../../../src-shared/money';
import type { AuditLog } from '../audit/audit-log';
import { appendFact } from '../audit/facts';
import type { Db } from '../catalog/catalog-service';
import type { LocalStore } from '../db/local-store';
import type { Database } from '../db/schema';
import type { Clock, IdGenerator } from '../deps';
import type { Access } from '../people/access';
import type { TerminalIdentity } from '../settings/terminal-identity';
import type { SettingsStore } from '../settings/control-settings';
import { nextNumber } from './counter';
import { loadShiftFacts } from './shift-facts';
import { buildShiftReport, reportDocument } from './shift-report';

export interface ShiftServiceDeps {
  local: LocalStore;
  clock: Clock;
  ids: IdGenerator;
  identity: TerminalIdentity;
  audit: AuditLog;
  access: Access;
  settings: SettingsStore;
  /** Lines in the cart in progress: a shift never closes under a sale being rung up. */
  cartLineCount(): Promise<number>;
  /** Queues a report document on the receipt printer; false when there is none (printing seam). */
  printReport?(job: { title: string; document: string }): Promise<boolean>;
  /** Wakes the sync loop after a fact committed. */
  factsWritten(): void;
}

type ShiftRow = Database['shift'];

const countOrRefuse = (currency: string, count: CashCount): number => {
  try {
    return countTotal(currency, count);
  } catch (error) {
    if (error instanceof UnknownDenominationError) throw new DomainError('COUNT_INVALID', error.message);
    throw error;
  }
};

/**
 * Shifts, the cash in the drawer and the X/Z reports. Every figure comes from the pure
 * computation over the shift's facts, inside the transaction that acts on it, so a pay-out check
 * and a close see exactly what is committed. Works with no network at all.
 */
export function createShiftService(deps: ShiftServiceDeps) {
  const { local, clock, ids, identity, audit, access, settings } = deps;
  let openCache: ShiftRow | null | undefined;

  const openShiftIn = (db: Db) => db.selectFrom('shift').selectAll().where('closed_at', 'is', null).executeTakeFirst();

  async function openShift(): Promise<ShiftRow | null> {
    if (openCache === undefined) openCache = (await openShiftIn(local.db)) ?? null;
    return openCache;
  }

  async function nameOf(db: Db, personId: string | null): Promise<string | null> {
    if (!personId) return null;
    return (await db.selectFrom('person').select('name').where('id', '=', personId).executeTakeFirst())?.name ?? null;
  }

  async function toShift(db: Db, row: ShiftRow): Promise<Shift> {
    const name = await nameOf(db, row.opened_by);
    return {
      id: row.id, currency: row.currency, openedAt: row.opened_at, openedBy: row.opened_by && name ? { id: row.opened_by, name } : null,
      floatMinor: minor(row.float_minor), floatCount: JSON.parse(row.float_count_json) as CashCount, closedAt: row.closed_at,
    };
  }

  const toMovement = (row: Database['cash_movement']): CashMovement => ({
    id: row.id, shiftId: row.shift_id, kind: row.kind, amountMinor: minor(row.amount_minor), reasonCode: row.reason_code,
    note: row.note, personId: row.person_id, approverId: row.approver_id, createdAt: row.created_at,
  });

  async function requireOpen(db: Db): Promise<ShiftRow> {
    const row = await openShiftIn(db);
    if (!row) throw new DomainError('SHIFT_CLOSED', 'No shift is open on this till: open one with a counted float first.');
    return row;
  }

  async function report(db: Db, shift: ShiftRow, kind: 'X' | 'Z', number: number, id: string, extra: { closedBy?: string | null; approvedBy?: string | null; close?: Parameters<typeof buildShiftReport>[0]['close'] }): Promise<ShiftReport> {
    const facts = await loadShiftFacts(db, shift.id);
    const movements = await db.selectFrom('cash_movement').selectAll().where('shift_id', '=', shift.id).orderBy('created_at').orderBy('id').execute();
    return buildShiftReport({
      id, kind, number, createdAt: clock.now().toISOString(), storeName: identity.store.name, terminalCode: identity.terminal.code,
      currency: shift.currency, shift: { id: shift.id, openedAt: shift.opened_at },
      names: { openedBy: await nameOf(db, shift.opened_by), closedBy: await nameOf(db, extra.closedBy ?? null), approvedBy: await nameOf(db, extra.approvedBy ?? null) },
      totals: shiftTotals(facts), returnsCount: facts.returnsCount, voidsCount: facts.voidsCount, movements: movements.map(toMovement),
      close: extra.close ?? null,
    });
  }

  return {
    /** The open shift's id, or null (sales record it in their seal). */
    openShiftId: async (): Promise<string | null> => (await openShift())?.id ?? null,

    /** The gate's check for `sale` methods: `SHIFT_CLOSED` when the store requires a shift and none is open. */
    async requireOpenShift(): Promise<void> {
      if (!(await settings.get()).requireShift) return;
      if (!(await openShift())) throw new DomainError('SHIFT_CLOSED', 'No shift is open on this till: open one with a counted float before selling.');
    },

    async current(): Promise<Shift | null> {
      const row = await openShift();
      return row ? toShift(local.db, row) : null;
    },

    async open(floatCount: CashCount): Promise<Shift> {
      const actor = await access.requireSession();
      const currency = identity.store.currency;
      const floatMinor = countOrRefuse(currency, floatCount);
      const shift = await local.withTransaction(async (trx, tx) => {
        if (await openShiftIn(trx)) throw new DomainError('SHIFT_ALREADY_OPEN', 'A shift is already open on this till: close it before opening another.');
        const at = clock.now().toISOString();
        const row: ShiftRow = {
          id: ids.next(), terminal_id: identity.terminal.id, currency, opened_at: at, opened_by: actor?.person.id ?? null,
          float_minor: floatMinor, float_count_json: JSON.stringify(floatCount), closed_at: null, closed_by: null, approved_by: null, close_json: null,
        };
        await trx.insertInto('shift').values(row).execute();
        const shift = await toShift(trx, row);
        await audit.append(trx, { action: 'shift.opened', actorId: actor?.person.id ?? null, details: { shiftId: row.id, floatMinor } });
        await appendFact(trx, ids, identity, 'shift.opened', at, { shift });
        tx.onCommit(() => { openCache = row; deps.factsWritten(); });
        return shift;
      });
      return shift;
    },

    /**
     * A pay-in, pay-out or drop. Pay-ins and pay-outs need `cash.payInOut` (an override is bound
     * to the kind and amount). A pay-out or drop larger than the cash the drawer should hold is
     * refused before anything is asked or written.
     */
    async move(kind: CashMovementKind, input: { amountMinor: number; reasonCode: string; note?: string }): Promise<CashMovement> {
      const drawer = async (db: Db, shiftId: string) => shiftTotals(await loadShiftFacts(db, shiftId)).cash.expectedMinor;
      const refuseIfShort = (available: number) => {
        if (kind !== 'payIn' && input.amountMinor > available) {
          throw new DomainError('PAYOUT_EXCEEDS_DRAWER', `The drawer should hold ${available} (minor units) of cash; a ${kind === 'drop' ? 'drop' : 'pay-out'} of ${input.amountMinor} is more than that. Nothing was recorded.`, { availableMinor: available });
        }
      };
      const shift = await requireOpen(local.db);
      refuseIfShort(await drawer(local.db, shift.id));
      const grant = kind === 'drop'
        ? { actorId: (await access.requireSession())?.person.id ?? null, approverId: null, reasonCode: null, overrideId: null }
        : await access.authorize('cash.payInOut', { subject: { kind, amountMinor: input.amountMinor }, audit: false });
      return local.withTransaction(async (trx, tx) => {
        const current = await requireOpen(trx);
        refuseIfShort(await drawer(trx, current.id));
        const at = clock.now().toISOString();
        const row: Database['cash_movement'] = {
          id: ids.next(), shift_id: current.id, kind, amount_minor: input.amountMinor, reason_code: input.reasonCode, note: input.note ?? null,
          person_id: grant.actorId, approver_id: grant.approverId, created_at: at,
        };
        await trx.insertInto('cash_movement').values(row).execute();
        const movement = toMovement(row);
        await audit.append(trx, {
          action: `cash.${kind}`, actorId: grant.actorId,
          details: { movementId: row.id, shiftId: current.id, amountMinor: input.amountMinor, reasonCode: input.reasonCode, note: input.note ?? null, approverId: grant.approverId, overrideReason: grant.reasonCode, overrideId: grant.overrideId },
        });
        await appendFact(trx, ids, identity, 'cash.moved', at, { movement });
        tx.onCommit(() => deps.factsWritten());
        return movement;
      });
    },

    async xReport(): Promise<ShiftReport> {
      const actor = await access.requireSession();
      return local.withTransaction(async (trx) => {
        const shift = await requireOpen(trx);
        const number = await nextNumber(trx, 'report.X');
        const built = await report(trx, shift, 'X', number, ids.next(), {});
        await trx.insertInto('shift_report').values({ id: built.id, shift_id: shift.id, kind: 'X', number, created_at: built.createdAt, person_id: actor?.person.id ?? null, report_json: JSON.stringify(built) }).execute();
        await audit.append(trx, { action: 'shift.xReport', actorId: actor?.person.id ?? null, details: { shiftId: shift.id, reportId: built.id, number, expectedCashMinor: built.cash.expectedMinor } });
        return built;
      });
    },

    /**
     * Closes the open shift with a blind count. Needs `shift.close`, or `shift.approveVariance`
     * when a tender is off by more than the threshold (the approval is bound to the shift and the
     * size of the variance, so a recount needs a new one). `CART_NOT_EMPTY` with a sale in progress.
     */
    async close(input: { cash: CashCount; otherTenders: Array<{ tender: string; amountMinor: number }> }): Promise<ShiftReport> {
      const shift = await requireOpen(local.db);
      if ((await deps.cartLineCount()) > 0) {
        throw new DomainError('CART_NOT_EMPTY', 'A sale is in progress on this till: complete, park or clear it before closing the shift. Nothing was closed.');
      }
      const countedCash = countOrRefuse(shift.currency, input.cash);
      const counted = [{ tender: 'cash', amountMinor: countedCash }, ...input.otherTenders.filter((t) => t.tender !== 'cash')];
      if (input.otherTenders.some((t) => t.tender === 'cash')) throw new DomainError('COUNT_INVALID', 'Cash is counted by denomination, not as another tender.');
      const { varianceThresholdMinor } = await settings.get();
      const preview = closeShift(await loadShiftFacts(local.db, shift.id), counted, varianceThresholdMinor);
      const grant = preview.needsApproval
        ? await access.authorize('shift.approveVariance', { subject: { shiftId: shift.id, varianceMinor: preview.maxAbsVarianceMinor }, audit: false })
        : await access.authorize('shift.close', { subject: { shiftId: shift.id }, audit: false });
      const built = await local.withTransaction(async (trx, tx) => {
        const current = await requireOpen(trx);
        if (current.id !== shift.id) throw new DomainError('SHIFT_CLOSED', 'The shift changed while counting: count again.');
        const result = closeShift(await loadShiftFacts(trx, shift.id), counted, varianceThresholdMinor);
        if (result.needsApproval !== preview.needsApproval || (result.needsApproval && result.maxAbsVarianceMinor !== preview.maxAbsVarianceMinor)) {
          throw new DomainError('COUNT_INVALID', 'Sales or cash moved while the count was checked: count again.');
        }
        const number = await nextNumber(trx, 'report.Z');
        const at = clock.now().toISOString();
        const approverId = grant.approverId ?? (result.needsApproval ? grant.actorId : null);
        const z = await report(trx, shift, 'Z', number, ids.next(), {
          closedBy: grant.actorId, approvedBy: approverId, close: { result, cashCount: input.cash, thresholdMinor: varianceThresholdMinor },
        });
        await trx.updateTable('shift').set({ closed_at: at, closed_by: grant.actorId, approved_by: approverId, close_json: JSON.stringify(z.close) })
          .where('id', '=', shift.id).execute();
        await trx.insertInto('shift_report').values({ id: z.id, shift_id: shift.id, kind: 'Z', number, created_at: z.createdAt, person_id: grant.actorId, report_json: JSON.stringify(z) }).execute();
        await audit.append(trx, {
          action: 'shift.closed', actorId: grant.actorId,
          details: {
            shiftId: shift.id, reportId: z.id, zNumber: number, lines: result.lines.map((l) => ({ ...l })),
            approverId, overrideReason: grant.reasonCode, overrideId: grant.overrideId,
          },
        });
        await appendFact(trx, ids, identity, 'shift.closed', at, { shiftId: shift.id, report: z });
        tx.onCommit(() => { openCache = null; deps.factsWritten(); });
        return z;
      });
      return built;
    },

    async getReport(reportId: string): Promise<ShiftReport> {
      const row = await local.db.selectFrom('shift_report').select('report_json').where('id', '=', reportId).executeTakeFirst();
      if (!row) throw new DomainError('NOT_FOUND', 'No report with that id on this till.');
      return JSON.parse(row.report_json) as ShiftReport;
    },

    async listReports(limit: number): Promise<ReportSummary[]> {
      const rows = await local.db.selectFrom('shift_report').select(['id', 'kind', 'number', 'shift_id', 'created_at'])
        .orderBy('created_at', 'desc').orderBy(sql`rowid`, 'desc').limit(limit).execute();
      return rows.map((r) => ({ id: r.id, kind: r.kind, number: r.number, shiftId: r.shift_id, createdAt: r.created_at }));
    },

    async printReport(reportId: string): Promise<{ queued: boolean }> {
      const built = await this.getReport(reportId);
      if (!deps.printReport) return { queued: false };
      const queued = await deps.printReport({ title: `${built.kind} report ${built.number}`, document: reportDocument(built, identity.store) });
      return { queued };
    },
  };
}

export type ShiftService = ReturnType<typeof createShiftService>;
