import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { adminClient, spawnSyncServer, startTestPostgres, TEST_ADMIN_PASSWORD, type AdminClient, type TestPostgres } from '../../sync-server/testing';
import { percentile } from './stats';
import {
  barcodeOf, catalogComplete, enrollTerminal, importProducts, openTerminal, pendingCount, pushTimer, sellOne, sleep, until, type BenchTerminal,
} from './sync-terminal';

/**
 * `npm run bench -- sync`: issue 6's sync numbers against the real server on embedded
 * PostgreSQL (fsync on), one JSON line each on stdout, progress on stderr:
 * - sync.push10k: 10,000 sales made offline on one terminal, then pushed by the real loop.
 * - sync.concurrent: 20 terminals with 500 offline sales each start syncing at once.
 * - sync.initialPull: 100,000 products imported centrally, pulled by a newly enrolled terminal.
 * - sync.propagation: a product edit through the admin API until it is in a terminal's SQLite.
 */
const line = (value: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(value)}\n`);
const progress = (message: string) => process.stderr.write(`sync bench: ${message}\n`);
const seconds = (ms: number) => Math.round(ms) / 1000;

interface Context {
  root: string;
  cluster: TestPostgres;
}

/** The sync server as its own process (as on a real machine), on a fresh database of the embedded cluster. */
interface BenchServer {
  url: string;
  admin: AdminClient;
  db: pg.Pool;
}

async function withServer<T>(context: Context, run: (server: BenchServer) => Promise<T>): Promise<T> {
  const databaseUrl = await context.cluster.createDatabase();
  const child = await spawnSyncServer({ dataDir: mkdtempSync(join(context.root, 'server-')), env: { DATABASE_URL: databaseUrl } });
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    return await run({ url: child.url, admin: await adminClient(child.url, TEST_ADMIN_PASSWORD), db });
  } finally {
    await db.end();
    child.process.kill('SIGTERM');
    await child.exited;
  }
}

async function sellOffline(terminal: BenchTerminal, count: number, products: number, note?: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(await sellOne(terminal.core, barcodeOf(1 + (i % products))));
    if (note && (i + 1) % 2_000 === 0) progress(`${note}: ${i + 1} sales`);
  }
  return ids;
}

/** Sale ids on the server, and how many `sale.completed` events each has (1, or the sale was doubled). */
async function serverSales(server: BenchServer, storeId: string): Promise<{ ids: Set<string>; doubled: number; lastReceivedAt: number }> {
  const sales = await server.db.query<{ id: string }>('SELECT id FROM sales WHERE store_id = $1', [storeId]);
  const doubled = await server.db.query<{ n: string }>(`SELECT count(*) AS n FROM (SELECT payload->'sale'->>'id' FROM events
    WHERE store_id = $1 AND type = 'sale.completed' GROUP BY 1 HAVING count(*) > 1) d`, [storeId]);
  const last = await server.db.query<{ at: Date | null }>('SELECT max(received_at) AS at FROM events WHERE store_id = $1', [storeId]);
  return { ids: new Set(sales.rows.map((s) => s.id)), doubled: Number(doubled.rows[0]?.n ?? 0), lastReceivedAt: last.rows[0]?.at?.getTime() ?? Number.NaN };
}

async function push10kAndPropagation(context: Context): Promise<void> {
  await withServer(context, async (server) => {
    const { storeId, code } = await server.admin.createStore('Bench push');
    await importProducts(server.admin, 10);
    const timer = pushTimer();
    const terminal = await enrollTerminal(context.root, server.url, code, 'Push till', timer.fetch);
    try {
      await terminal.core.sync.stop();
      progress('push10k: making 10,000 sales offline …');
      const sold = await sellOffline(terminal, 10_000, 10, 'push10k');
      const events = pendingCount(terminal);
      const started = performance.now();
      terminal.core.sync.start();
      await until(() => pendingCount(terminal) === 0, 300_000, 'push10k acknowledged', 5);
      const elapsed = performance.now() - started;
      const onServer = await serverSales(server, storeId);
      line({
        name: 'sync.push10k', unit: 'sales/s', value: Math.round(sold.length / (elapsed / 1000)), n: sold.length, seconds: seconds(elapsed),
        events, lost: sold.filter((id) => !onServer.ids.has(id)).length, doubled: onServer.doubled,
        // Where the time went: waiting for push answers (server + network) vs. the terminal's own work.
        pushes: timer.requests(), pushWaitSeconds: seconds(timer.ms()),
      });
      await propagation(server, terminal);
    } finally {
      await terminal.core.close();
    }
  });
}

/** ~30 price edits, one at a time: admin PATCH sent → the new price is in the terminal's SQLite. */
async function propagation(server: BenchServer, terminal: BenchTerminal): Promise<void> {
  // Let the loop finish pulling (its own 10,000 facts come back on the `facts` stream) and go idle.
  await until(async () => (await terminal.core.handlers['sync.status']({})).catalogCompleteness.every((s) => s.complete), 120_000, 'streams pulled', 50);
  await sleep(1_000);
  const products = (await server.admin.call<Array<{ id: string; priceMinor: number }>>('GET', '/api/v1/products?limit=10')).body;
  const priceOf = terminal.local.sqlite.prepare('SELECT price_minor AS price FROM product WHERE id = ?');
  const samples: number[] = [];
  for (let i = 0; i < 30; i++) {
    const product = products[i % products.length]!;
    const price = 10_000 + i;
    const started = performance.now();
    const patched = await server.admin.call('PATCH', `/api/v1/products/${product.id}`, { priceMinor: price });
    if (patched.status !== 200) throw new Error(`PATCH failed: ${JSON.stringify(patched.body)}`);
    await until(() => (priceOf.get(product.id) as { price: number } | undefined)?.price === price, 10_000, `edit ${i} applied`, 1);
    samples.push(performance.now() - started);
    await sleep(50 + (i % 5) * 40);
  }
  const sorted = samples.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  line({ name: 'sync.propagation', unit: 'ms', n: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted.at(-1)!) });
}

async function concurrent(context: Context): Promise<void> {
  await withServer(context, async (server) => {
    const { storeId, code } = await server.admin.createStore('Bench concurrent');
    await importProducts(server.admin, 10);
    const terminals: BenchTerminal[] = [];
    try {
      progress('concurrent: enrolling 20 terminals …');
      for (let i = 0; i < 20; i++) {
        terminals.push(await enrollTerminal(context.root, server.url, i === 0 ? code : await server.admin.enrollmentCode(storeId), `Till ${i + 1}`));
      }
      const sold: string[] = [];
      for (const [i, terminal] of terminals.entries()) {
        await terminal.core.sync.stop();
        sold.push(...(await sellOffline(terminal, 500, 10)));
        if ((i + 1) % 5 === 0) progress(`concurrent: ${(i + 1) * 500} offline sales`);
      }
      const started = performance.now();
      const startedAt = Date.now();
      for (const terminal of terminals) terminal.core.sync.start();
      await until(() => terminals.every((terminal) => pendingCount(terminal) === 0), 300_000, 'all 20 terminals acknowledged', 10);
      const elapsed = performance.now() - started;
      const onServer = await serverSales(server, storeId);
      line({
        name: 'sync.concurrent', unit: 's', value: seconds(elapsed), lost: sold.filter((id) => !onServer.ids.has(id)).length,
        doubled: onServer.doubled, terminals: terminals.length, sales: sold.length, onServer: onServer.ids.size,
        // When the server had taken the last of them (its clock, this machine): the terminals run in
        // this one process, so their pulls of each other's 9,500 sales delay their own acks here.
        serverSeconds: seconds(onServer.lastReceivedAt - startedAt),
      });
    } finally {
      for (const terminal of terminals) await terminal.core.close();
    }
  });
}

async function initialPull(context: Context): Promise<void> {
  await withServer(context, async (server) => {
    const { code } = await server.admin.createStore('Bench catalog');
    progress('initialPull: importing 100,000 products on the server …');
    const importStarted = performance.now();
    await importProducts(server.admin, 100_000);
    const importSeconds = seconds(performance.now() - importStarted);
    const { core } = await openTerminal(context.root);
    try {
      core.sync.start();
      const started = performance.now();
      await core.handlers['sync.enroll']({ serverUrl: server.url, code, terminalName: 'New till' });
      await until(() => catalogComplete(core), 300_000, 'catalog pulled', 20);
      const elapsed = performance.now() - started;
      const { products } = (await core.handlers['app.info']({})).catalog;
      line({ name: 'sync.initialPull', unit: 's', value: seconds(elapsed), products, importSeconds });
    } finally {
      await core.close();
    }
  });
}

/** `only`: run just the benches whose name contains it (`npm run bench -- sync push10k`). */
export async function benchSync(only?: string): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'tillpoint-sync-bench-'));
  const cluster = await startTestPostgres(join(root, 'pg'));
  const context = { root, cluster };
  try {
    const parts: Array<[string, (c: Context) => Promise<void>]> = [
      ['sync.push10k sync.propagation', push10kAndPropagation], ['sync.concurrent', concurrent], ['sync.initialPull', initialPull],
    ];
    for (const [names, run] of parts) if (!only || names.includes(only)) await run(context);
  } finally {
    await cluster.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
