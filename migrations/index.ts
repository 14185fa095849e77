import { m0001Initial } from './0001-initial';
import type { Migration } from './migration';

export type { Migration } from './migration';

/**
 * Every migration, in order, registered in code so that a bundled app carries them
 * (no directory scan at run time). Append only.
 */
export const migrations: readonly Migration[] = [m0001Initial];
