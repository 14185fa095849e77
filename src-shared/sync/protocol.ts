import { z } from 'zod';

/**
 * The sync wire protocol between terminals and the sync server (design: ../shared/ARCHITECTURE.md
 * §5). Terminals push facts (immutable events with a terminal-made UUIDv7 `eventId`, which is also
 * the idempotency key); the server hands out reference data as per-stream change logs.
 * Every request and response body is parsed with these schemas on both sides.
 *
 * Authentication: `Authorization: Bearer <credential>` where the credential is the one the
 * terminal received at enrollment. A credential reaches only its own store's streams.
 */
export const PROTOCOL_VERSION = 1;
export const SUPPORTED_PROTOCOL_VERSIONS = [1] as const;

/** Bounds that keep one request cheap for the server and one page cheap to apply on a terminal. */
export const MAX_PUSH_EVENTS = 500;
export const MAX_PUSH_BYTES = 2 * 1024 * 1024;
export const MAX_PULL_LIMIT = 1_000;
export const MAX_WAIT_SECONDS = 25;

const uuid = z.string().uuid();
const isoTime = z.string().datetime({ offset: true });

export const SyncErrorCode = z.enum([
  'UNAUTHENTICATED', // no or unknown credential
  'REVOKED', // the terminal was revoked: refused at once, the terminal keeps selling offline
  'FORBIDDEN', // a stream or terminal of another store
  'UNSUPPORTED_PROTOCOL',
  'INVALID_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'NOT_FOUND', // admin API: no such store, terminal, product …
  'CONFLICT', // admin API: a unique name or code already taken
  'INTERNAL',
]);
export type SyncErrorCode = z.infer<typeof SyncErrorCode>;

/** Every non-2xx answer of the sync and admin APIs. */
export const SyncError = z.object({ error: z.object({ code: SyncErrorCode, message: z.string() }) });
export type SyncError = z.infer<typeof SyncError>;

// --- hello ---------------------------------------------------------------------------------

export const HelloRequest = z.object({
  protocol: z.number().int(),
  terminalId: uuid,
  /** Increases when the terminal is reinstalled or restored from a backup. */
  installEpoch: z.number().int().positive(),
  appVersion: z.string().max(40),
  /** The terminal's clock when it sent this: recorded with the measured offset, never trusted. */
  terminalTime: isoTime,
  /** The highest outbox `seq` the terminal holds (acknowledged or not) in this epoch. */
  lastSeq: z.number().int().nonnegative(),
}).strict();
export type HelloRequest = z.infer<typeof HelloRequest>;

export const HelloResponse = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  serverTime: isoTime,
  /** terminalTime − serverTime in ms as the server measured it; the till warns above a threshold. */
  clockOffsetMs: z.number().int(),
  storeId: uuid,
  /** The highest `seq` the server has committed from this terminal in this epoch. */
  serverLastSeq: z.number().int().nonnegative(),
  /**
   * What the terminal must do:
   * - `ok`: push from serverLastSeq + 1;
   * - `replay`: the server lost events (restored from backup): push again everything after
   *   serverLastSeq, acknowledged or not (the terminal keeps events 30 days after acknowledgement);
   * - `newEpoch`: the server has seen a higher seq in this epoch than the terminal holds, so this
   *   database is an old copy: the terminal must move to a new install epoch before selling on
   *   (its receipt numbers then can never collide) — see `installEpoch`.
   */
  action: z.enum(['ok', 'replay', 'newEpoch']),
  /** The epoch the terminal must use from now on (the same, or a new one for `newEpoch`). */
  installEpoch: z.number().int().positive(),
  /** Another device presents this terminal's identity with diverging history: flagged centrally. */
  cloneSuspected: z.boolean(),
  streams: z.array(z.string()),
});
export type HelloResponse = z.infer<typeof HelloResponse>;

// --- push ----------------------------------------------------------------------------------

/** A fact as written to the terminal's outbox. `payload` is validated per `type` (see ./events). */
export const PushEvent = z.object({
  eventId: uuid,
  /** The terminal's outbox sequence in this epoch: strictly increasing, no gaps. */
  seq: z.number().int().positive(),
  type: z.string().min(1).max(60),
  occurredAt: isoTime,
  payload: z.unknown(),
}).strict();
export type PushEvent = z.infer<typeof PushEvent>;

export const PushRequest = z.object({
  protocol: z.number().int(),
  terminalId: uuid,
  installEpoch: z.number().int().positive(),
  events: z.array(PushEvent).min(1).max(MAX_PUSH_EVENTS),
}).strict();
export type PushRequest = z.infer<typeof PushRequest>;

export const PushResult = z.object({
  eventId: uuid,
  /**
   * `accepted`: stored and projected now; `duplicate`: already stored (a resend), nothing done;
   * `quarantined`: stored but a business rule failed (unknown product, closed shift …): kept for
   * the central office to resolve, acknowledged so it never blocks the queue.
   */
  status: z.enum(['accepted', 'duplicate', 'quarantined']),
  reason: z.string().optional(),
});
export type PushResult = z.infer<typeof PushResult>;

/** Sent only after the batch committed: an acknowledgement means durable on the server. */
export const PushResponse = z.object({
  results: z.array(PushResult),
  serverLastSeq: z.number().int().nonnegative(),
});
export type PushResponse = z.infer<typeof PushResponse>;

// --- pull ----------------------------------------------------------------------------------

/**
 * Streams of reference data and shared facts. `catalog`: products, barcodes, prices, tax rates,
 * categories; `people`: people and roles of the store; `store`: store settings and terminals;
 * `facts`: other terminals' facts of the same store (sales, returns, stock movements), so stock
 * and returns work on any terminal.
 */
export const StreamName = z.enum(['catalog', 'people', 'store', 'facts']);
export type StreamName = z.infer<typeof StreamName>;

export const PullQuery = z.object({
  stream: StreamName,
  /** Opaque; absent for the first page (a new terminal pulls a paged, resumable snapshot). */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(500),
}).strict();
export type PullQuery = z.infer<typeof PullQuery>;

export const Change = z.object({
  /** `product`, `barcode`, `tax_rate`, `category`, `person`, `store`, `terminal`, `event` … */
  entity: z.string().min(1).max(40),
  id: z.string().min(1).max(100),
  op: z.enum(['upsert', 'delete']),
  /** The entity's whole current state for `upsert`; absent for `delete`. */
  data: z.record(z.string(), z.unknown()).optional(),
});
export type Change = z.infer<typeof Change>;

export const PullResponse = z.object({
  stream: StreamName,
  changes: z.array(Change),
  /** Store it with the applied page in one local transaction; send it back for the next page. */
  cursor: z.string(),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponse>;

// --- wait ----------------------------------------------------------------------------------

/** Long-poll: answers as soon as any stream has news past the given cursors, or after `timeout`. */
export const WaitRequest = z.object({
  /** Only the streams the terminal follows (zod 4's `z.record` over an enum would demand all four). */
  cursors: z.partialRecord(StreamName, z.string().max(200)),
  timeoutSeconds: z.number().int().min(1).max(MAX_WAIT_SECONDS).default(MAX_WAIT_SECONDS),
}).strict();
export type WaitRequest = z.infer<typeof WaitRequest>;

export const WaitResponse = z.object({ news: z.array(StreamName) });
export type WaitResponse = z.infer<typeof WaitResponse>;

// --- enrollment ----------------------------------------------------------------------------

export const EnrollRequest = z.object({
  protocol: z.number().int(),
  /** The one-time code the central office made for this store. */
  code: z.string().min(6).max(64),
  terminalName: z.string().min(1).max(60),
  appVersion: z.string().max(40),
}).strict();
export type EnrollRequest = z.infer<typeof EnrollRequest>;

export const EnrollResponse = z.object({
  terminalId: uuid,
  storeId: uuid,
  terminalCode: z.string(),
  installEpoch: z.number().int().positive(),
  /** Shown once; the terminal keeps it in the OS secret store. */
  credential: z.string().min(32),
});
export type EnrollResponse = z.infer<typeof EnrollResponse>;

export const SYNC_PATHS = {
  enroll: '/sync/v1/enroll',
  hello: '/sync/v1/hello',
  push: '/sync/v1/push',
  pull: '/sync/v1/pull',
  wait: '/sync/v1/wait',
} as const;
