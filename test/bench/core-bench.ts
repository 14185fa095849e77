import { newId } from '../../src-shared/id';
import { createCore } from '../../src-main/core/create-core';
import { openLocalStore } from '../../src-main/core/db/open-local-store';
import { silentLogger, systemClock } from '../../src-main/core/deps';
import { print, summarize, timeMs, type BenchLine } from './stats';

/** A seeded pseudo-random sequence, so runs pick the same barcodes. */
function* lcg(seed: number): Generator<number> {
  let state = seed >>> 0;
  for (;;) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    yield state;
  }
}

/** `cart.scan` and `sale.commit` through the core on the data directory's catalog. */
export async function benchCore(dataDir: string, baseline: BenchLine): Promise<void> {
  const local = await openLocalStore({ dataDir, appVersion: 'bench', logger: silentLogger });
  const core = await createCore({ local, clock: systemClock, ids: { next: newId }, logger: silentLogger, appVersion: 'bench' });
  try {
    const h = core.handlers;
    const { n: products } = local.sqlite.prepare('SELECT count(*) AS n FROM product WHERE active = 1').get() as { n: number };
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

    const commits: number[] = [];
    for (let i = 0; i < 320; i++) {
      await h['cart.clear']({});
      let cart = await h['cart.scan']({ barcode: barcodes[i % barcodes.length]! });
      cart = await h['cart.scan']({ barcode: barcodes[(i + 7) % barcodes.length]! });
      cart = await h['cart.scan']({ barcode: barcodes[(i + 13) % barcodes.length]! });
      const amountMinor = cart.totals.totalMinor + 1_000;
      const ms = await timeMs(() => h['sale.complete']({ cartId: cart.id, payments: [{ tender: 'cash', amountMinor: amountMinor as never }] }));
      if (i >= 20) commits.push(ms);
    }
    const sale = summarize('sale.commit', 'ms', commits, { products, lines: 3 });
    sale.ratio = Math.round((sale.p50 / baseline.p50) * 100) / 100;
    sale.baselineP50 = baseline.p50;
    print(sale);
  } finally {
    await core.close();
  }
}
