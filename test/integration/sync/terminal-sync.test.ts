import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSyncServer, startTestPostgres, type TestPostgres, type TestSyncServer } from '../../../sync-server/testing';
import type { FetchFn } from '../../../src-main/core/sync/sync-transport';
import { sell, until } from '../../support/fake-sync-server';
import { barcodeOf, copyDataDir, importCatalog, startTill, untilCatalogPulled, untilSynced, type TestTill } from './terminal-fixture';

/**
 * The terminal's sync loop against the REAL sync server (sync-server/, embedded PostgreSQL):
 * enrollment, offline selling, stock across terminals, revocation, and a restored database.
 */
let root: string;
let pgDir: string;
let cluster: TestPostgres;
let databaseUrl: string;
let server: TestSyncServer | null;
let storeId: string;
let code: string;
const tills: TestTill[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tillpoint-sync-'));
  pgDir = mkdtempSync(join(tmpdir(), 'tillpoint-sync-pg-')); // startTestPostgres makes it searchable for the postgres user
  cluster = await startTestPostgres(pgDir);
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
  rmSync(root, { recursive: true, force: true });
  rmSync(pgDir, { recursive: true, force: true });
});
beforeEach(async () => {
  databaseUrl = await cluster.createDatabase();
  server = await startSyncServer({ databaseUrl });
  ({ storeId, code } = await server.admin.createStore('High Street'));
  await importCatalog(server.admin, 3);
});
afterEach(async () => {
  for (const till of tills.splice(0)) await till.close().catch(() => undefined);
  await server?.stop();
  server = null;
});

async function enrolledTill(name: string, enrollmentCode = code, fetch?: FetchFn): Promise<TestTill> {
  const till = await startTill(mkdtempSync(join(root, `${name}-`)), { fetch });
  tills.push(till);
  const status = await till.core.handlers['sync.enroll']({ serverUrl: server!.url, code: enrollmentCode, terminalName: name });
  expect(status.enrolled).toBe(true);
  await untilCatalogPulled(till, 3);
  return till;
}

const serverSalesOf = async (terminalId: string) =>
  server!.server.db.selectFrom('sales').select(['id', 'receipt_no']).where('terminal_id', '=', terminalId).execute();
const serverEventsOf = async (terminalId: string) =>
  server!.server.db.selectFrom('events').select(['event_id', 'install_epoch', 'seq', 'status']).where('terminal_id', '=', terminalId).execute();

describe('terminal ↔ real sync server', () => {
  it('enrolls with a code; the credential lives in the secret store, not in SQLite; the demo identity is gone', async () => {
    const till = await enrolledTill('Till A');
    const info = await till.core.handlers['app.info']({});
    expect(info.store.id).toBe(storeId);
    expect(info.terminal.code).toBe('T01');
    const secrets = readdirSync(join(till.dataDir, 'secrets'));
    expect(secrets).toEqual([`sync-credential-${info.terminal.id}`]);
    const credential = readFileSync(join(till.dataDir, 'secrets', secrets[0]!), 'utf8');
    expect(credential.length).toBeGreaterThanOrEqual(32);
    for (const file of readdirSync(till.dataDir).filter((f) => f.startsWith('terminal.db'))) {
      expect(readFileSync(join(till.dataDir, file)).includes(Buffer.from(credential)), file).toBe(false);
    }
    // The demo catalog was replaced by the server's.
    expect((await till.core.handlers['catalog.search']({ query: 'milk', limit: 5 }))).toEqual([]);
    expect((await till.core.handlers['catalog.search']({ query: 'Product', limit: 5 })).length).toBe(3);
  });

  it('refuses to enroll a demo terminal that has unsynced sales, and changes nothing', async () => {
    const till = await startTill(mkdtempSync(join(root, 'demo-')));
    tills.push(till);
    await sell(till.core.handlers, '5012345000015');
    await expect(till.core.handlers['sync.enroll']({ serverUrl: server!.url, code, terminalName: 'Till' })).rejects.toMatchObject({ code: 'UNSYNCED_SALES' });
    const status = await till.core.handlers['sync.status']({});
    expect(status).toMatchObject({ enrolled: false, pendingCount: 1 });
    expect(readdirSync(till.dataDir)).not.toContain('secrets');
    // The code was not consumed: a fresh terminal can still use it.
    await enrolledTill('Till B');
  });

  it('sells offline while the server is down; when it is back every sale arrives exactly once', async () => {
    const till = await enrolledTill('Till A');
    const terminalId = (await till.core.handlers['app.info']({})).terminal.id;
    const port = Number(new URL(server!.url).port);
    await until(async () => (await till.core.handlers['sync.status']({})).online, 10_000, 'online before the outage');
    await server!.stop();
    server = null;
    const sold = [];
    for (let i = 0; i < 12; i++) sold.push(await sell(till.core.handlers, barcodeOf(1 + (i % 3))));
    await until(async () => !(await till.core.handlers['sync.status']({})).online, 10_000, 'offline seen');
    const offline = await till.core.handlers['sync.status']({});
    expect(offline.pendingCount).toBe(12);
    expect(offline.lastError).toBeTruthy();

    server = await startSyncServer({ databaseUrl, port });
    await untilSynced(till);
    const onServer = await serverSalesOf(terminalId);
    expect(onServer.map((s) => s.id).sort()).toEqual(sold.map((s) => s.id).sort());
    const events = await serverEventsOf(terminalId);
    expect(events).toHaveLength(12);
    expect(new Set(events.map((e) => e.event_id)).size).toBe(12);
    expect(events.every((e) => e.status === 'accepted')).toBe(true);
    expect((await till.core.handlers['sync.status']({})).online).toBe(true);
  });

  it('a push whose answer is lost after the server committed is sent again and stored once', async () => {
    let cut = 3;
    // The server commits the batch, then the connection "drops" before the terminal reads the answer.
    const lossy: FetchFn = async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).endsWith('/sync/v1/push') && cut > 0) {
        cut -= 1;
        await response.body?.cancel();
        throw new TypeError('fetch failed', { cause: new Error('socket hang up') });
      }
      return response;
    };
    const till = await enrolledTill('Till A', code, lossy);
    const terminalId = (await till.core.handlers['app.info']({})).terminal.id;
    const sold = [];
    for (let i = 0; i < 5; i++) sold.push(await sell(till.core.handlers, barcodeOf(1)));
    await untilSynced(till);
    expect(cut).toBe(0);
    expect((await serverSalesOf(terminalId)).map((s) => s.id).sort()).toEqual(sold.map((s) => s.id).sort());
    expect(await serverEventsOf(terminalId)).toHaveLength(5);
    const stock = await server!.server.db.selectFrom('stock_movements').select((eb) => eb.fn.sum<string>('quantity_delta').as('total'))
      .where('store_id', '=', storeId).executeTakeFirstOrThrow();
    expect(Number(stock.total)).toBe(-5);
  });

  it('two terminals of one store: a sale on A shows as a stock movement on B', async () => {
    const a = await enrolledTill('Till A');
    const b = await enrolledTill('Till B', await server!.admin.enrollmentCode(storeId));
    const [product] = await b.core.handlers['catalog.search']({ query: 'Product 2', limit: 1 });
    expect((await b.core.handlers['stock.level']({ productId: product!.id })).onHand).toBe(0);
    await sell(a.core.handlers, barcodeOf(2), barcodeOf(2), barcodeOf(2));
    await until(async () => (await b.core.handlers['stock.level']({ productId: product!.id })).onHand === -3, 15_000, 'stock on B');
    await sell(b.core.handlers, barcodeOf(2));
    await until(async () => (await a.core.handlers['stock.level']({ productId: product!.id })).onHand === -4, 15_000, 'stock on A');
    expect((await b.core.handlers['stock.level']({ productId: product!.id })).onHand).toBe(-4);
    // A's sale is on B too, so a return could start from its receipt number there.
    const onA = await a.core.handlers['sale.listRecent']({ limit: 1 });
    expect((await b.core.handlers['sale.get']({ receiptNo: onA[0]!.receiptNo })).id).toBe(onA[0]!.id);
  });

  it('a revoked terminal is refused at once (REVOKED) and keeps selling offline', async () => {
    const till = await enrolledTill('Till A');
    const terminalId = (await till.core.handlers['app.info']({})).terminal.id;
    await sell(till.core.handlers, barcodeOf(1));
    await untilSynced(till);
    const revoked = await server!.admin.call('POST', `/api/v1/terminals/${terminalId}/revoke`, {});
    expect(revoked.status).toBe(200);

    const after = await sell(till.core.handlers, barcodeOf(3));
    await until(async () => (await till.core.handlers['sync.status']({})).revoked, 10_000, 'revocation seen');
    const status = await till.core.handlers['sync.status']({});
    expect(status.lastError).toMatch(/^REVOKED/);
    expect(status.pendingCount).toBe(1);
    await sell(till.core.handlers, barcodeOf(3));
    expect((await till.core.handlers['sync.status']({})).pendingCount).toBe(2);
    expect((await serverSalesOf(terminalId)).map((s) => s.id)).not.toContain(after.id);
  });

  it('a database restored from an old copy moves to a new epoch: no receipt number reused, no sale lost', async () => {
    let till = await enrolledTill('Till A');
    const terminalId = (await till.core.handlers['app.info']({})).terminal.id;
    for (let i = 0; i < 2; i++) await sell(till.core.handlers, barcodeOf(1));
    await untilSynced(till);
    await till.close();
    const backup = join(root, `backup-${terminalId}`);
    copyDataDir(till.dataDir, backup);

    till = await startTill(till.dataDir);
    tills.push(till);
    const lost = [];
    for (let i = 0; i < 3; i++) lost.push(await sell(till.core.handlers, barcodeOf(2)));
    expect(lost.map((s) => s.receiptNo)).toEqual(['T01-1-000003', 'T01-1-000004', 'T01-1-000005']);
    await untilSynced(till);
    await till.close();

    copyDataDir(backup, till.dataDir); // the disk was restored from the old copy
    till = await startTill(till.dataDir);
    tills.push(till);
    await until(async () => (await till.core.handlers['app.info']({})).terminal.installEpoch === 2, 10_000, 'new epoch');
    const next = await sell(till.core.handlers, barcodeOf(3));
    expect(next.receiptNo).toBe('T01-2-000003');
    await untilSynced(till);

    const onServer = await serverSalesOf(terminalId);
    expect(onServer).toHaveLength(6);
    expect(new Set(onServer.map((s) => s.receipt_no)).size).toBe(6);
    expect(onServer.map((s) => s.id)).toEqual(expect.arrayContaining([...lost.map((s) => s.id), next.id]));
    // The restored terminal learns its own lost sales back from the store's facts.
    await until(async () => (await till.core.handlers['sale.get']({ receiptNo: 'T01-1-000005' }).then(() => true, () => false)), 10_000, 'lost sales back');
  });
});
