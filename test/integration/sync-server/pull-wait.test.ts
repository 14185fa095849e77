import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Change, PullResponse, PushResponse, StreamName, WaitResponse } from '../../../src-shared/sync/protocol';
import { appendChanges } from '../../../sync-server/changes/append';
import { encodeCursor } from '../../../sync-server/changes/cursor';
import { startSyncServer, startTestPostgres, type TestPostgres, type TestSyncServer } from '../../../sync-server/testing';
import { enrollTerminal, pushBody, saleEvent, seedCatalog, type TestTerminal } from './helpers';

let dir: string;
let cluster: TestPostgres;
const servers: TestSyncServer[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sync-pull-'));
  cluster = await startTestPostgres(dir);
});
afterAll(async () => {
  await cluster?.stop();
  await rm(dir, { recursive: true, force: true });
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

async function server(options: Parameters<typeof startSyncServer>[0]): Promise<TestSyncServer> {
  const s = await startSyncServer(options);
  servers.push(s);
  return s;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function pullAll(till: TestTerminal, stream: StreamName, limit: number, cursor?: string): Promise<{ changes: Change[]; cursor: string | undefined; pages: number }> {
  const changes: Change[] = [];
  let pages = 0;
  for (;;) {
    const page = await till.call<PullResponse>('GET', `/sync/v1/pull?stream=${stream}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.status).toBe(200);
    pages += 1;
    changes.push(...page.body.changes);
    cursor = page.body.cursor;
    if (!page.body.hasMore) return { changes, cursor, pages };
  }
}

describe('pull', () => {
  it('pages a catalog completely, in order, resumably', async () => {
    const sync = await server({ databaseUrl: await cluster.createDatabase() });
    const { code } = await sync.admin.createStore();
    const till = await enrollTerminal(sync.url, code);
    await seedCatalog(sync.admin, 2_500);
    const all = await pullAll(till, 'catalog', 1_000);
    const products = all.changes.filter((c) => c.entity === 'product');
    expect(products).toHaveLength(2_500);
    expect(new Set(products.map((p) => p.id)).size).toBe(2_500);
    expect(products.map((p) => p.data?.sku)).toEqual(Array.from({ length: 2_500 }, (_, i) => `P${String(i + 1).padStart(4, '0')}`));
    expect(all.pages).toBe(3);
    // Resuming from the cursor of the first page gives exactly the rest.
    const first = await till.call<PullResponse>('GET', '/sync/v1/pull?stream=catalog&limit=700');
    const rest = await pullAll(till, 'catalog', 1_000, first.body.cursor);
    expect([...first.body.changes, ...rest.changes]).toEqual(all.changes);
    // Caught up: an empty page that keeps the cursor.
    const empty = await till.call<PullResponse>('GET', `/sync/v1/pull?stream=catalog&cursor=${all.cursor}`);
    expect(empty.body).toMatchObject({ changes: [], cursor: all.cursor, hasMore: false });
    const bad = await till.call<{ error: { code: string } }>('GET', '/sync/v1/pull?stream=catalog&cursor=garbage');
    expect(bad.body.error.code).toBe('INVALID_REQUEST');
  });

  it('never skips a change while two writers interleave on one stream', async () => {
    const sync = await server({ databaseUrl: await cluster.createDatabase() });
    const { code } = await sync.admin.createStore();
    const till = await enrollTerminal(sync.url, code);
    const db = sync.server.db;
    const change = (id: string): Change => ({ entity: 'product', id, op: 'upsert', data: { id } });
    const order: string[] = [];
    // A allocates its position first and holds its transaction open; B starts after A and
    // commits its own work as soon as it can; A commits last of its own accord.
    const a = db.transaction().execute(async (trx) => {
      await appendChanges(trx, 'catalog', null, [change('a')]);
      order.push('a allocated');
      await sleep(400);
      order.push('a commits');
    });
    await sleep(50);
    const b = db.transaction().execute(async (trx) => {
      order.push('b starts');
      await appendChanges(trx, 'catalog', null, [change('b')]);
      order.push('b allocated');
    });
    // More writers with random pauses, while a reader polls the stream with its cursor.
    const others = Array.from({ length: 40 }, (_, i) => (async () => {
      await sleep(Math.random() * 300);
      await db.transaction().execute(async (trx) => {
        await appendChanges(trx, 'catalog', null, [change(`w${i}`)]);
        await sleep(Math.random() * 20);
      });
    })());
    const seen: string[] = [];
    let cursor: string | undefined;
    let writing = true;
    const writers = Promise.all([a, b, ...others]).finally(() => {
      writing = false;
    });
    while (writing) {
      const page = await till.call<PullResponse>('GET', `/sync/v1/pull?stream=catalog&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.changes.filter((c) => c.entity === 'product').map((c) => c.id));
      cursor = page.body.cursor;
      await sleep(5);
    }
    await writers;
    seen.push(...(await pullAll(till, 'catalog', 1_000, cursor)).changes.filter((c) => c.entity === 'product').map((c) => c.id));
    expect(order).toEqual(['a allocated', 'b starts', 'a commits', 'b allocated']);
    expect(seen.filter((id) => id === 'a' || id === 'b')).toEqual(['a', 'b']);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(['a', 'b', ...Array.from({ length: 40 }, (_, i) => `w${i}`)].sort());
  });
});

describe('wait', () => {
  async function setup(options: Parameters<typeof startSyncServer>[0]) {
    const sync = await server(options);
    const { code } = await sync.admin.createStore();
    const till = await enrollTerminal(sync.url, code);
    const head = await pullAll(till, 'catalog', 1_000);
    return { sync, till, cursor: head.cursor ?? '' };
  }

  it('is woken by NOTIFY on commit (periodic check too slow to be the cause)', async () => {
    const { sync, till, cursor } = await setup({ databaseUrl: await cluster.createDatabase(), waitCheckMs: 120_000 });
    const waiting = till.call<WaitResponse>('POST', '/sync/v1/wait', { cursors: { catalog: cursor, people: cursor }, timeoutSeconds: 20 });
    await sleep(300);
    await sync.admin.call('PUT', '/api/v1/tax-rates/RED', { name: 'Reduced', rateBp: 550 });
    const started = Date.now();
    const answer = await waiting;
    expect(answer.body.news).toEqual(['catalog']);
    // Well before the 20 s timeout and the 120 s periodic check: only NOTIFY can have woken it.
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('is woken by the periodic check when no NOTIFY arrives', async () => {
    const { sync, till, cursor } = await setup({ databaseUrl: await cluster.createDatabase(), listen: false, waitCheckMs: 200 });
    const waiting = till.call<WaitResponse>('POST', '/sync/v1/wait', { cursors: { catalog: cursor }, timeoutSeconds: 20 });
    await sleep(300);
    await sync.admin.call('PUT', '/api/v1/tax-rates/RED', { name: 'Reduced', rateBp: 550 });
    const started = Date.now();
    expect((await waiting).body.news).toEqual(['catalog']);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('answers at once when there is news already, and with none after its timeout', async () => {
    const { till } = await setup({ databaseUrl: await cluster.createDatabase() });
    expect((await till.call<WaitResponse>('POST', '/sync/v1/wait', { cursors: { catalog: encodeCursor(0) } })).body.news).toEqual(['catalog']);
    const head = await pullAll(till, 'catalog', 1_000);
    expect((await till.call<WaitResponse>('POST', '/sync/v1/wait', { cursors: { catalog: head.cursor }, timeoutSeconds: 1 })).body.news).toEqual([]);
  });
});

describe('two server instances on one database', () => {
  it('serve the same store: push to one, pull and wait on the other', async () => {
    const databaseUrl = await cluster.createDatabase();
    const one = await server({ databaseUrl });
    const two = await server({ databaseUrl, waitCheckMs: 120_000 });
    const { code, storeId } = await one.admin.createStore();
    const products = await seedCatalog(one.admin, 2);
    const tillOnOne = await enrollTerminal(one.url, code, 'Till 1');
    const tillOnTwo = await enrollTerminal(two.url, await two.admin.enrollmentCode(storeId), 'Till 2');
    const factsHead = await pullAll(tillOnTwo, 'facts', 1_000);
    const waiting = tillOnTwo.call<WaitResponse>('POST', '/sync/v1/wait', { cursors: { facts: factsHead.cursor }, timeoutSeconds: 20 });
    await sleep(300);
    const sale = saleEvent(tillOnOne, 1, products[0] ?? '');
    const pushed = await tillOnOne.call<PushResponse>('POST', '/sync/v1/push', pushBody(tillOnOne, [sale]));
    expect(pushed.body.results[0]?.status).toBe('accepted');
    expect((await waiting).body.news).toEqual(['facts']);
    const facts = await pullAll(tillOnTwo, 'facts', 1_000, factsHead.cursor);
    expect(facts.changes.map((c) => c.id)).toEqual([sale.eventId]);
    expect(facts.changes[0]?.data).toMatchObject({ terminalId: tillOnOne.terminalId, type: 'sale.completed', seq: 1 });
    // The same terminal talks to either instance: a resend through the other one is a duplicate.
    const resent = await tillOnOne.call<PushResponse>('POST', `${two.url}sync/v1/push`, pushBody(tillOnOne, [sale]));
    expect(resent.body.results[0]?.status).toBe('duplicate');
  });
});
