/**
 * `npm run gen:catalog -- --products <n> --data <dir> [--fts bulk|triggers] [--batch <rows>]`
 *
 * Opens (creating and migrating if needed) the terminal database in <dir>, seeds the demo store
 * when the database is empty so the till is usable, then appends <n> generated products.
 * Progress goes to stderr; the last line on stdout is one JSON summary.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { newId } from '../src-shared/id';
import { openLocalStore } from '../src-main/core/db/open-local-store';
import { stderrLogger, systemClock } from '../src-main/core/deps';
import { generateCatalog } from '../src-main/core/demo/generate-catalog';
import { seedDemoStore } from '../src-main/core/demo/seed-demo-store';

const USAGE = 'usage: npm run gen:catalog -- --products <1..5000000> --data <dir> [--fts bulk|triggers] [--batch <rows>]';

export const GenCatalogArgs = z.object({
  products: z.coerce.number({ error: '--products must be a number' }).int('--products must be a whole number')
    .min(1, '--products must be at least 1').max(5_000_000, '--products must be at most 5,000,000'),
  data: z.string({ error: '--data <dir> is required' }).min(1, '--data <dir> is required'),
  fts: z.enum(['bulk', 'triggers'], { error: '--fts must be "bulk" or "triggers"' }).default('bulk'),
  batch: z.coerce.number().int().min(1).max(1_000_000, '--batch must be at most 1,000,000').default(50_000),
});
export type GenCatalogArgs = z.infer<typeof GenCatalogArgs>;

/** Parses the command line; on bad input returns the messages to print instead of throwing. */
export function parseGenCatalogArgs(argv: readonly string[]): { ok: true; args: GenCatalogArgs } | { ok: false; errors: string[] } {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { products: { type: 'string' }, data: { type: 'string' }, fts: { type: 'string' }, batch: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { ok: false, errors: [error instanceof Error ? error.message : String(error)] };
  }
  if (values.products === undefined) return { ok: false, errors: ['--products <n> is required'] };
  const parsed = GenCatalogArgs.safeParse(values);
  return parsed.success ? { ok: true, args: parsed.data } : { ok: false, errors: parsed.error.issues.map((issue) => issue.message) };
}

export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseGenCatalogArgs(argv);
  if (!parsed.ok) {
    for (const message of parsed.errors) console.error(`gen:catalog: ${message}`);
    console.error(USAGE);
    return 2;
  }
  const { products, fts, batch } = parsed.args;
  const dataDir = resolve(parsed.args.data);
  const appVersion = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  const ids = { next: newId };
  const store = await openLocalStore({ dataDir, appVersion, logger: stderrLogger, clock: systemClock });
  try {
    const { seeded } = await seedDemoStore(store, { clock: systemClock, ids });
    if (seeded) console.error('gen:catalog: seeded the demo store');
    let lastReport = 0;
    const result = generateCatalog(store, {
      count: products, clock: systemClock, ids, ftsMode: fts, batchSize: batch,
      onProgress: (done, total) => {
        const now = performance.now();
        if (done === total || now - lastReport > 1000) {
          lastReport = now;
          console.error(`gen:catalog: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} products`);
        }
      },
    });
    const seconds = result.milliseconds / 1000;
    console.log(JSON.stringify({
      ...result, seconds, productsPerSecond: Math.round(result.inserted / Math.max(seconds, 0.001)), seededDemo: seeded, dataDir,
    }));
    return 0;
  } finally {
    await store.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      console.error(`gen:catalog: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
