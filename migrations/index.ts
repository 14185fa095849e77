import { m0001Initial } from './0001-initial';
import { m0002SyncState } from './0002-sync-state';
import { m0003Printing } from './0003-printing';
import { m0004PeopleCashAudit } from './0004-people-cash-audit';
import { m0005Checkout } from './0005-checkout';
import { m0006SaleJournal } from './0006-sale-journal';
import { m0007PrintJobIndexes } from './0007-print-job-indexes';
import type { Migration } from './migration';

export type { Migration } from './migration';

/**
 * Every migration, in order, registered in code so that a bundled app carries them
 * (no directory scan at run time). Append only.
 */
export const migrations: readonly Migration[] = [m0001Initial, m0002SyncState, m0003Printing, m0004PeopleCashAudit, m0005Checkout, m0006SaleJournal, m0007PrintJobIndexes];
