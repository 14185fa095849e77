import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startSyncServer, startTestPostgres, type TestPostgres, type TestSyncServer } from '../../sync-server/testing';
import { startWebHost, type WebHost } from '../e2e/support/web-host';
import { startTcpFaultProxy, type TcpFaultProxy } from '../support/tcp-fault-proxy';
import { enrolledTerminal, importProducts, rpc, settle, sleep, type FaultTerminal } from './fault-run';

/**
 * A terminal's disk restored from an old copy that still held UNSYNCED sales (the original sent
 * them later, then sold more). test/integration/sync/terminal-sync.test.ts covers a copy taken
 * after a sync; here the copy's pending events were already delivered by the original, so after
 * the new epoch renumbers them they must come back `duplicate`, not as second sales; the new
 * receipts carry the new epoch and no receipt number is used twice.
 */
let root = '';
let cluster: TestPostgres | null = null;
let server: TestSyncServer | null = null;
let proxy: TcpFaultProxy | null = null;
let host: WebHost | null = null;

afterAll(async () => {
  await host?.kill('SIGTERM');
  await proxy?.close();
  await server?.stop();
  await cluster?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
}, 60_000);

interface SaleView { id: string; receiptNo: string }

async function sell(url: string, barcode: string): Promise<SaleView> {
  await rpc(url, 'cart.get');
  const cart = await rpc<{ id: string; totals: { totalMinor: number } }>(url, 'cart.scan', { barcode });
  return rpc<SaleView>(url, 'sale.complete', { cartId: cart.id, payments: [{ tender: 'cash', amountMinor: cart.totals.totalMinor }] });
}

it('restored from a copy holding unsynced sales: new epoch, nothing lost, nothing doubled, no receipt number reused', async () => {
  root = mkdtempSync(join(tmpdir(), 'tillpoint-restore-'));
  cluster = await startTestPostgres(join(root, 'pg'));
  server = await startSyncServer({ databaseUrl: await cluster.createDatabase() });
  const { storeId, code } = await server.admin.createStore('Restore street');
  const [barcode] = await importProducts(server.admin, 1);
  proxy = await startTcpFaultProxy({ targetPort: Number(new URL(server.url).port) });
  const till: FaultTerminal = await enrolledTerminal(root, 'till', proxy.url, code, 1);
  host = till.host;

  const synced = [await sell(host!.url, barcode!), await sell(host!.url, barcode!)];
  await settle([till], 20_000);
  proxy.setMode({ kind: 'drop' }); // offline: the next two stay pending
  const pendingInCopy = [await sell(host!.url, barcode!), await sell(host!.url, barcode!)];
  await sleep(200);
  expect((await rpc<{ pendingCount: number }>(host!.url, 'sync.status')).pendingCount).toBe(2);
  await host!.kill('SIGTERM');
  const backup = join(root, 'backup');
  cpSync(till.dataDir, backup, { recursive: true });

  // The original goes on: delivers the two, sells two more, syncs them.
  proxy.setMode({ kind: 'pass' });
  host = till.host = await startWebHost({ dataDir: till.dataDir, port: till.port });
  const afterCopy = [await sell(host.url, barcode!), await sell(host.url, barcode!)];
  await settle([till], 20_000);
  expect(afterCopy.map((s) => s.receiptNo)).toEqual(['T01-1-000005', 'T01-1-000006']);
  await host.kill('SIGTERM');

  // The disk is replaced by the old copy.
  rmSync(till.dataDir, { recursive: true, force: true });
  cpSync(backup, till.dataDir, { recursive: true });
  host = till.host = await startWebHost({ dataDir: till.dataDir, port: till.port });
  await settle([till], 20_000);
  const info = await rpc<{ terminal: { installEpoch: number } }>(host.url, 'app.info');
  expect(info.terminal.installEpoch).toBe(2);
  const next = await sell(host.url, barcode!);
  expect(next.receiptNo).toMatch(/^T01-2-/);
  await settle([till], 20_000);

  const db = server.server.db;
  const sales = await db.selectFrom('sales').select(['id', 'receipt_no']).where('store_id', '=', storeId).execute();
  const all = [...synced, ...pendingInCopy, ...afterCopy, next];
  expect(sales.map((s) => s.id).sort()).toEqual(all.map((s) => s.id).sort());
  expect(new Set(sales.map((s) => s.receipt_no)).size).toBe(all.length);
  const events = await db.selectFrom('events').select(['event_id', 'install_epoch', 'status']).where('store_id', '=', storeId).where('type', '=', 'sale.completed').execute();
  expect(events).toHaveLength(all.length);
  expect(events.every((e) => e.status === 'accepted')).toBe(true);
  const epochs = await db.selectFrom('terminal_epochs').select('install_epoch').where('terminal_id', '=', till.terminalId).orderBy('install_epoch').execute();
  expect(epochs.map((e) => e.install_epoch)).toEqual([1, 2]);
  // The sales the copy never saw come back down from the store's facts.
  for (const sale of afterCopy) {
    await expect.poll(async () => (await rpc<{ id: string }>(host!.url, 'sale.get', { receiptNo: sale.receiptNo }).catch(() => null))?.id, { timeout: 10_000 }).toBe(sale.id);
  }
}, 120_000);
