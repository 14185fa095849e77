import type { HandlerSlice } from '../../../src-shared/contract';
import type { LocalStore } from '../db/local-store';
import { stockLevel } from './stock-level';
import type { SyncService } from './sync-service';

type SyncMethods = 'sync.enroll' | 'sync.status' | 'sync.now' | 'stock.level';

export const syncHandlers = (sync: SyncService, local: LocalStore): HandlerSlice<SyncMethods> => ({
  'sync.enroll': (input) => sync.enroll(input),
  'sync.status': () => sync.status(),
  'sync.now': () => sync.syncNow(),
  'stock.level': ({ productId }) => stockLevel(local.db, productId),
});
