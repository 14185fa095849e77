import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { AdminClient } from '../../sync-server/testing';
import { startWebHost, type WebHost } from '../e2e/support/web-host';
import type { FaultMode } from '../support/tcp-fault-proxy';

/**
 * The fault suite's moving parts: terminals as real web-host child processes (so SIGKILL is a
 * real power cut), sellers ringing up sales over `POST /rpc/…`, a seeded schedule of faults, and
 * the final comparison of what the terminals committed with what the server holds.
 */

/** mulberry32: a tiny seeded PRNG, so a failing run can be replayed with FAULT_SEED=<seed>. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function runSeed(): number {
  const fromEnv = process.env.FAULT_SEED;
  return fromEnv ? Number(fromEnv) >>> 0 : (Math.random() * 2 ** 32) >>> 0;
}

/** Runs `body`; on failure the seed leads the error message, so the run can be replayed. */
export async function withSeed(seed: number, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const message = `fault run failed with seed ${seed} (replay: FAULT_SEED=${seed})`;
    console.error(message);
    if (error instanceof Error) error.message = `${message}: ${error.message}`;
    throw error;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export const between = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

export class RpcError extends Error {
  constructor(readonly code: string, message: string) {
    super(`${code}: ${message}`);
  }
}

/** One contract call over the web host's loopback HTTP (the envelope of src-shared/contract). */
export async function rpc<T>(hostUrl: string, method: string, input: unknown = {}): Promise<T> {
  const response = await fetch(new URL(`rpc/${method}`, hostUrl), {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input), signal: AbortSignal.timeout(15_000),
  });
  const envelope = (await response.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!envelope.ok) throw new RpcError(envelope.error.code, envelope.error.message);
  return envelope.value;
}

export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

export const barcodeOf = (i: number): string => String(4_100_000_000_000 + i);

/** `count` products on the server through the admin CSV import; returns their barcodes. */
export async function importProducts(admin: AdminClient, count: number): Promise<string[]> {
  const lines = ['sku,name,price_minor,tax_class,category,barcodes'];
  for (let i = 1; i <= count; i++) lines.push(`F${i},Fault product ${i},${50 * i},STD,Faults,${barcodeOf(i)}`);
  const imported = await admin.call('POST', '/api/v1/catalog/import', lines.join('\n'), 'text/csv');
  if (imported.status !== 200) throw new Error(`catalog import failed: ${JSON.stringify(imported.body)}`);
  return Array.from({ length: count }, (_, i) => barcodeOf(i + 1));
}

interface SyncStatusView {
  pendingCount: number;
  online: boolean;
  lastError: string | null;
  catalogCompleteness: Array<{ stream: string; complete: boolean }>;
}

export interface FaultTerminal {
  name: string;
  dataDir: string;
  port: number;
  host: WebHost | null;
  terminalId: string;
  /** Sales whose `sale.complete` answered ok: each must survive any crash and reach the server. */
  confirmed: Set<string>;
  kills: number;
}

/** A web host on a fresh data directory (demo identity), enrolled through `serverUrl`, catalog pulled. */
export async function enrolledTerminal(root: string, name: string, serverUrl: string, code: string, products: number): Promise<FaultTerminal> {
  const dataDir = join(root, name);
  mkdirSync(dataDir, { recursive: true });
  // POS_DEMO_OPEN: sellers ring sales over the contract, with no one signed in and no shift (core/boot.ts).
  const host = await startWebHost({ dataDir, demo: true, env: { POS_DEMO_OPEN: '1' } });
  await rpc(host.url, 'sync.enroll', { serverUrl, code, terminalName: name });
  await until(async () => {
    const status = await rpc<SyncStatusView>(host.url, 'sync.status');
    const info = await rpc<{ catalog: { products: number } }>(host.url, 'app.info');
    return status.catalogCompleteness.find((s) => s.stream === 'catalog')?.complete === true && info.catalog.products === products;
  }, 30_000, `${name}: catalog pulled`);
  const info = await rpc<{ terminal: { id: string } }>(host.url, 'app.info');
  return { name, dataDir, port: host.port, host, terminalId: info.terminal.id, confirmed: new Set(), kills: 0 };
}

/** SIGKILL (a power cut) and start again on the same data directory and port. */
export async function crashAndRestart(terminal: FaultTerminal, downMs: number): Promise<void> {
  const host = terminal.host;
  if (!host) return;
  terminal.host = null;
  await host.kill('SIGKILL');
  terminal.kills += 1;
  await sleep(downMs);
  terminal.host = await startWebHost({ dataDir: terminal.dataDir, demo: true, port: terminal.port, env: { POS_DEMO_OPEN: '1' } });
}

/**
 * Each terminal rings up sales of 1–3 random items, paid exactly in cash, back to back, until
 * stopped. A refused sale (any domain error) is recorded: the network must never stop a sale.
 * A failed request (the host was killed) just tries again once the host is back.
 */
export function startSellers(terminals: FaultTerminal[], barcodes: string[], random: () => number) {
  let stopped = false;
  const refused: string[] = [];
  let attempts = 0;
  async function sellLoop(terminal: FaultTerminal): Promise<void> {
    while (!stopped) {
      const host = terminal.host;
      if (!host) {
        await sleep(50);
        continue;
      }
      attempts += 1;
      try {
        let cart = await rpc<{ id: string; totals: { totalMinor: number } }>(host.url, 'cart.get');
        const items = between(random, 1, 3);
        for (let i = 0; i < items; i++) cart = await rpc(host.url, 'cart.scan', { barcode: barcodes[between(random, 0, barcodes.length - 1)] });
        const sale = await rpc<{ id: string }>(host.url, 'sale.complete', { cartId: cart.id, payments: [{ tender: 'cash', amountMinor: cart.totals.totalMinor }] });
        terminal.confirmed.add(sale.id);
      } catch (error) {
        if (error instanceof RpcError) refused.push(`${terminal.name}: ${error.message}`);
        else await sleep(50);
      }
      await sleep(between(random, 0, 30));
    }
  }
  const loops = terminals.map((terminal) => sellLoop(terminal));
  return {
    refused,
    attempts: () => attempts,
    async stop(): Promise<void> {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

/**
 * A random fault, weighted towards the ones that leave the client unsure whether the server
 * committed: answers cut midway or swapped for a 503 after the server handled the request, aimed
 * at `push` more often than not (a fault on every request would stop the loop at `hello`).
 */
export function randomFault(random: () => number): FaultMode {
  const filter = () => ({ paths: random() < 0.6 ? ['/sync/v1/push'] : undefined, probability: 0.3 + 0.7 * random() });
  const roll = random();
  if (roll < 0.12) return { kind: 'pass' };
  if (roll < 0.27) return { kind: 'delay', ms: between(random, 20, 300), jitterMs: between(random, 0, 100) };
  if (roll < 0.37) return { kind: 'drop' };
  if (roll < 0.62) return { kind: 'cut', afterBytes: between(random, 0, 400), ...filter() };
  if (roll < 0.7) return { kind: 'http503', ...filter() };
  if (roll < 0.92) return { kind: 'http503', forward: true, ...filter() };
  return { kind: 'blackhole' };
}

/** Waits until every terminal's outbox is empty, kicking each loop with `sync.now` (its backoff may be long). */
export async function settle(terminals: FaultTerminal[], timeoutMs: number): Promise<void> {
  await until(async () => {
    let pending = 0;
    for (const terminal of terminals) {
      const status = await rpc<SyncStatusView>(terminal.host!.url, 'sync.status');
      pending += status.pendingCount;
      if (status.pendingCount > 0) await rpc(terminal.host!.url, 'sync.now');
    }
    return pending === 0;
  }, timeoutMs, `every outbox drained (${terminals.map((t) => t.name).join(', ')})`, 250);
}

export interface LocalSales {
  /** This terminal's own sales (pulled sales of other terminals excluded). */
  ids: Set<string>;
  receipts: string[];
  /** product id → units sold by this terminal. */
  sold: Map<string, number>;
}

/** Reads a terminal's own committed sales straight from its SQLite file, read-only. */
export function readLocalSales(terminal: FaultTerminal): LocalSales {
  const db = new Database(join(terminal.dataDir, 'terminal.db'), { readonly: true, fileMustExist: true });
  try {
    const sales = db.prepare('SELECT id, receipt_no FROM sale WHERE terminal_id = ?').all(terminal.terminalId) as Array<{ id: string; receipt_no: string }>;
    const lines = db.prepare('SELECT l.product_id, SUM(l.quantity) AS units FROM sale_line l JOIN sale s ON s.id = l.sale_id WHERE s.terminal_id = ? GROUP BY l.product_id')
      .all(terminal.terminalId) as Array<{ product_id: string; units: number }>;
    return { ids: new Set(sales.map((s) => s.id)), receipts: sales.map((s) => s.receipt_no), sold: new Map(lines.map((l) => [l.product_id, l.units])) };
  } finally {
    db.close();
  }
}

/** product id → expected on-hand stock (every sale is a movement of −quantity). */
export function expectedStock(all: LocalSales[]): Map<string, number> {
  const stock = new Map<string, number>();
  for (const local of all) for (const [product, units] of local.sold) stock.set(product, (stock.get(product) ?? 0) - units);
  return stock;
}

/**
 * Waits until every terminal's `stock.level` equals `expected` for every product sold; returns
 * what still differs after `timeoutMs` (empty when all agree), so the caller can report it
 * together with the server comparison.
 */
export async function sameStockOnTerminals(terminals: FaultTerminal[], expected: Map<string, number>, timeoutMs: number): Promise<string[]> {
  const differences = async () => {
    const found: string[] = [];
    for (const terminal of terminals) {
      for (const [productId, onHand] of expected) {
        const level = await rpc<{ onHand: number }>(terminal.host!.url, 'stock.level', { productId });
        if (level.onHand !== onHand) found.push(`${terminal.name} shows ${level.onHand} for ${productId}, expected ${onHand}`);
      }
    }
    return found;
  };
  let last: string[] = [];
  await until(async () => {
    last = await differences();
    if (last.length === 0) return true;
    for (const terminal of terminals) await rpc(terminal.host!.url, 'sync.now');
    return false;
  }, timeoutMs, 'the same stock on every terminal', 250).catch(() => undefined);
  return last;
}

export interface ServerComparison {
  committed: number;
  onServer: number;
  /** Committed on a terminal, absent on the server. */
  lost: string[];
  /** On the server more than once (two sale.completed events or two projections for one sale). */
  doubled: string[];
  /** On the server but committed by no terminal. */
  unknown: string[];
  /** Confirmed to the seller but missing from the terminal's own database after the crashes. */
  notDurable: string[];
  quarantined: Array<{ type: string; reason: string | null }>;
  duplicateReceipts: string[];
  stockMismatches: string[];
}

/** Compares the terminals' committed sales with the server's `sales` projection, events and stock movements. */
export async function compareWithServer(databaseUrl: string, storeId: string, terminals: FaultTerminal[], locals: LocalSales[]): Promise<ServerComparison> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const sales = (await client.query<{ id: string; receipt_no: string }>('SELECT id, receipt_no FROM sales WHERE store_id = $1', [storeId])).rows;
    const events = (await client.query<{ sale_id: string; n: string }>(
      `SELECT payload->'sale'->>'id' AS sale_id, count(*) AS n FROM events WHERE store_id = $1 AND type = 'sale.completed' GROUP BY 1`, [storeId])).rows;
    const quarantined = (await client.query<{ type: string; reason: string | null }>(
      `SELECT type, reason FROM events WHERE store_id = $1 AND status = 'quarantined'`, [storeId])).rows;
    const stock = (await client.query<{ product_id: string; on_hand: string }>(
      'SELECT product_id, sum(quantity_delta) AS on_hand FROM stock_movements WHERE store_id = $1 GROUP BY product_id', [storeId])).rows;

    const committed = new Set(locals.flatMap((local) => [...local.ids]));
    const serverIds = new Set(sales.map((s) => s.id));
    const eventCount = new Map(events.map((e) => [e.sale_id, Number(e.n)]));
    const expected = expectedStock(locals);
    const serverStock = new Map(stock.map((s) => [s.product_id, Number(s.on_hand)]));
    const receipts = sales.map((s) => s.receipt_no);
    return {
      committed: committed.size,
      onServer: sales.length,
      lost: [...committed].filter((id) => !serverIds.has(id)),
      doubled: [...eventCount].filter(([, n]) => n > 1).map(([id]) => id).concat(sales.length !== serverIds.size ? ['(duplicate sale rows)'] : []),
      unknown: [...serverIds].filter((id) => !committed.has(id)),
      notDurable: terminals.flatMap((terminal, i) => [...terminal.confirmed].filter((id) => !locals[i]!.ids.has(id))),
      quarantined,
      duplicateReceipts: receipts.filter((receipt, i) => receipts.indexOf(receipt) !== i),
      stockMismatches: [...new Set([...expected.keys(), ...serverStock.keys()])]
        .filter((product) => (expected.get(product) ?? 0) !== (serverStock.get(product) ?? 0))
        .map((product) => `${product}: terminals ${expected.get(product) ?? 0}, server ${serverStock.get(product) ?? 0}`),
    };
  } finally {
    await client.end();
  }
}

/** Stops every terminal host cleanly (SIGTERM) so its database can be read. */
export async function stopTerminals(terminals: FaultTerminal[]): Promise<void> {
  await Promise.all(terminals.map(async (terminal) => {
    const host = terminal.host;
    terminal.host = null;
    await host?.kill('SIGTERM');
  }));
}
