import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogImportRefused } from '../../../src-shared/sync/admin-api';
import type { HelloResponse, PullResponse, PushResponse, SyncError } from '../../../src-shared/sync/protocol';
import { startSyncServer, startTestPostgres, type TestPostgres, type TestSyncServer } from '../../../sync-server/testing';
import { enrollTerminal, pushBody, request, saleEvent, seedCatalog } from './helpers';

let dir: string;
let cluster: TestPostgres;
let sync: TestSyncServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sync-admin-'));
  cluster = await startTestPostgres(dir);
});
afterAll(async () => {
  await cluster?.stop();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  sync = await startSyncServer({ databaseUrl: await cluster.createDatabase() });
});
afterEach(async () => {
  await sync?.stop();
});

const hello = (till: Awaited<ReturnType<typeof enrollTerminal>>, installEpoch: number, lastSeq: number) =>
  till.call<HelloResponse>('POST', '/sync/v1/hello', { protocol: 1, terminalId: till.terminalId, installEpoch, appVersion: '0.1.0', terminalTime: new Date(Date.now() + 90_000).toISOString(), lastSeq });

describe('admin API', () => {
  it('needs a session, and refuses a wrong password', async () => {
    expect((await request<SyncError>(sync.url, 'GET', '/api/v1/stores', undefined)).body.error.code).toBe('UNAUTHENTICATED');
    const wrong = await request<SyncError>(sync.url, 'POST', '/api/v1/login', undefined, { username: 'owner', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect((await sync.admin.call<unknown[]>('GET', '/api/v1/stores')).status).toBe(200);
  });

  it('enrollment codes work once', async () => {
    const { code, storeId } = await sync.admin.createStore();
    const till = await enrollTerminal(sync.url, code.toLowerCase());
    expect(till).toMatchObject({ storeId, terminalCode: 'T01', installEpoch: 1 });
    const again = await request<SyncError>(sync.url, 'POST', '/sync/v1/enroll', undefined, { protocol: 1, code, terminalName: 'Second', appVersion: '1' });
    expect(again.status).toBe(401);
    expect(again.body.error.message).toMatch(/already used/);
    const terminals = await sync.admin.call<{ code: string }[]>('GET', `/api/v1/stores/${storeId}/terminals`);
    expect(terminals.body.map((t) => t.code)).toEqual(['T01']);
  });

  it('imports a catalog all or nothing, reporting bad rows by line number', async () => {
    await sync.admin.createStore();
    const bad = ['sku,name,price_minor,tax_class,category,barcodes', 'A1,Apple,199,STD,Fruit,111', 'B2,Bread,x,STD,,', 'C3,Cheese,300,NOPE,,'].join('\n');
    const refused = await sync.admin.call<CatalogImportRefused>('POST', '/api/v1/catalog/import', bad, 'text/csv');
    expect(refused.status).toBe(400);
    expect(refused.body.rowErrors.map((e) => e.line)).toEqual([3, 4]);
    expect((await sync.admin.call<unknown[]>('GET', '/api/v1/products')).body).toEqual([]);
    const good = ['sku,name,price_minor,tax_class,category,barcodes', 'A1,Apple,199,STD,Fruit,111|222'].join('\n');
    expect((await sync.admin.call('POST', '/api/v1/catalog/import', good, 'text/csv')).body).toEqual({ created: 1, updated: 0 });
    expect((await sync.admin.call('POST', '/api/v1/catalog/import', good.replace('199', '205'), 'text/csv')).body).toEqual({ created: 0, updated: 1 });
    const [product] = (await sync.admin.call<{ id: string; priceMinor: number; barcodes: string[] }[]>('GET', '/api/v1/products')).body;
    expect(product).toMatchObject({ priceMinor: 205, barcodes: ['111', '222'] });
    const edited = await sync.admin.call<{ name: string }>('PATCH', `/api/v1/products/${product?.id}`, { name: 'Green apple', barcodes: ['333'] });
    expect(edited.body).toMatchObject({ name: 'Green apple', barcodes: ['333'] });
  });

  it('logs catalog, people and store changes for terminals to pull', async () => {
    const { code, storeId } = await sync.admin.createStore();
    const till = await enrollTerminal(sync.url, code);
    await seedCatalog(sync.admin, 2);
    const role = await sync.admin.call<{ id: string }>('PUT', `/api/v1/stores/${storeId}/roles`, { name: 'Cashier', permissions: ['sale.complete'] });
    const person = await sync.admin.call<{ id: string }>('POST', `/api/v1/stores/${storeId}/people`, { name: 'Ada', roleId: role.body.id });
    expect(person.status).toBe(201);
    const people = await till.call<PullResponse>('GET', '/sync/v1/pull?stream=people');
    expect(people.body.changes.map((c) => c.entity)).toEqual(['role', 'person']);
    const store = await till.call<PullResponse>('GET', '/sync/v1/pull?stream=store');
    expect(store.body.changes.map((c) => c.entity)).toEqual(['store', 'terminal']);
    const catalog = await till.call<PullResponse>('GET', '/sync/v1/pull?stream=catalog');
    expect(catalog.body.changes.filter((c) => c.entity === 'product')).toHaveLength(2);
    // Another store's people never reach this terminal.
    const other = await sync.admin.createStore('Elsewhere');
    await sync.admin.call('PUT', `/api/v1/stores/${other.storeId}/roles`, { name: 'Boss', permissions: [] });
    const after = await till.call<PullResponse>('GET', `/sync/v1/pull?stream=people&cursor=${people.body.cursor}`);
    expect(after.body.changes).toEqual([]);
  });
});

describe('hello', () => {
  it('records the clock offset without refusing, and walks the epoch rules', async () => {
    const { code, storeId } = await sync.admin.createStore();
    const till = await enrollTerminal(sync.url, code);
    const [product] = await seedCatalog(sync.admin, 1);
    const first = await hello(till, 1, 0);
    expect(first.body).toMatchObject({ action: 'ok', installEpoch: 1, serverLastSeq: 0, storeId, cloneSuspected: false });
    expect(first.body.clockOffsetMs).toBeGreaterThan(60_000);
    expect((await hello(till, 1, 3)).body.action).toBe('replay');
    await till.call<PushResponse>('POST', '/sync/v1/push', pushBody(till, [1, 2, 3].map((s) => saleEvent(till, s, product ?? ''))));
    expect((await hello(till, 1, 3)).body).toMatchObject({ action: 'ok', serverLastSeq: 3 });
    // Restored from a backup taken at seq 1: a new epoch, and the server's mark for epoch 1.
    expect((await hello(till, 1, 1)).body).toMatchObject({ action: 'newEpoch', installEpoch: 2, serverLastSeq: 3, cloneSuspected: false });
    // The original device carries on in epoch 1 with sales the server never saw: a clone.
    expect((await hello(till, 1, 5)).body).toMatchObject({ action: 'newEpoch', installEpoch: 3, cloneSuspected: true });
    const terminals = await sync.admin.call<{ cloneSuspected: boolean; installEpoch: number; clockOffsetMs: number }[]>('GET', `/api/v1/stores/${storeId}/terminals`);
    expect(terminals.body[0]).toMatchObject({ cloneSuspected: true, installEpoch: 3 });
  });
});
