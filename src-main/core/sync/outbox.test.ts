import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PushRequest } from '../../../src-shared/sync/protocol';
import { newId } from '../../../src-shared/id';
import { demoCore, type CoreFixture } from '../../../test/support/core-fixture';
import { ACKED_RETENTION_MS, acknowledge, pendingStats, pruneAcknowledged, readPushBatch, unacknowledgeAfter } from './outbox';

let fx: CoreFixture;
const context = { terminalId: newId(), installEpoch: 3, epochBaseSeq: 0 };

beforeEach(async () => {
  fx = await demoCore();
});
afterEach(() => fx.dispose());

async function addEvents(count: number, payloadBytes = 20, createdAt = '2026-11-21T10:00:00.000Z'): Promise<void> {
  await fx.local.withTransaction(async (trx) => {
    for (let i = 0; i < count; i++) {
      await trx.insertInto('outbox').values({ event_id: newId(), type: 'test.fact', payload: JSON.stringify({ i, pad: 'é'.repeat(payloadBytes / 2) }), created_at: createdAt }).execute();
    }
  });
}

describe('outbox batches', () => {
  it('builds a valid PushRequest in seq order within the event and byte limits (bytes counted in UTF-8)', async () => {
    await addEvents(30, 1_000);
    const batch = (await readPushBatch(fx.local, context, { maxEvents: 100, maxBytes: 10_000 }))!;
    expect(Buffer.byteLength(batch.body)).toBe(batch.bytes);
    expect(batch.bytes).toBeLessThanOrEqual(10_000);
    const request = PushRequest.parse(JSON.parse(batch.body));
    expect(request.events.length).toBe(batch.events.length);
    expect(request.events.length).toBeGreaterThan(5);
    expect(request.events.map((e) => e.seq)).toEqual(batch.events.map((_, i) => i + 1));
    expect(request).toMatchObject({ protocol: 1, terminalId: context.terminalId, installEpoch: 3 });

    const small = (await readPushBatch(fx.local, context, { maxEvents: 4, maxBytes: 10_000_000 }))!;
    expect(small.events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });

  it('sends one event alone even when it exceeds the byte limit (the server then says why)', async () => {
    await addEvents(2, 5_000);
    const batch = (await readPushBatch(fx.local, context, { maxEvents: 100, maxBytes: 1_000 }))!;
    expect(batch.events).toHaveLength(1);
  });

  it('numbers events per epoch: seq − epochBaseSeq, and never sends events at or below the base', async () => {
    await addEvents(5);
    const batch = (await readPushBatch(fx.local, { ...context, epochBaseSeq: 3 }))!;
    expect(batch.events.map((e) => [e.seq, e.wireSeq])).toEqual([[4, 1], [5, 2]]);
  });

  it('acknowledges exactly the answered events; prunes only those acknowledged over 30 days ago', async () => {
    await addEvents(4);
    const batch = (await readPushBatch(fx.local, context))!;
    const [a, b, c] = batch.events;
    const acked = await acknowledge(fx.local, batch, [
      { eventId: a!.eventId, status: 'accepted' }, { eventId: b!.eventId, status: 'duplicate' },
      { eventId: c!.eventId, status: 'quarantined', reason: 'closed shift' }, { eventId: newId(), status: 'accepted' },
    ], '2026-11-21T10:00:00.000Z');
    expect(acked).toBe(3);
    expect((await pendingStats(fx.local)).count).toBe(1);
    expect((await readPushBatch(fx.local, context))!.events.map((e) => e.seq)).toEqual([4]);
    expect(await fx.local.db.selectFrom('sync_quarantine').select(['seq', 'reason']).execute()).toEqual([{ seq: 3, reason: 'closed shift' }]);

    const ackedAt = Date.parse('2026-11-21T10:00:00.000Z');
    const day = 24 * 60 * 60 * 1000;
    const cutoffOn = (now: number) => new Date(now - ACKED_RETENTION_MS).toISOString(); // what the loop passes
    expect(await pruneAcknowledged(fx.local, cutoffOn(ackedAt + 29 * day))).toBe(0);
    expect(await pruneAcknowledged(fx.local, cutoffOn(ackedAt + 31 * day))).toBe(3);
    const left = await fx.local.db.selectFrom('outbox').select('seq').execute();
    expect(left.map((r) => r.seq)).toEqual([4]);
    // The high-water mark does not fall back when rows are pruned.
    expect((await pendingStats(fx.local)).maxSeq).toBe(4);
  });

  it('replay makes acknowledged events after a seq pending again', async () => {
    await addEvents(5);
    const batch = (await readPushBatch(fx.local, context))!;
    await acknowledge(fx.local, batch, batch.events.map((e) => ({ eventId: e.eventId, status: 'accepted' as const })), '2026-11-21T10:00:00.000Z');
    expect(await unacknowledgeAfter(fx.local, 2)).toBe(3);
    expect((await readPushBatch(fx.local, context))!.events.map((e) => e.seq)).toEqual([3, 4, 5]);
  });
});
