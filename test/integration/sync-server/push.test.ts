import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../../src-shared/id';
import { MAX_PUSH_BYTES, type PushResponse, type SyncError } from '../../../src-shared/sync/protocol';
import { startSyncServer, startTestPostgres, type TestPostgres, type TestSyncServer } from '../../../sync-server/testing';
import { enrollTerminal, pushBody, saleEvent, seedCatalog, type TestTerminal } from './helpers';

let dir: string;
let cluster: TestPostgres;
let sync: TestSyncServer;
let till: TestTerminal;
let products: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sync-push-'));
  cluster = await startTestPostgres(dir);
});
afterAll(async () => {
  await cluster?.stop();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  sync = await startSyncServer({ databaseUrl: await cluster.createDatabase() });
  const { code } = await sync.admin.createStore();
  till = await enrollTerminal(sync.url, code);
  products = await seedCatalog(sync.admin, 3);
});
afterEach(async () => {
  await sync?.stop();
});

const count = async (table: 'sales' | 'events' | 'stock_movements' | 'changes') =>
  Number((await sync.server.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

/** Everything a refused push could have touched. */
const snapshot = async () => ({ events: await count('events'), sales: await count('sales'), moves: await count('stock_movements'), changes: await count('changes') });

describe('push', () => {
  it('is idempotent: the same batch twice stores and projects each sale once', async () => {
    const events = [1, 2, 3].map((seq) => saleEvent(till, seq, products[0] ?? ''));
    const first = await till.call<PushResponse>('POST', '/sync/v1/push', pushBody(till, events));
    expect(first.status).toBe(200);
    expect(first.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(first.body.serverLastSeq).toBe(3);
    const second = await till.call<PushResponse>('POST', '/sync/v1/push', pushBody(till, events));
    expect(second.body.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(await count('sales')).toBe(3);
    expect(await count('stock_movements')).toBe(3);
    const stock = await sync.server.db.selectFrom('stock_movements').select((eb) => eb.fn.sum<string>('quantity_delta').as('s'))
      .where('product_id', '=', products[0] ?? '').executeTakeFirstOrThrow();
    expect(Number(stock.s)).toBe(-3);
  });

  it('quarantines a bad payload, acknowledges it, keeps it visible and accepts the next events', async () => {
    const good1 = saleEvent(till, 1, products[0] ?? '');
    const bad = { ...saleEvent(till, 2, products[0] ?? ''), payload: { storeId: till.storeId, sale: 'not a sale' } };
    const unknownProduct = saleEvent(till, 3, newId());
    const unknownType = { eventId: newId(), seq: 4, type: 'alien.landed', occurredAt: new Date().toISOString(), payload: {} };
    const good2 = saleEvent(till, 5, products[1] ?? '');
    const response = await till.call<PushResponse>('POST', '/sync/v1/push', pushBody(till, [good1, bad, unknownProduct, unknownType, good2]));
    expect(response.body.results.map((r) => r.status)).toEqual(['accepted', 'quarantined', 'quarantined', 'quarantined', 'accepted']);
    expect(response.body.results[2]?.reason).toMatch(/unknown product/);
    expect(response.body.results[3]?.reason).toMatch(/unknown fact type/);
    expect(await count('sales')).toBe(2);
    const listed = await sync.admin.call<{ eventId: string; reason: string }[]>('GET', `/api/v1/stores/${till.storeId}/quarantined-events`);
    expect(listed.body.map((e) => e.eventId).sort()).toEqual([bad.eventId, unknownProduct.eventId, unknownType.eventId].sort());
    const again = await till.call<PushResponse>('POST', '/sync/v1/push', pushBody(till, [bad]));
    expect(again.body.results[0]?.status).toBe('duplicate');
  });

  it('counts a sale whose receipt number clashes, but never the same sale twice under another event id', async () => {
    const original = saleEvent(till, 1, products[0] ?? '');
    await till.call('POST', '/sync/v1/push', pushBody(till, [original]));
    const clash = saleEvent(till, 2, products[0] ?? '');
    const payload = clash.payload as { sale: { receiptNo: string } };
    payload.sale.receiptNo = (original.payload as { sale: { receiptNo: string } }).sale.receiptNo;
    const sameSaleAgain = { ...original, eventId: newId(), seq: 3 };
    const response = await till.call<PushResponse>('POST', '/sync/v1/push', pushBody(till, [clash, sameSaleAgain]));
    expect(response.body.results.map((r) => r.status)).toEqual(['accepted', 'quarantined']);
    expect(response.body.results[0]?.reason).toMatch(/also used by event/);
    expect(response.body.results[1]?.reason).toMatch(/already recorded/);
    expect(await count('sales')).toBe(2);
  });

  it('refuses bad pushes with clear errors and changes nothing', async () => {
    await till.call('POST', '/sync/v1/push', pushBody(till, [saleEvent(till, 1, products[0] ?? '')]));
    const before = await snapshot();
    const event = () => saleEvent(till, 2, products[0] ?? '');
    const refusals: [string, Promise<{ status: number; body: SyncError }>, number, string][] = [
      ['malformed JSON', till.call('POST', '/sync/v1/push', undefined, { rawBody: '{"protocol":1,' }), 400, 'INVALID_REQUEST'],
      ['schema violation', till.call('POST', '/sync/v1/push', { ...pushBody(till, [event()]), events: [{ ...event(), seq: -1 }] }), 400, 'INVALID_REQUEST'],
      ['oversized', till.call('POST', '/sync/v1/push', undefined, { rawBody: JSON.stringify({ ...pushBody(till, [event()]), pad: 'x'.repeat(MAX_PUSH_BYTES) }) }), 413, 'PAYLOAD_TOO_LARGE'],
      ['another terminal id', till.call('POST', '/sync/v1/push', { ...pushBody(till, [event()]), terminalId: newId() }), 403, 'FORBIDDEN'],
      ['unknown credential', till.call('POST', '/sync/v1/push', pushBody(till, [event()]), { credential: 'x'.repeat(43) }), 401, 'UNAUTHENTICATED'],
      ['unsupported protocol', till.call('POST', '/sync/v1/push', { ...pushBody(till, [event()]), protocol: 99 }), 400, 'UNSUPPORTED_PROTOCOL'],
    ];
    for (const [why, pending, status, code] of refusals) {
      const response = await pending;
      expect(response.status, why).toBe(status);
      expect(response.body.error.code, why).toBe(code);
      expect(response.body.error.message.length, why).toBeGreaterThan(5);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses another store's terminal and a revoked credential at once", async () => {
    const other = await sync.admin.createStore('Other store');
    const otherTill = await enrollTerminal(sync.url, other.code);
    const before = await snapshot();
    const cross = await otherTill.call<SyncError>('POST', '/sync/v1/push', pushBody(till, [saleEvent(till, 1, products[0] ?? '')]));
    expect(cross.status).toBe(403);
    expect(cross.body.error.code).toBe('FORBIDDEN');
    const revoke = await sync.admin.call('POST', `/api/v1/terminals/${till.terminalId}/revoke`);
    expect(revoke.status).toBe(200);
    const after = await snapshot();
    const revoked = await till.call<SyncError>('POST', '/sync/v1/push', pushBody(till, [saleEvent(till, 1, products[0] ?? '')]));
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('REVOKED');
    const pull = await till.call<SyncError>('GET', '/sync/v1/pull?stream=catalog');
    expect(pull.body.error.code).toBe('REVOKED');
    expect(after.events).toBe(before.events);
    expect(await snapshot()).toEqual(after);
  });

  it('holds each event exactly once whatever the interleaving of pushes and resends (property)', async () => {
    const tills = [till, await enrollTerminal(sync.url, await sync.admin.enrollmentCode(till.storeId), 'Till 2')];
    let round = 0;
    await fc.assert(fc.asyncProperty(
      fc.array(fc.record({ till: fc.integer({ min: 0, max: 1 }), size: fc.integer({ min: 1, max: 6 }), resend: fc.boolean() }), { minLength: 1, maxLength: 6 }),
      async (steps) => {
        round += 1;
        const sent = new Map<string, number>();
        const seqs = [round * 1000, round * 1000];
        const inFlight = steps.map(async (step) => {
          const t = tills[step.till]!;
          const events = Array.from({ length: step.size }, () => saleEvent(t, (seqs[step.till] = (seqs[step.till] ?? 0) + 1), products[step.size % 3] ?? ''));
          for (const e of events) sent.set(e.eventId, 0);
          const body = pushBody(t, events);
          const pushes = [t.call<PushResponse>('POST', '/sync/v1/push', body)];
          if (step.resend) pushes.push(t.call<PushResponse>('POST', '/sync/v1/push', body));
          return Promise.all(pushes);
        });
        const responses = (await Promise.all(inFlight)).flat();
        for (const r of responses) {
          expect(r.status).toBe(200);
          for (const result of r.body.results) if (result.status === 'accepted') sent.set(result.eventId, (sent.get(result.eventId) ?? 0) + 1);
        }
        // Every event accepted exactly once across all concurrent pushes and resends…
        expect([...sent.values()].every((n) => n === 1)).toBe(true);
        // …and stored and projected exactly once.
        const ids = [...sent.keys()];
        const stored = await sync.server.db.selectFrom('sales').select('event_id').where('event_id', 'in', ids).execute();
        expect(stored.length).toBe(ids.length);
      },
    ), { numRuns: 15 });
  });
});
