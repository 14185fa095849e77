import { PROTOCOL_VERSION, StreamName, MAX_PULL_LIMIT, MAX_WAIT_SECONDS, type HelloResponse } from '../../../src-shared/sync/protocol';
import type { LocalStore } from '../db/local-store';
import type { Clock, Logger } from '../deps';
import type { TerminalIdentity } from '../settings/terminal-identity';
import { applyPulledPage } from './apply-page';
import { linkSignals } from './linked-signal';
import { abortableSleep, BACKOFF_BASE_MS, BACKOFF_CAP_MS, fullJitterDelay } from './backoff';
import { startNewEpoch } from './epoch';
import { ACKED_RETENTION_MS, DEFAULT_BATCH_LIMITS, acknowledge, highestSeq, pruneAcknowledged, readPushBatch, unacknowledgeAfter, type BatchLimits } from './outbox';
import { readCursors, readSyncState, updateSyncState } from './sync-state';
import { SyncRequestError, type SyncTransport } from './sync-transport';

/** Codes after which retrying cannot help until someone acts (re-enroll, update the app). */
const PARKING_CODES = new Set(['REVOKED', 'UNAUTHENTICATED', 'FORBIDDEN', 'UNSUPPORTED_PROTOCOL']);
const PRUNE_EVERY_MS = 60 * 60 * 1000;

export interface SyncLoopTuning {
  backoffBaseMs: number;
  backoffCapMs: number;
  batchLimits: BatchLimits;
  pullLimit: number;
  waitSeconds: number;
}

export const DEFAULT_TUNING: SyncLoopTuning = {
  backoffBaseMs: BACKOFF_BASE_MS,
  backoffCapMs: BACKOFF_CAP_MS,
  batchLimits: DEFAULT_BATCH_LIMITS,
  pullLimit: MAX_PULL_LIMIT,
  waitSeconds: MAX_WAIT_SECONDS,
};

export interface SyncLoopDeps {
  local: LocalStore;
  transport: SyncTransport;
  clock: Clock;
  logger: Logger;
  appVersion: string;
  /** The live identity the sale service reads: updated in place on a new epoch or store settings. */
  identity: TerminalIdentity;
  /** Re-reads identity rows into `identity` after a pulled page changed them. */
  refreshIdentity: () => Promise<void>;
  /** Something the till shows changed (online, pending, last error …). */
  onStatus: () => void;
  random?: () => number;
  /** Waits `ms`, resolving early when `signal` aborts. Tests pass one that records the delays. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  tuning?: Partial<SyncLoopTuning>;
}

export interface SyncLoopState {
  running: boolean;
  /** null until the first request settled. */
  online: boolean | null;
  /** REVOKED, UNAUTHENTICATED …: the loop waits for `wake()` (sync.now) instead of retrying. */
  parkedCode: string | null;
  failures: number;
  cloneSuspected: boolean;
}

/**
 * The terminal's replication loop (ARCHITECTURE.md §5). One async task: hello (on start and
 * after every network failure), drain the outbox in bounded batches, pull every stream page by
 * page, then long-poll `wait`. Network work never runs inside a local transaction and every
 * request has a deadline, so a sale never waits for the network; local writes are one short
 * transaction each (an ack, one pulled page). Failures back off with full jitter; `wake()` (a new
 * sale, `sync.now`, a reconnect) cuts any wait short.
 */
export function createSyncLoop(deps: SyncLoopDeps) {
  const { local, transport, clock, logger, identity } = deps;
  const tuning = { ...DEFAULT_TUNING, ...deps.tuning };
  const random = deps.random ?? Math.random;
  const sleep = deps.sleep ?? abortableSleep;

  const state: SyncLoopState = { running: false, online: null, parkedCode: null, failures: 0, cloneSuspected: false };
  let stopController = new AbortController();
  let running: Promise<void> | null = null;
  /** Aborted by wake(): ends the current sleep or long-poll at once. */
  let idleController = new AbortController();
  let woken = false;
  let needHello = true;
  let streams: StreamName[] = [...StreamName.options];
  let batchLimits = { ...tuning.batchLimits };
  let lastPruneAt = 0;

  function wake(): void {
    woken = true;
    idleController.abort();
  }

  /** Sleeps until `ms` passed, wake() or stop(), whichever comes first. */
  async function idle(ms: number): Promise<void> {
    if (woken) return;
    const link = linkSignals([idleController.signal, stopController.signal]);
    try {
      await sleep(ms, link.signal);
    } finally {
      link.dispose();
    }
  }

  /** A request got an answer: the till is online, whatever happens next in this cycle. */
  function reached(): void {
    if (state.online === true) return;
    state.online = true;
    deps.onStatus();
  }

  /** Parked: no timer at all, only wake() (sync.now, a sale) or stop() ends it. */
  async function parked(): Promise<void> {
    if (woken) return;
    const link = linkSignals([idleController.signal, stopController.signal]);
    try {
      if (link.signal.aborted) return;
      await new Promise((resolve) => link.signal.addEventListener('abort', resolve, { once: true }));
    } finally {
      link.dispose();
    }
  }

  async function setError(message: string | null): Promise<void> {
    const now = clock.now().toISOString();
    await updateSyncState(local.db, message === null ? { last_error: null, last_error_at: null } : { last_error: message.slice(0, 500), last_error_at: now });
  }

  async function hello(signal: AbortSignal, again = true): Promise<HelloResponse> {
    const sync = await readSyncState(local.db);
    const terminal = await local.db.selectFrom('terminal').select(['id', 'install_epoch']).where('id', '=', identity.terminal.id).executeTakeFirstOrThrow();
    const response = await transport.hello({
      protocol: PROTOCOL_VERSION,
      terminalId: terminal.id,
      installEpoch: terminal.install_epoch,
      appVersion: deps.appVersion.slice(0, 40),
      terminalTime: clock.now().toISOString(),
      lastSeq: Math.max(0, (await highestSeq(local.db)) - sync.epoch_base_seq),
    }, signal);
    reached();
    state.cloneSuspected = response.cloneSuspected;
    if (response.cloneSuspected) logger.warn('sync server suspects a cloned terminal', { terminalId: terminal.id });
    await updateSyncState(local.db, { clock_offset_ms: response.clockOffsetMs, server_last_seq: response.serverLastSeq, revoked: 0 });
    const known = response.streams.filter((name): name is StreamName => StreamName.safeParse(name).success);
    if (known.length > 0) streams = known;

    if (response.action === 'newEpoch') {
      await moveToNewEpoch(response.installEpoch);
      // Learn the server's high-water mark in the new epoch before pushing (once: never loop).
      return again ? hello(signal, false) : response;
    }
    if (response.action === 'replay') {
      const resent = await unacknowledgeAfter(local, sync.epoch_base_seq + response.serverLastSeq);
      logger.warn('sync server asked for a replay', { serverLastSeq: response.serverLastSeq, resent });
    }
    return response;
  }

  async function moveToNewEpoch(serverEpoch: number): Promise<void> {
    const epoch = await startNewEpoch(local, identity.terminal.id, serverEpoch);
    identity.terminal = { ...identity.terminal, installEpoch: epoch };
    logger.warn('moved to a new install epoch: this database was an older copy', { installEpoch: epoch });
  }

  async function drain(signal: AbortSignal): Promise<void> {
    for (;;) {
      const sync = await readSyncState(local.db);
      const terminal = await local.db.selectFrom('terminal').select('install_epoch').where('id', '=', identity.terminal.id).executeTakeFirstOrThrow();
      const batch = await readPushBatch(local, { terminalId: identity.terminal.id, installEpoch: terminal.install_epoch, epochBaseSeq: sync.epoch_base_seq }, batchLimits);
      if (!batch) return;
      let response;
      try {
        response = await transport.push(batch.body, signal);
      } catch (error) {
        // The server found the batch too big after all (a proxy's lower limit): halve and go on.
        if (error instanceof SyncRequestError && error.code === 'PAYLOAD_TOO_LARGE' && batch.events.length > 1) {
          batchLimits = { maxEvents: Math.max(1, Math.floor(batch.events.length / 2)), maxBytes: Math.max(1, Math.floor(batch.bytes / 2)) };
          continue;
        }
        throw error;
      }
      reached();
      const acked = await acknowledge(local, batch, response.results, clock.now().toISOString());
      await updateSyncState(local.db, { last_sync_at: clock.now().toISOString(), server_last_seq: response.serverLastSeq });
      deps.onStatus();
      if (acked === 0) throw new SyncRequestError('protocol', `push: the server answered for none of the ${batch.events.length} events sent`);
    }
  }

  async function pullStream(stream: StreamName, signal: AbortSignal): Promise<void> {
    let cursor = (await readCursors(local.db)).get(stream)?.cursor;
    for (;;) {
      const page = await transport.pull({ stream, cursor, limit: tuning.pullLimit }, signal);
      reached();
      if (page.stream !== stream) throw new SyncRequestError('protocol', `pull ${stream}: the server answered for ${page.stream}`);
      const outcome = await applyPulledPage(local, page, {
        terminalId: identity.terminal.id, storeId: identity.store.id, currency: identity.store.currency, now: clock.now().toISOString(),
      });
      for (const skipped of outcome.skipped.slice(0, 5)) logger.warn('pulled change skipped', { stream, ...skipped });
      if (outcome.identityChanged) await deps.refreshIdentity();
      deps.onStatus();
      const stuck = page.cursor === cursor && page.changes.length === 0;
      cursor = page.cursor;
      if (!page.hasMore || stuck || signal.aborted) return;
      // A sale rang up during a long pull: push it now, not after the last page.
      if (woken) {
        woken = false;
        await drain(signal);
      }
    }
  }

  async function waitForNews(signal: AbortSignal): Promise<StreamName[] | 'woken'> {
    const cursors = await readCursors(local.db);
    const missing = streams.filter((stream) => !cursors.has(stream));
    if (missing.length > 0) return missing;
    const link = linkSignals([signal, idleController.signal]);
    try {
      const answer = await transport.wait({
        cursors: Object.fromEntries(streams.map((stream) => [stream, cursors.get(stream)!.cursor])) as Record<StreamName, string>,
        timeoutSeconds: tuning.waitSeconds,
      }, link.signal);
      return answer.news;
    } catch (error) {
      if (idleController.signal.aborted || signal.aborted) return 'woken';
      throw error;
    } finally {
      link.dispose();
    }
  }

  async function prune(): Promise<void> {
    const now = clock.now().getTime();
    if (now - lastPruneAt < PRUNE_EVERY_MS) return;
    lastPruneAt = now;
    const removed = await pruneAcknowledged(local, new Date(now - ACKED_RETENTION_MS).toISOString());
    if (removed > 0) logger.info('pruned acknowledged outbox events', { removed });
  }

  async function succeeded(): Promise<void> {
    const changed = state.online !== true || state.failures > 0 || state.parkedCode !== null;
    state.online = true;
    state.failures = 0;
    state.parkedCode = null;
    const sync = await readSyncState(local.db);
    if (sync.last_error !== null) await setError(null);
    await updateSyncState(local.db, { last_sync_at: clock.now().toISOString() });
    if (changed || sync.last_error !== null) deps.onStatus();
  }

  async function failed(error: unknown): Promise<'park' | 'retry'> {
    const requestError = error instanceof SyncRequestError ? error : null;
    const message = error instanceof Error ? error.message : String(error);
    // The error is stored before `online` flips, so a status read in between is never "offline, no reason".
    await setError(requestError?.code ? `${requestError.code}: ${message}` : message);
    if (requestError?.kind === 'network') {
      state.online = false;
      needHello = true; // a reconnect starts with hello
    } else if (requestError) {
      state.online = true;
    }
    state.failures += 1;
    if (requestError?.code && PARKING_CODES.has(requestError.code)) {
      state.parkedCode = requestError.code;
      needHello = true;
      if (requestError.code === 'REVOKED') await updateSyncState(local.db, { revoked: 1 });
      logger.error('sync stopped until someone acts', { code: requestError.code, message });
      deps.onStatus();
      return 'park';
    }
    if (!requestError) logger.error('sync cycle failed', { message, stack: (error as Error | null)?.stack });
    deps.onStatus();
    return 'retry';
  }

  async function run(): Promise<void> {
    const signal = stopController.signal;
    let pull: StreamName[] | 'none' = streams;
    while (!signal.aborted) {
      woken = false;
      try {
        if (needHello) {
          await hello(signal);
          needHello = false;
          pull = streams;
        }
        await drain(signal);
        for (const stream of pull === 'none' ? [] : pull) await pullStream(stream, signal);
        await prune();
        await succeeded();
        if (woken) {
          pull = 'none';
          continue;
        }
        const news = await waitForNews(signal);
        pull = news === 'woken' ? 'none' : news;
      } catch (error) {
        if (signal.aborted) break;
        const next = await failed(error).catch(() => 'retry' as const);
        pull = streams;
        if (next === 'park') await parked();
        else await idle(fullJitterDelay(state.failures - 1, random, tuning.backoffBaseMs, tuning.backoffCapMs));
      }
      if (idleController.signal.aborted) idleController = new AbortController();
    }
  }

  return {
    state: state as Readonly<SyncLoopState>,
    /** Starts the loop; does nothing when it already runs. */
    start(): void {
      if (running) return;
      stopController = new AbortController();
      state.running = true;
      needHello = true;
      running = run().catch((error: unknown) => logger.error('sync loop ended', { message: String(error) })).finally(() => {
        state.running = false;
        running = null;
      });
    },
    /** A new local fact, `sync.now` or a reconnect: push (and retry) now rather than later. */
    wake,
    /** Aborts in-flight requests and waits until no local write of the loop is in progress. */
    async stop(): Promise<void> {
      stopController.abort();
      idleController.abort();
      await running;
    },
  };
}

export type SyncLoop = ReturnType<typeof createSyncLoop>;
