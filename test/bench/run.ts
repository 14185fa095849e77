// `npm run bench -- [--products <n>] [--data <dir>]` (or `-- sync`): one JSON line per measurement
// (docs: README "Benchmarks"). Baselines are measured in the same run, on the same disk.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { benchCore } from './core-bench';
import { benchPrinting } from './printing-bench';
import { benchSync } from './sync-bench';
import { benchHost } from './host-bench';
import { benchUi } from './ui-bench';

const Args = z.object({
  products: z.coerce.number().int().min(1).max(5_000_000).default(10_000),
  data: z.string().min(1).optional(),
});

function parseArgs(argv: readonly string[]): z.infer<typeof Args> {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    if (flag !== '--products' && flag !== '--data') throw new Error(`unknown argument ${flag}; usage: npm run bench -- [--products <n>] [--data <dir>]`);
    raw[flag.slice(2)] = argv[i + 1] ?? '';
  }
  return Args.parse(raw);
}

async function main(): Promise<void> {
  // `npm run bench -- sync [name]`: the sync server benches (test/bench/sync-bench.ts) instead of the default ones.
  if (process.argv[2] === 'sync') return benchSync(process.argv[3]);
  const args = parseArgs(process.argv.slice(2));
  let dataDir = args.data;
  const temporary = dataDir === undefined;
  if (dataDir === undefined) {
    dataDir = mkdtempSync(join(tmpdir(), 'tillpoint-bench-'));
    console.error(`generating ${args.products} products in ${dataDir} …`);
    const gen = spawnSync('npx', ['tsx', 'scripts/gen-catalog.ts', '--products', String(args.products), '--data', dataDir], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (gen.status !== 0) throw new Error('gen:catalog failed');
  }
  try {
    // baseline.sqlite.commit and sale.commit are measured in alternating blocks (core-bench.ts).
    const saleCommit = await benchCore(dataDir);
    // receipt.encode and sale.commit.printerOffline (issue 5), against the core's sale.commit.
    await benchPrinting(dataDir, saleCommit);
    await benchHost(dataDir);
    await benchUi(dataDir);
  } finally {
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
