import { z } from 'zod';
import { CashCount } from '../cash/denominations';
import { ReasonCode } from '../domain/settings';
import { CashMovement, ReportSummary, Shift, ShiftReport } from '../domain/shift';
import { Minor } from '../money';
import { id, none } from './common';
import { OverrideToken } from './people-contract';

const amount = Minor.refine((v) => v > 0 && v <= 100_000_00, 'amount must be positive and at most 100,000.00');
const movement = z.object({
  amountMinor: amount, reasonCode: ReasonCode, note: z.string().trim().max(200).optional(), overrideToken: OverrideToken.optional(),
}).strict();

/**
 * Shifts and cash (issue 4). Sales need an open shift when the store setting `requireShift` is on
 * (`SHIFT_CLOSED`). The close is a pure computation over the shift's facts
 * (src-shared/cash/shift-close.ts) and works offline.
 */
export const cashContract = {
  /** The open shift of this terminal, or null. */
  'shift.current': { input: none, output: Shift.nullable() },
  /** Opens a shift with a float counted by denomination of the store's currency. `SHIFT_ALREADY_OPEN` otherwise. */
  'shift.open': { input: z.object({ floatCount: CashCount }).strict(), output: Shift },
  /** Cash put into the drawer (`cash.payInOut`). */
  'cash.payIn': { input: movement, output: CashMovement },
  /** Cash taken out for a payment (`cash.payInOut`); never more than the drawer holds (`PAYOUT_EXCEEDS_DRAWER`). */
  'cash.payOut': { input: movement, output: CashMovement },
  /** Cash taken to the safe; never more than the drawer holds (`PAYOUT_EXCEEDS_DRAWER`). */
  'cash.drop': { input: movement, output: CashMovement },
  /** An X report of the open shift: numbered, recorded, the shift stays open. */
  'shift.xReport': { input: none, output: ShiftReport },
  /**
   * Closes the shift with a blind count: cash by denomination, other tenders as amounts.
   * Returns the Z report (expected vs counted, variance per tender). `CART_NOT_EMPTY` with a cart
   * in progress; a variance above `varianceThresholdMinor` needs `shift.approveVariance`.
   */
  'shift.close': {
    input: z.object({
      cash: CashCount,
      otherTenders: z.array(z.object({ tender: z.string().trim().min(1).max(20).regex(/^[a-zA-Z]+$/), amountMinor: Minor.refine((v) => v >= 0 && v <= 100_000_000_00) }).strict()).max(10).default([]),
      overrideToken: OverrideToken.optional(),
    }).strict(),
    output: ShiftReport,
  },
  /** A report again, for the screen or the printer. */
  'reports.get': { input: z.object({ reportId: id }).strict(), output: ShiftReport },
  /** The latest X and Z reports of this terminal, newest first (`reports`). */
  'reports.list': { input: z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict(), output: z.array(ReportSummary) },
  /** Queues a report on the receipt printer. `{ queued: false }` when no printer (or no report printing) is set up. */
  'reports.print': { input: z.object({ reportId: id }).strict(), output: z.object({ queued: z.boolean() }) },
} as const;
