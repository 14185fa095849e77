import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PUSH_BYTES, MAX_PUSH_EVENTS } from '../../../src-shared/sync/protocol';
import { newId } from '../../../src-shared/id';
import { DEMO_BARCODES } from '../demo/seed-demo-store';
import { silentLogger } from '../deps';
import { loadTerminalIdentity, type TerminalIdentity } from '../settings/terminal-identity';
import { demoCore, type CoreFixture } from '../../../test/support/core-fixture';
import { createFakeSyncServer, networkDown, revoked, sell, serverError, until, type FakeSyncServer } from '../../../test/support/fake-sync-server';
import { createSyncLoop, type SyncLoop, type SyncLoopTuning } from './sync-loop';

let fx: CoreFixture;
let identity: TerminalIdentity;
let server: FakeSyncServer;
let loop: SyncLoop | null;
let delays: number[];

beforeEach(async () => {
  fx = await demoCore();
  identity = await loadTerminalIdentity(fx.local);
  server = createFakeSyncServer({ storeId: identity.store.id });
  delays = [];
  loop = null;
});

afterEach(async () => {
  await loop?.stop();
  await fx.dispose();
});

function startLoop(options: { random?: () => number; tuning?: Partial<SyncLoopTuning> } = {}): SyncLoop {
  loop = createSyncLoop({
    local: fx.local, transport: server.transport, clock: fx.clock, logger: silentLogger, appVersion: '0.0.0-test', identity,
    refreshIdentity: async () => {
      const fresh = await loadTerminalIdentity(fx.local);
      identity.store = fresh.store;
      identity.terminal = fresh.terminal;
    },
    onStatus: () => {},
    random: options.random,
    // Records each backoff and sleeps 1 ms, so a failing server cannot spin the test hot.
    sleep: async (ms) => {
      delays.push(ms);
      await new Promise((resolve) => setTimeout(resolve, 1));
    },
    tuning: { waitSeconds: 1, ...options.tuning },
  });
  fx.core.onEvent((name) => name === 'sale.completed' && loop?.wake());
  loop.start();
  return loop;
}

const pendingCount = async () => Number((await fx.local.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('acked_at', 'is', null).executeTakeFirstOrThrow()).n);

/** Writes `count` synthetic facts straight into the outbox, each with a payload of about `payloadBytes`. */
async function fillOutbox(count: number, payloadBytes: number): Promise<void> {
  const filler = 'x'.repeat(payloadBytes);
  await fx.local.withTransaction(async (trx) => {
    for (let i = 0; i < count; i++) {
      await trx.insertInto('outbox').values({ event_id: newId(), type: 'test.fact', payload: JSON.stringify({ i, filler }), created_at: fx.clock.now().toISOString() }).execute();
    }
  });
}

describe('sync loop: pushing the outbox', () => {
  it('drains in seq order, at most MAX_PUSH_EVENTS per batch, and acknowledges everything', async () => {
    await fillOutbox(1_203, 50);
    startLoop();
    await until(async () => (await pendingCount()) === 0, 10_000, 'outbox drained');
    const pushes = server.pushes();
    expect(pushes.map((push) => push.events.length)).toEqual([MAX_PUSH_EVENTS, MAX_PUSH_EVENTS, 203]);
    const seqs = pushes.flatMap((push) => push.events.map((event) => event.seq));
    expect(seqs).toEqual(Array.from({ length: 1_203 }, (_, i) => i + 1));
    expect(server.events.size).toBe(1_203);
  });

  it('keeps every batch under MAX_PUSH_BYTES when payloads are large', async () => {
    await fillOutbox(900, 10_000); // ~9 MB in all: the byte limit binds long before 500 events
    startLoop();
    await until(async () => (await pendingCount()) === 0, 15_000, 'outbox drained');
    const sizes = server.calls.filter((call) => call.op === 'push').map((call) => call.bytes!);
    expect(sizes.length).toBeGreaterThanOrEqual(5);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(MAX_PUSH_BYTES);
    // Batches are filled, not trickled: all but the last are within one event of the limit.
    for (const size of sizes.slice(0, -1)) expect(size).toBeGreaterThan(MAX_PUSH_BYTES - 10_200);
    expect(server.events.size).toBe(900);
  });

  it('acknowledges only the events the server answered for; the rest go again, none lost or doubled', async () => {
    for (let i = 0; i < 6; i++) await sell(fx.core.handlers, DEMO_BARCODES.milk);
    server.knobs.answerOnly = 2;
    startLoop();
    await until(() => server.pushes().length >= 1, 5_000, 'first push');
    server.knobs.answerOnly = null;
    await until(async () => (await pendingCount()) === 0, 5_000, 'outbox drained');
    const first = server.pushes()[0]!;
    expect(first.events).toHaveLength(6);
    // The four unanswered events were sent again (the server called them duplicates, it kept one copy).
    expect(server.pushes()[1]!.events.map((e) => e.seq)).toEqual([3, 4, 5, 6]);
    expect(server.events.size).toBe(6);
  });

  it('acknowledges quarantined events and records them for the till', async () => {
    await sell(fx.core.handlers, DEMO_BARCODES.bread);
    server.knobs.quarantineTypes.add('sale.completed');
    startLoop();
    await until(async () => (await pendingCount()) === 0, 5_000, 'outbox drained');
    const notes = await fx.local.db.selectFrom('sync_quarantine').selectAll().execute();
    expect(notes).toEqual([expect.objectContaining({ seq: 1, type: 'sale.completed', reason: 'unknown product' })]);
  });

  it('wakes at once for a new sale instead of finishing its long-poll', async () => {
    server.knobs.waitCapMs = 20_000;
    startLoop({ tuning: { waitSeconds: 25 } });
    await until(() => server.calls.some((call) => call.op === 'wait'), 5_000, 'long-poll');
    const started = Date.now();
    await sell(fx.core.handlers, DEMO_BARCODES.cola);
    await until(async () => (await pendingCount()) === 0, 5_000, 'sale pushed');
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('sync loop: failures', () => {
  it('backs off with full jitter within [0, min(30 s, 500 ms · 2^n)) and says hello again after reconnecting', async () => {
    await sell(fx.core.handlers, DEMO_BARCODES.eggs);
    server.knobs.failures.push(networkDown(), networkDown(), networkDown(), serverError(), networkDown(), networkDown(), networkDown(), networkDown(), networkDown(), networkDown());
    startLoop({ random: () => 0.999_999 });
    await until(async () => (await pendingCount()) === 0, 5_000, 'outbox drained after the outage');
    expect(delays).toHaveLength(10);
    delays.forEach((delay, n) => {
      const ceiling = Math.min(30_000, 500 * 2 ** n);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(ceiling);
      expect(delay).toBeGreaterThan(ceiling * 0.99); // random ≈ 1 → near the ceiling: the exponent is right
    });
    expect(delays.at(-1)).toBeLessThan(30_000);
    // Every call after a network failure is a hello (the reconnect starts the conversation again).
    const ops = server.calls.map((call) => call.op);
    expect(ops.slice(0, 11)).toEqual(Array(11).fill('hello'));
  });

  it('spreads the delays when random varies (jitter, not a fixed schedule)', async () => {
    server.knobs.failures.push(networkDown(), networkDown(), networkDown(), networkDown());
    let r = 0;
    startLoop({ random: () => [0, 0.5, 0.25, 0.75][r++ % 4]! });
    await until(() => delays.length >= 4, 5_000, 'four retries');
    expect(delays.slice(0, 4)).toEqual([0, 500, 500, 3_000]);
  });

  it('a revoked terminal stops calling the server, keeps selling offline, and retries only when asked', async () => {
    server.knobs.always = revoked();
    startLoop();
    await until(async () => (await fx.local.db.selectFrom('sync_state').select('revoked').executeTakeFirstOrThrow()).revoked === 1, 5_000, 'revoked recorded');
    const callsWhenParked = server.calls.length;
    const sale = await sell(fx.core.handlers, DEMO_BARCODES.bread);
    expect(sale.receiptNo).toMatch(/^T01-1-\d{6}$/);
    await new Promise((resolve) => setTimeout(resolve, 150));
    // The sale woke the loop once (it may retry then), but it does not hammer the server.
    expect(server.calls.length - callsWhenParked).toBeLessThanOrEqual(1);
    expect(loop!.state.parkedCode).toBe('REVOKED');
    const state = await fx.local.db.selectFrom('sync_state').select('last_error').executeTakeFirstOrThrow();
    expect(state.last_error).toMatch(/^REVOKED/);
    expect(await pendingCount()).toBe(1);
    // sync.now (wake) tries again at once, and the server is asked exactly then.
    const beforeKick = server.calls.length;
    loop!.wake();
    await until(() => server.calls.length > beforeKick, 2_000, 'a retry when asked');
  });
});

describe('sync loop: hello actions', () => {
  it('newEpoch: moves to a new install epoch in one local transaction; new receipts carry it; pending sales still arrive', async () => {
    // This database is an old copy: the server saw seq 1..8 of epoch 1, this copy holds only 3.
    for (let i = 0; i < 3; i++) await sell(fx.core.handlers, DEMO_BARCODES.milk);
    server.setHighWater(identity.terminal.id, 1, 8);
    startLoop();
    await until(async () => (await pendingCount()) === 0, 5_000, 'pending pushed');
    const terminal = await fx.local.db.selectFrom('terminal').select('install_epoch').executeTakeFirstOrThrow();
    expect(terminal.install_epoch).toBe(2);
    expect(identity.terminal.installEpoch).toBe(2);
    // The three sales made on the old copy go up in the new epoch, numbered from 1 there.
    const pushed = server.pushes().flatMap((push) => push.events.map((event) => [push.installEpoch, event.seq]));
    expect(pushed).toEqual([[2, 1], [2, 2], [2, 3]]);
    const next = await sell(fx.core.handlers, DEMO_BARCODES.bread);
    expect(next.receiptNo).toBe('T01-2-000004');
    await until(async () => (await pendingCount()) === 0, 5_000, 'new sale pushed');
    expect(server.pushes().at(-1)!.events.map((e) => [e.seq, e.type])).toEqual([[4, 'sale.completed']]);
    expect(server.events.size).toBe(4);
  });

  it('replay: sends again everything after the server high-water mark, acknowledged or not', async () => {
    for (let i = 0; i < 5; i++) await sell(fx.core.handlers, DEMO_BARCODES.milk);
    startLoop();
    await until(async () => (await pendingCount()) === 0, 5_000, 'first sync');
    await loop!.stop();
    server.forgetAbove(identity.terminal.id, 1, 2); // the server was restored from a backup
    server.knobs.helloAction = 'replay';
    expect(server.events.size).toBe(2);
    loop!.start();
    await until(() => server.events.size === 5, 5_000, 'replayed');
    expect(server.pushes().at(-1)!.events.map((e) => e.seq)).toEqual([3, 4, 5]);
  });

  it('records the clock offset the server measured; it never stops sync', async () => {
    server.knobs.clockOffsetMs = -5 * 60 * 1000;
    await sell(fx.core.handlers, DEMO_BARCODES.milk);
    startLoop();
    await until(async () => (await pendingCount()) === 0, 5_000, 'pushed despite the clock');
    const status = await fx.core.handlers['sync.status']({});
    expect(status.clockOffsetMs).toBe(-300_000);
    expect(status.clockWarning).toBe(true);
  });
});
