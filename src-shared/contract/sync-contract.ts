import { z } from 'zod';
import { StreamName } from '../sync/protocol';
import { id, none } from './common';

/** A clock further off than this shows a warning on the till; it never stops sync (ARCHITECTURE.md §5). */
export const CLOCK_WARNING_MS = 2 * 60 * 1000;

export const StreamCompleteness = z.object({
  stream: StreamName,
  /** The last page pulled said there was no more: the local copy is whole (as of that page). */
  complete: z.boolean(),
  /** Changes applied from this stream so far. */
  pulled: z.number().int().nonnegative(),
});
export type StreamCompleteness = z.infer<typeof StreamCompleteness>;

/** What the till shows about sync: online, how much waits to go up, and why it might not. */
export const SyncStatus = z.object({
  enrolled: z.boolean(),
  serverUrl: z.string().nullable(),
  /** The last request reached the server (false while offline or before the first answer). */
  online: z.boolean(),
  /** The server refused this terminal's credential as revoked: it keeps selling offline. */
  revoked: z.boolean(),
  /** Facts (sales …) not yet acknowledged by the server. */
  pendingCount: z.number().int().nonnegative(),
  oldestPendingAgeMs: z.number().int().nonnegative().nullable(),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** Terminal clock − server clock, as the server measured it at the last hello. */
  clockOffsetMs: z.number().int().nullable(),
  /** |clockOffsetMs| > CLOCK_WARNING_MS. */
  clockWarning: z.boolean(),
  /** Events the server stored but set aside for the central office (unknown product …). */
  quarantinedCount: z.number().int().nonnegative(),
  cloneSuspected: z.boolean(),
  /** Per pulled stream; `catalog` tells how complete the local catalog is. */
  catalogCompleteness: z.array(StreamCompleteness),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const syncContract = {
  /**
   * Enrolls this terminal with a sync server using a one-time code from the central office
   * (admin mode). Replaces a demo identity only when it has no unsynced sales (`UNSYNCED_SALES`
   * otherwise); `ENROLL_REFUSED` for a wrong or used code; `SERVER_UNREACHABLE` when offline.
   */
  'sync.enroll': {
    input: z.object({
      serverUrl: z.url({ protocol: /^https?$/, error: 'serverUrl must be an http:// or https:// address' }).max(300),
      code: z.string().trim().min(6).max(64).regex(/^[A-Za-z0-9 -]+$/, 'code may hold letters, digits, spaces and - only'),
      terminalName: z.string().trim().min(1).max(60),
    }).strict(),
    output: SyncStatus,
  },
  /** Online/offline, pending count and age, last sync, last error, clock warning. Cheap. */
  'sync.status': { input: none, output: SyncStatus },
  /** Syncs now instead of at the next retry; `NOT_ENROLLED` on a terminal without a server. */
  'sync.now': { input: none, output: SyncStatus },
  /**
   * On-hand stock of a product on this terminal: the sum of its stock movements, local and
   * pulled from the store's other terminals — never a synced counter. May be negative.
   */
  'stock.level': {
    input: z.object({ productId: id }).strict(),
    output: z.object({ productId: z.string(), onHand: z.number().int(), movements: z.number().int().nonnegative() }),
  },
} as const;
