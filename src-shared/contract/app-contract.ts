import { z } from 'zod';
import { StoreInfo, TerminalInfo } from '../domain/store';
import { none } from './common';

export const appContract = {
  /** Who and where this terminal is, plus how much of the catalog it holds. Cheap; call at boot. */
  'app.info': {
    input: none,
    output: z.object({
      version: z.string(),
      store: StoreInfo,
      terminal: TerminalInfo,
      catalog: z.object({ products: z.number().int() }),
    }),
  },
} as const;
