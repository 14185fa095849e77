import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { adminClient, spawnSyncServer, startTestPostgres, TEST_ADMIN_PASSWORD, type SpawnedSyncServer, type TestPostgres } from '../../sync-server/testing';
import { startTcpFaultProxy, type TcpFaultProxy } from '../support/tcp-fault-proxy';
import {
  between, compareWithServer, crashAndRestart, enrolledTerminal, expectedStock, importProducts, randomFault, readLocalSales,
  runSeed, seededRandom, settle, sleep, startSellers, stopTerminals, sameStockOnTerminals, withSeed, type FaultTerminal,
} from './fault-run';

/**
 * Two sync-server processes on one PostgreSQL (the servers are stateless, ARCHITECTURE.md §5):
 * the proxy moves the terminals from one instance to the other every few hundred milliseconds,
 * with faults in between, one instance is SIGKILLed and restarted, one terminal too. A push that
 * one instance committed and the other sees again must come back `duplicate`, and a long-poll on
 * one instance must be woken by a commit on the other.
 */
const RUN_MS = 15_000;
const PRODUCTS = 8;

let root = '';
let cluster: TestPostgres | null = null;
let proxy: TcpFaultProxy | null = null;
const servers: Array<SpawnedSyncServer | null> = [null, null];
const terminals: FaultTerminal[] = [];

const alive = (server: SpawnedSyncServer | null): server is SpawnedSyncServer =>
  server !== null && server.process.exitCode === null && server.process.signalCode === null;

afterAll(async () => {
  await stopTerminals(terminals);
  await proxy?.close();
  for (const server of servers) {
    if (!alive(server)) continue;
    server.process.kill('SIGTERM');
    await server.exited;
  }
  await cluster?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
}, 60_000);

it('two server instances on one database: no sale lost, none doubled, same stock everywhere', async () => {
  const seed = runSeed();
  const random = seededRandom(seed);
  await withSeed(seed, async () => {
    root = mkdtempSync(join(tmpdir(), 'tillpoint-faults-2-'));
    cluster = await startTestPostgres(join(root, 'pg'));
    const databaseUrl = await cluster.createDatabase();
    const spawnInstance = (i: number) => spawnSyncServer({ dataDir: join(root, `instance-${i}`), env: { DATABASE_URL: databaseUrl } });
    servers[0] = await spawnInstance(0);
    servers[1] = await spawnInstance(1);
    const portOf = (i: number) => Number(new URL(servers[i]!.url).port);

    const admin = await adminClient(servers[0].url, TEST_ADMIN_PASSWORD);
    const { storeId, code } = await admin.createStore('Twin street');
    const barcodes = await importProducts(admin, PRODUCTS);
    proxy = await startTcpFaultProxy({ targetPort: portOf(0), random });
    terminals.push(await enrolledTerminal(root, 'till-a', proxy.url, code, PRODUCTS));
    terminals.push(await enrolledTerminal(root, 'till-b', proxy.url, await admin.enrollmentCode(storeId), PRODUCTS));

    const started = Date.now();
    const serverKillAt = between(random, 2_000, RUN_MS - 5_000);
    const terminalKillAt = between(random, 1_000, RUN_MS - 3_000);
    let switches = 0;
    let killed = false;
    const sellers = startSellers(terminals, barcodes, random);
    const moves = (async () => {
      let serving = 0;
      while (Date.now() - started < RUN_MS) {
        if (!killed && Date.now() - started >= serverKillAt) {
          // SIGKILL the instance in use; the terminals are moved to the other one meanwhile.
          killed = true;
          const victim = serving;
          serving = 1 - victim;
          proxy!.setTarget(portOf(serving));
          servers[victim]!.process.kill('SIGKILL');
          await servers[victim]!.exited;
          servers[victim] = await spawnInstance(victim);
        }
        const next = alive(servers[1 - serving] ?? null) ? 1 - serving : serving;
        serving = next;
        proxy!.setTarget(portOf(serving));
        // Mostly a plain switch (open connections reset), sometimes a fault on top.
        proxy!.setMode(random() < 0.6 ? { kind: 'pass' } : randomFault(random));
        switches += 1;
        await sleep(between(random, 200, 600));
      }
      proxy!.setMode({ kind: 'pass' });
    })();
    const crash = (async () => {
      await sleep(terminalKillAt);
      await crashAndRestart(terminals[between(random, 0, terminals.length - 1)]!, between(random, 0, 300));
    })();
    await Promise.all([moves, crash]);
    await sellers.stop();
    expect(sellers.refused, 'the network never refuses a sale').toEqual([]);

    await settle(terminals, 60_000);
    const terminalStock = await sameStockOnTerminals(terminals, expectedStock(terminals.map(readLocalSales)), 30_000);
    await stopTerminals(terminals);
    const result = await compareWithServer(databaseUrl, storeId, terminals, terminals.map(readLocalSales));
    console.info(`two-server run seed ${seed}: ${result.committed} sales, ${switches} switches, proxy ${JSON.stringify(proxy.stats)}`);
    expect(result.committed).toBeGreaterThan(50);
    expect({ ...result, terminalStock }).toMatchObject({ terminalStock: [], lost: [], doubled: [], unknown: [], notDurable: [], quarantined: [], duplicateReceipts: [], stockMismatches: [] });
    expect(result.onServer).toBe(result.committed);
  });
}, 150_000);
