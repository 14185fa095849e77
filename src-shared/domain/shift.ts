import { z } from 'zod';
import { CashCount } from '../cash/denominations';
import { Minor } from '../money';
import { SignInChoice } from './people';

export const CashMovementKind = z.enum(['payIn', 'payOut', 'drop']);
export type CashMovementKind = z.infer<typeof CashMovementKind>;

export const CashMovement = z.object({
  id: z.string(),
  shiftId: z.string(),
  kind: CashMovementKind,
  amountMinor: Minor,
  reasonCode: z.string(),
  note: z.string().nullable(),
  personId: z.string().nullable(),
  approverId: z.string().nullable(),
  createdAt: z.string(),
});
export type CashMovement = z.infer<typeof CashMovement>;

export const Shift = z.object({
  id: z.string(),
  currency: z.string(),
  openedAt: z.string(),
  openedBy: SignInChoice.nullable(),
  floatMinor: Minor,
  floatCount: CashCount,
  closedAt: z.string().nullable(),
});
export type Shift = z.infer<typeof Shift>;

export const CashSummary = z.object({
  floatMinor: Minor,
  cashSalesMinor: Minor,
  cashRefundsMinor: Minor,
  payInsMinor: Minor,
  payOutsMinor: Minor,
  dropsMinor: Minor,
  expectedMinor: Minor,
});
export type CashSummary = z.infer<typeof CashSummary>;

export const TenderSummary = z.object({ tender: z.string(), salesMinor: Minor, refundsMinor: Minor, expectedMinor: Minor });
export const CloseLine = z.object({ tender: z.string(), expectedMinor: Minor, countedMinor: Minor, varianceMinor: Minor });
export type CloseLine = z.infer<typeof CloseLine>;

/**
 * An X report (a snapshot at any time, shift stays open) or a Z report (the close). Numbers are
 * gap-free per terminal, one sequence per kind. The same data feeds the screen and the printer.
 */
export const ShiftReport = z.object({
  id: z.string(),
  kind: z.enum(['X', 'Z']),
  number: z.number().int().positive(),
  createdAt: z.string(),
  storeName: z.string(),
  terminalCode: z.string(),
  currency: z.string(),
  shiftId: z.string(),
  openedAt: z.string(),
  openedBy: z.string().nullable(),
  closedBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  salesCount: z.number().int(),
  salesTotalMinor: Minor,
  returnsCount: z.number().int(),
  voidsCount: z.number().int(),
  cash: CashSummary,
  tenders: z.array(TenderSummary),
  movements: z.array(CashMovement),
  close: z.object({
    lines: z.array(CloseLine),
    cashCount: CashCount,
    maxAbsVarianceMinor: Minor,
    thresholdMinor: Minor,
  }).nullable(),
});
export type ShiftReport = z.infer<typeof ShiftReport>;

export const ReportSummary = z.object({ id: z.string(), kind: z.enum(['X', 'Z']), number: z.number().int(), shiftId: z.string(), createdAt: z.string() });
export type ReportSummary = z.infer<typeof ReportSummary>;
