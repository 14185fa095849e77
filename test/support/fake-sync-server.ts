import {
  PushRequest, type Change, type EnrollRequest, type EnrollResponse, type HelloRequest, type HelloResponse,
  type PullResponse, type PushResponse, type PushResult, type StreamName, type WaitRequest, type WaitResponse,
} from '../../src-shared/sync/protocol';
import type { Handlers } from '../../src-shared/contract';
import type { Sale } from '../../src-shared/domain/sale';
import { SyncRequestError, type SyncTransport } from '../../src-main/core/sync/sync-transport';

/**
 * An in-memory sync server behind the `SyncTransport` interface, for unit tests of the loop. It
 * keeps events by id (a resend is a duplicate), a high-water mark per terminal and epoch, and a
 * change log per stream; knobs make it fail, quarantine or answer partially.
 */
export function createFakeSyncServer(options: { storeId: string; streams?: StreamName[] }) {
  const events = new Map<string, { terminalId: string; epoch: number; seq: number; type: string; payload: unknown }>();
  const highWater = new Map<string, number>();
  const maxEpoch = new Map<string, number>();
  const logs: Record<StreamName, Change[]> = { catalog: [], people: [], store: [], facts: [] };
  const calls: Array<{ op: string; body?: unknown; bytes?: number }> = [];
  const waiters = new Set<() => void>();
  const knobs = {
    /** Errors thrown by the next calls, in order (any op). */
    failures: [] as Error[],
    /** Event types to quarantine. */
    quarantineTypes: new Set<string>(),
    /** Answer only for the first N events of each push (the rest "got lost"). */
    answerOnly: null as number | null,
    /** Force this hello action once. */
    helloAction: null as HelloResponse['action'] | null,
    clockOffsetMs: 0,
    /** Fail every call with this error (a revoked terminal, a dead server). */
    always: null as Error | null,
    /** How long a long-poll with no news lasts at most. */
    waitCapMs: 200,
  };

  const key = (terminalId: string, epoch: number) => `${terminalId}/${epoch}`;
  function gate(op: string, body?: unknown, bytes?: number): void {
    calls.push({ op, body, bytes });
    if (knobs.always) throw knobs.always;
    const failure = knobs.failures.shift();
    if (failure) throw failure;
  }

  const transport: SyncTransport = {
    async enroll(body: EnrollRequest): Promise<EnrollResponse> {
      gate('enroll', body);
      throw new Error('enroll is not part of the fake');
    },
    async hello(body: HelloRequest): Promise<HelloResponse> {
      gate('hello', body);
      const known = highWater.get(key(body.terminalId, body.installEpoch)) ?? 0;
      let action: HelloResponse['action'] = known > body.lastSeq ? 'newEpoch' : 'ok';
      if (knobs.helloAction) {
        action = knobs.helloAction;
        knobs.helloAction = null;
      }
      const top = Math.max(maxEpoch.get(body.terminalId) ?? body.installEpoch, body.installEpoch);
      const installEpoch = action === 'newEpoch' ? top + 1 : body.installEpoch;
      if (action === 'newEpoch') maxEpoch.set(body.terminalId, installEpoch);
      return {
        protocol: 1, serverTime: new Date().toISOString(), clockOffsetMs: knobs.clockOffsetMs, storeId: options.storeId,
        serverLastSeq: action === 'newEpoch' ? 0 : known, action, installEpoch, cloneSuspected: false,
        streams: options.streams ?? ['catalog', 'people', 'store', 'facts'],
      };
    },
    async push(body: string): Promise<PushResponse> {
      const request = PushRequest.parse(JSON.parse(body));
      gate('push', request, Buffer.byteLength(body));
      const results: PushResult[] = [];
      const hw = key(request.terminalId, request.installEpoch);
      maxEpoch.set(request.terminalId, Math.max(maxEpoch.get(request.terminalId) ?? 0, request.installEpoch));
      for (const event of request.events) {
        const duplicate = events.has(event.eventId);
        if (!duplicate) events.set(event.eventId, { terminalId: request.terminalId, epoch: request.installEpoch, seq: event.seq, type: event.type, payload: event.payload });
        highWater.set(hw, Math.max(highWater.get(hw) ?? 0, event.seq));
        const quarantined = !duplicate && knobs.quarantineTypes.has(event.type);
        results.push({ eventId: event.eventId, status: duplicate ? 'duplicate' : quarantined ? 'quarantined' : 'accepted', ...(quarantined ? { reason: 'unknown product' } : {}) });
      }
      return { results: knobs.answerOnly === null ? results : results.slice(0, knobs.answerOnly), serverLastSeq: highWater.get(hw) ?? 0 };
    },
    async pull(query: { stream: StreamName; cursor?: string; limit?: number }): Promise<PullResponse> {
      gate('pull', query);
      const from = query.cursor ? Number(query.cursor) : 0;
      const limit = query.limit ?? 500;
      const changes = logs[query.stream].slice(from, from + limit);
      const next = from + changes.length;
      return { stream: query.stream, changes, cursor: String(next), hasMore: next < logs[query.stream].length };
    },
    async wait(body: WaitRequest, signal?: AbortSignal): Promise<WaitResponse> {
      gate('wait', body);
      const news = () => (Object.keys(logs) as StreamName[]).filter((stream) => Number(body.cursors[stream] ?? 0) < logs[stream].length);
      if (news().length > 0) return { news: news() };
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(done, Math.min(body.timeoutSeconds * 1000, knobs.waitCapMs));
        function done() {
          clearTimeout(timer);
          waiters.delete(done);
          if (signal?.aborted) reject(new SyncRequestError('network', 'aborted'));
          else resolve();
        }
        waiters.add(done);
        signal?.addEventListener('abort', done, { once: true });
      });
      return { news: news() };
    },
  };

  return {
    transport,
    events,
    calls,
    knobs,
    highWater: (terminalId: string, epoch: number) => highWater.get(key(terminalId, epoch)) ?? 0,
    /** As if events up to `seq` had arrived from a copy of the terminal this test no longer has. */
    setHighWater: (terminalId: string, epoch: number, seq: number) => highWater.set(key(terminalId, epoch), seq),
    /** A server restored from an old backup: forgets events above `seq` of that terminal and epoch. */
    forgetAbove(terminalId: string, epoch: number, seq: number): void {
      for (const [id, event] of events) if (event.terminalId === terminalId && event.epoch === epoch && event.seq > seq) events.delete(id);
      highWater.set(key(terminalId, epoch), seq);
    },
    /** Appends changes to a stream and wakes long-polls. */
    publish(stream: StreamName, ...changes: Change[]): void {
      logs[stream].push(...changes);
      for (const wake of [...waiters]) wake();
    },
    pushes: () => calls.filter((call) => call.op === 'push').map((call) => call.body as PushRequest),
  };
}

export type FakeSyncServer = ReturnType<typeof createFakeSyncServer>;

export const networkDown = () => new SyncRequestError('network', 'connect ECONNREFUSED 127.0.0.1:9');
export const serverError = () => new SyncRequestError('http', 'push: 503 INTERNAL database unavailable', 503, 'INTERNAL');
export const revoked = () => new SyncRequestError('http', 'hello: 403 REVOKED terminal revoked', 403, 'REVOKED');

/** Polls `check` until it returns true (or throws after `timeoutMs`). */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Rings up `barcodes` on a core and pays the exact total in cash. */
export async function sell(handlers: Handlers, ...barcodes: string[]): Promise<Sale> {
  let cart = await handlers['cart.get']({});
  for (const barcode of barcodes) cart = await handlers['cart.scan']({ barcode });
  return handlers['sale.complete']({ cartId: cart.id, payments: [{ tender: 'cash', amountMinor: cart.totals.totalMinor }] });
}
