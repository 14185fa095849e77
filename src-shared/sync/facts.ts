import { z } from 'zod';
import { Sale } from '../domain/sale';

/**
 * Payload schemas of the facts a terminal pushes, by event `type`. The server validates each
 * pushed payload with these; an unknown type or a payload that fails is quarantined, never
 * dropped. New fact types (returns, shifts, cash movements, stock counts …) are added here.
 */
export const SaleCompletedFact = z.object({
  storeId: z.string(),
  terminalId: z.string(),
  sale: Sale,
});
export type SaleCompletedFact = z.infer<typeof SaleCompletedFact>;

export const factSchemas = {
  'sale.completed': SaleCompletedFact,
} as const;
export type FactType = keyof typeof factSchemas;
export const isFactType = (type: string): type is FactType => Object.hasOwn(factSchemas, type);
