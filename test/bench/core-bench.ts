import { newId } from '../../src-shared/id';
import { createCore, type Core } from '../../src-main/core/create-core';
import { openLocalStore } from '../../src-main/core/db/open-local-store';
import { silentLogger, systemClock } from '../../src-main/core/deps';
import { DEMO_PEOPLE } from '../../src-main/core/demo/seed-demo-store';
import { openBaselineCommit } from './baseline-commit';
import { print, summarize, timeMs, type BenchLine } from './stats';

/** A seeded pseudo-random sequence, so runs pick the same barcodes. */
function* lcg(seed: number): Generator<number> {
  let state = seed >>> 0;
  for (;;) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    yield state;
  }
}

/** Signs the demo manager in and opens a shift, as a cashier does before the first sale. */
async function startSelling(core: Core): Promise<void> {
  const h = core.handlers;
  const manager = (await h['people.listForSignIn']({})).find((p) => p.name === DEMO_PEOPLE[0].name);
  if (!manager) throw new Error('the bench needs the demo people (gen:catalog seeds them)');
  await h['session.signIn']({ personId: manager.id, pin: DEMO_PEOPLE[0].pin });
  if (!(await h['shift.current']({}))) await h['shift.open']({ floatCount: [] });
}

/** Sales measured per block, and one-row commits of the baseline measured before each block. */
const SALES_PER_BLOCK = 20;
const BASELINE_PER_BLOCK = 32;
const BLOCKS = 16;

/**
 * `cart.scan`, `baseline.sqlite.commit` with `sale.commit`, and `catalog.search` through the core
 * on the data directory's catalog; returns the `sale.commit` line.
 *
 * The baseline and the sales are measured in alternating blocks (the first block of each is
 * warm-up), so a drift of the disk or of the machine during the run weighs on both alike: measured
 * one after the other, the baseline's p50 moved between 0.18 and 0.27 ms from run to run here.
 */
export async function benchCore(dataDir: string): Promise<BenchLine> {
  const local = await openLocalStore({ dataDir, appVersion: 'bench', logger: silentLogger });
  const core = await createCore({ local, clock: systemClock, ids: { next: newId }, logger: silentLogger, appVersion: 'bench' });
  try {
    await startSelling(core);
    const h = core.handlers;
    const { n: products } = local.sqlite.prepare('SELECT count(*) AS n FROM product WHERE active = 1').get() as { n: number };
    // A configured printer adds a receipt and a drawer kick after every sale: shown on the line, so
    // a run on a data directory with one is told apart (printing-bench.ts measures that case).
    const { n: devices } = local.sqlite.prepare('SELECT count(*) AS n FROM device').get() as { n: number };
    const random = lcg(42);
    const pick = local.sqlite.prepare('SELECT b.code FROM barcode b JOIN product p ON p.id = b.product_id WHERE p.rowid = ? AND p.active = 1');
    const barcodes: string[] = [];
    while (barcodes.length < 2_000) {
      const row = pick.get(1 + (random.next().value % products)) as { code: string } | undefined;
      if (row) barcodes.push(row.code);
    }
    await h['cart.clear']({});

    const scans: number[] = [];
    for (const [i, barcode] of barcodes.entries()) {
      if (i % 25 === 0) await h['cart.clear']({});
      const ms = await timeMs(() => h['cart.scan']({ barcode }));
      if (i >= 100) scans.push(ms);
    }
    print(summarize('cart.scan', 'ms', scans, { products }));

    const baseline = openBaselineCommit(dataDir);
    const floor: number[] = [];
    const commits: number[] = [];
    try {
      for (let block = 0, i = 0; block < BLOCKS; block++) {
        const bare = baseline.run(BASELINE_PER_BLOCK);
        if (block > 0) floor.push(...bare);
        for (let k = 0; k < SALES_PER_BLOCK; k++, i++) {
          await h['cart.clear']({});
          let cart = await h['cart.scan']({ barcode: barcodes[i % barcodes.length]! });
          cart = await h['cart.scan']({ barcode: barcodes[(i + 7) % barcodes.length]! });
          cart = await h['cart.scan']({ barcode: barcodes[(i + 13) % barcodes.length]! });
          const amountMinor = cart.totals.totalMinor + 1_000;
          const ms = await timeMs(() => h['sale.complete']({ cartId: cart.id, payments: [{ tender: 'cash', amountMinor: amountMinor as never }] }));
          if (block > 0) commits.push(ms);
        }
      }
    } finally {
      baseline.close();
    }
    const floorLine = summarize('baseline.sqlite.commit', 'ms', floor, { interleaved: true });
    print(floorLine);
    const sale = summarize('sale.commit', 'ms', commits, { products, lines: 3, devices, interleaved: true });
    sale.ratio = Math.round((sale.p50 / floorLine.p50) * 100) / 100;
    sale.baselineP50 = floorLine.p50;
    print(sale);

    // Type-ahead: the top 20 for random 3-letter prefixes of real product names.
    const name = local.sqlite.prepare('SELECT name FROM product WHERE rowid = ?');
    const prefixes: string[] = [];
    while (prefixes.length < 500) {
      const row = name.get(1 + (random.next().value % products)) as { name: string } | undefined;
      const word = row?.name.split(/\s+/).find((w) => /^\p{L}{3}/u.test(w));
      if (word) prefixes.push(word.slice(0, 3).toLowerCase());
    }
    const searches: number[] = [];
    for (const [i, query] of prefixes.entries()) {
      const ms = await timeMs(() => h['catalog.search']({ query, limit: 20 }));
      if (i >= 50) searches.push(ms);
    }
    print(summarize('catalog.search', 'ms', searches, { products, limit: 20 }));
    // The printing bench compares its printer-offline commits with this line (printing-bench.ts).
    return sale;
  } finally {
    await core.close();
  }
}
