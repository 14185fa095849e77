import { z } from 'zod';
import { ProductSummary } from '../domain/catalog';

export const catalogContract = {
  /** Ranked product search by name prefix, SKU or barcode (FTS5; never scans the catalog). */
  'catalog.search': {
    input: z.object({ query: z.string().trim().min(1).max(100), limit: z.number().int().min(1).max(50).default(20) }).strict(),
    output: z.array(ProductSummary),
  },
} as const;
