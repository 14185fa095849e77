import path from 'node:path';
import { DomainError } from '../../../src-shared/contract/domain-error';
import { CLOCK_WARNING_MS, type SyncStatus } from '../../../src-shared/contract/sync-contract';
import { PROTOCOL_VERSION, StreamName, type EnrollResponse } from '../../../src-shared/sync/protocol';
import type { LocalStore } from '../db/local-store';
import type { Clock, Logger } from '../deps';
import type { EventHub } from '../events';
import { loadTerminalIdentity, type TerminalIdentity } from '../settings/terminal-identity';
import { createFileSecretStore } from './file-secret-store';
import { highestSeq, pendingStats } from './outbox';
import type { SecretStore } from './secret-store';
import { createSyncLoop, type SyncLoop, type SyncLoopDeps, type SyncLoopTuning } from './sync-loop';
import { credentialSecretName, readCursors, readSyncState } from './sync-state';
import { createSyncTransport, SyncRequestError, type FetchFn } from './sync-transport';

/** Status events are coalesced: a 100-page catalog pull must not flood the renderer. */
const STATUS_EVENT_DELAY_MS = 150;

export interface SyncServiceDeps {
  local: LocalStore;
  clock: Clock;
  logger: Logger;
  appVersion: string;
  events: EventHub;
  /** The live identity the other services read; enrollment and a new epoch update it in place. */
  identity: TerminalIdentity;
  /** Defaults to `<dataDir>/secrets/` files (file-secret-store.ts); Electron passes safeStorage. */
  secrets?: SecretStore;
  fetch?: FetchFn;
  tuning?: Partial<SyncLoopTuning>;
  /** Loop test seams (see SyncLoopDeps). */
  random?: SyncLoopDeps['random'];
  sleep?: SyncLoopDeps['sleep'];
}

export interface EnrollInput {
  serverUrl: string;
  code: string;
  terminalName: string;
}

/**
 * Enrollment, status and the replication loop's life cycle. The loop exists only while the
 * terminal is enrolled and its credential is readable; hosts call `start()` once the core is up
 * and `stop()` (or `Core.close()`) before closing the database.
 */
export async function createSyncService(deps: SyncServiceDeps) {
  const { local, clock, logger, events, identity } = deps;
  const secrets = deps.secrets ?? createFileSecretStore(path.join(path.dirname(local.file), 'secrets'));
  let loop: SyncLoop | null = null;
  let started = false;
  let credentialProblem: string | null = null;
  let statusTimer: ReturnType<typeof setTimeout> | null = null;

  async function refreshIdentity(): Promise<void> {
    const fresh = await loadTerminalIdentity(local);
    identity.store = fresh.store;
    identity.terminal = fresh.terminal;
  }

  function notify(): void {
    if (statusTimer) return;
    statusTimer = setTimeout(() => {
      statusTimer = null;
      status().then((value) => events.emit('sync.statusChanged', value), (error: unknown) => logger.warn('sync status unavailable', { error: String(error) }));
    }, STATUS_EVENT_DELAY_MS);
  }

  async function buildLoop(): Promise<SyncLoop | null> {
    const state = await readSyncState(local.db);
    if (!state.server_url || !state.credential_ref) return null;
    const credential = await secrets.get(state.credential_ref).catch((error: unknown) => {
      credentialProblem = `The device credential cannot be read (${String(error)}); enroll this terminal again.`;
      return null;
    });
    if (!credential) {
      credentialProblem ??= 'The device credential is missing from this computer; enroll this terminal again.';
      logger.error('sync disabled', { reason: credentialProblem });
      return null;
    }
    credentialProblem = null;
    const transport = createSyncTransport({ serverUrl: state.server_url, credential, fetch: deps.fetch });
    return createSyncLoop({
      local, transport, clock, logger, appVersion: deps.appVersion, identity, refreshIdentity, onStatus: notify,
      tuning: deps.tuning, random: deps.random, sleep: deps.sleep,
    });
  }

  async function status(): Promise<SyncStatus> {
    const state = await readSyncState(local.db);
    const pending = await pendingStats(local);
    const cursors = await readCursors(local.db);
    const { quarantined } = await local.db.selectFrom('sync_quarantine').select((eb) => eb.fn.countAll<number>().as('quarantined')).executeTakeFirstOrThrow();
    const now = clock.now().getTime();
    const offset = state.clock_offset_ms;
    return {
      enrolled: state.server_url !== null && state.credential_ref !== null,
      serverUrl: state.server_url,
      online: loop?.state.online === true,
      revoked: state.revoked === 1,
      pendingCount: pending.count,
      oldestPendingAgeMs: pending.oldestCreatedAt === null ? null : Math.max(0, now - Date.parse(pending.oldestCreatedAt)),
      lastSyncAt: state.last_sync_at,
      lastError: credentialProblem ?? state.last_error,
      clockOffsetMs: offset,
      clockWarning: offset !== null && Math.abs(offset) > CLOCK_WARNING_MS,
      quarantinedCount: Number(quarantined),
      cloneSuspected: loop?.state.cloneSuspected === true,
      catalogCompleteness: StreamName.options.map((stream) => {
        const cursor = cursors.get(stream);
        return { stream, complete: cursor?.complete ?? false, pulled: cursor?.pulled ?? 0 };
      }),
    };
  }

  async function requestEnrollment(input: EnrollInput): Promise<EnrollResponse> {
    const transport = createSyncTransport({ serverUrl: input.serverUrl, fetch: deps.fetch });
    try {
      return await transport.enroll({ protocol: PROTOCOL_VERSION, code: input.code, terminalName: input.terminalName, appVersion: deps.appVersion.slice(0, 40) });
    } catch (error) {
      if (error instanceof SyncRequestError && error.kind === 'http' && error.status !== undefined && error.status < 500) {
        throw new DomainError('ENROLL_REFUSED', `The server refused the enrollment: ${error.message}`);
      }
      throw new DomainError('SERVER_UNREACHABLE', `No usable answer from ${input.serverUrl}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const unsyncedMessage = (count: number) =>
    `This terminal holds ${count} sales or other facts that no sync server has acknowledged (a demo's or another store's). ` +
    'Enrolling would mix them into the new store, so it was refused: start the terminal on a new data directory to enroll it.';

  /**
   * Exchanges a one-time code for this terminal's identity and credential. The credential goes to
   * the secret store, the identity replaces the local store/terminal rows; the demo (or previous)
   * catalog and people are removed, the server's come with the first pull. Refused while any
   * local fact is unacknowledged: those belong to the old identity and must never reach this store.
   */
  async function enroll(input: EnrollInput): Promise<SyncStatus> {
    const before = await pendingStats(local);
    if (before.count > 0) throw new DomainError('UNSYNCED_SALES', unsyncedMessage(before.count));
    const enrolled = await requestEnrollment(input);
    const previous = await readSyncState(local.db);
    await loop?.stop();
    loop = null;
    const secretName = credentialSecretName(enrolled.terminalId);
    await secrets.set(secretName, enrolled.credential);
    try {
      await local.withTransaction(async (trx) => {
        const { count } = await trx.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('count')).where('acked_at', 'is', null).executeTakeFirstOrThrow();
        if (Number(count) > 0) throw new DomainError('UNSYNCED_SALES', unsyncedMessage(Number(count)));
        const oldStore = await trx.selectFrom('store').selectAll().executeTakeFirst();
        const oldTerminal = await trx.selectFrom('terminal').selectAll().executeTakeFirst();
        for (const table of ['cart', 'barcode', 'product', 'category', 'tax_rate', 'person', 'sync_cursor', 'sync_quarantine', 'terminal', 'store'] as const) {
          await trx.deleteFrom(table).execute();
        }
        // Until the `store` stream arrives (seconds), keep the old formats rather than guess.
        await trx.insertInto('store').values({
          id: enrolled.storeId, name: '', locale: oldStore?.locale ?? 'en-GB', currency: oldStore?.currency ?? 'EUR',
          currency_digits: oldStore?.currency_digits ?? 2, time_zone: oldStore?.time_zone ?? 'UTC',
          prices_include_tax: oldStore?.prices_include_tax ?? 1, address: '', receipt_footer: '',
        }).execute();
        // The receipt counter never goes back: a reused terminal code can never repeat a number here.
        await trx.insertInto('terminal').values({
          id: enrolled.terminalId, store_id: enrolled.storeId, code: enrolled.terminalCode, name: input.terminalName,
          install_epoch: enrolled.installEpoch, last_receipt_seq: oldTerminal?.last_receipt_seq ?? 0,
        }).execute();
        for (const [key, value] of [['store_id', enrolled.storeId], ['terminal_id', enrolled.terminalId]] as const) {
          await trx.insertInto('meta').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
        }
        await trx.updateTable('sync_state').set({
          server_url: input.serverUrl, credential_ref: secretName, enrolled_at: clock.now().toISOString(),
          epoch_base_seq: await highestSeq(trx), server_last_seq: null, last_sync_at: null, last_error: null,
          last_error_at: null, clock_offset_ms: null, revoked: 0,
        }).where('id', '=', 1).execute();
      }, { durability: 'full' });
    } catch (error) {
      await secrets.delete(secretName).catch(() => undefined);
      throw error;
    }
    if (previous.credential_ref && previous.credential_ref !== secretName) await secrets.delete(previous.credential_ref).catch(() => undefined);
    await refreshIdentity();
    logger.info('terminal enrolled', { terminalId: enrolled.terminalId, storeId: enrolled.storeId, serverUrl: input.serverUrl });
    loop = await buildLoop();
    if (started) loop?.start();
    notify();
    return status();
  }

  // A committed sale wakes the loop (after commit, never inside the sale's transaction).
  events.on((name) => {
    if (name !== 'sale.completed') return;
    loop?.wake();
    notify();
  });

  loop = await buildLoop();

  return {
    enroll,
    status,
    /** Kicks the loop (also out of a REVOKED/UNAUTHENTICATED pause); `NOT_ENROLLED` without a server. */
    async syncNow(): Promise<SyncStatus> {
      if (!loop) {
        const state = await readSyncState(local.db);
        if (!state.server_url) throw new DomainError('NOT_ENROLLED', 'This terminal is not enrolled with a sync server; enroll it in admin mode first.');
        loop = await buildLoop();
        if (started) loop?.start();
      }
      loop?.wake();
      return status();
    },
    /** A new local fact or a network change: push now. Cheap; safe from any hook. */
    wake(): void {
      loop?.wake();
    },
    /** Hosts: once the core is up. Idempotent; a later enrollment starts its loop too. */
    start(): void {
      started = true;
      loop?.start();
    },
    /** Hosts: before closing the database (Core.close() calls it). */
    async stop(): Promise<void> {
      started = false;
      if (statusTimer) clearTimeout(statusTimer);
      statusTimer = null;
      await loop?.stop();
    },
  };
}

export type SyncService = Awaited<ReturnType<typeof createSyncService>>;
