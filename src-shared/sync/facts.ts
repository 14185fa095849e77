import { z } from 'zod';
import { Sale } from '../domain/sale';
import { AuditEntry } from '../domain/audit';
import { SaleReturn, SaleVoid } from '../domain/returns';
import { CashMovement, Shift, ShiftReport } from '../domain/shift';

/**
 * Payload schemas of the facts a terminal pushes, by event `type`. The server validates each
 * pushed payload with these; an unknown type or a payload that fails is quarantined, never
 * dropped. New fact types (returns, shifts, cash movements, stock counts …) are added here.
 */
/** A sale's link in the terminal's sale chain (src-main/core/audit/sale-chain.ts). */
export const SaleSeal = z.object({
  seq: z.number().int().positive(),
  shiftId: z.string().nullable(),
  cashierId: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type SaleSeal = z.infer<typeof SaleSeal>;

export const SaleCompletedFact = z.object({
  storeId: z.string(),
  terminalId: z.string(),
  sale: Sale,
  /** Added in the sale's transaction by the sale chain (issue 4); absent from older terminals. */
  seal: SaleSeal.optional(),
});
export type SaleCompletedFact = z.infer<typeof SaleCompletedFact>;

const terminalFact = { storeId: z.string(), terminalId: z.string() };

/** Issue 4: people, cash and control. Each is written in the same transaction as its change. */
export const AuditRecordedFact = z.object({ ...terminalFact, entry: AuditEntry });
export const ShiftOpenedFact = z.object({ ...terminalFact, shift: Shift });
/** The close with its Z report: the centre reconciles with the same numbers, whenever it arrives. */
export const ShiftClosedFact = z.object({ ...terminalFact, shiftId: z.string(), report: ShiftReport });
export const CashMovedFact = z.object({ ...terminalFact, movement: CashMovement });
export const ReturnCompletedFact = z.object({ ...terminalFact, shiftId: z.string().nullable(), return: SaleReturn });
export const SaleVoidedFact = z.object({ ...terminalFact, shiftId: z.string(), void: SaleVoid });
/** A sale's chain link on its own, when it could not ride in the sale's `sale.completed` fact. */
export const SaleSealedFact = z.object({ ...terminalFact, saleId: z.string(), ...SaleSeal.shape });

export const factSchemas = {
  'sale.completed': SaleCompletedFact,
  'audit.recorded': AuditRecordedFact,
  'shift.opened': ShiftOpenedFact,
  'shift.closed': ShiftClosedFact,
  'cash.moved': CashMovedFact,
  'return.completed': ReturnCompletedFact,
  'sale.voided': SaleVoidedFact,
  'sale.sealed': SaleSealedFact,
} as const;
export type FactType = keyof typeof factSchemas;
export const isFactType = (type: string): type is FactType => Object.hasOwn(factSchemas, type);
