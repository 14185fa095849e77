/**
 * `npm run audit:verify -- --data <dir>`
 *
 * Checks the terminal's two hash chains in <dir>/terminal.db: the audit log (`audit_entry`) and
 * the sales (`sale_seal` over `sale`, `sale_line`, `payment`). Opens the file read-only, so it
 * runs beside a running till or on a copy. Prints one JSON line; on a break, also a sentence
 * naming the first broken entry on stderr. Exit code 0 = both chains verify, 1 = broken, 2 = usage.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { verifyChains } from '../src-main/core/audit/verify-chains';

const USAGE = 'usage: npm run audit:verify -- --data <dir>';

export async function main(argv: readonly string[]): Promise<number> {
  let data: string | undefined;
  try {
    ({ values: { data } } = parseArgs({ args: [...argv], options: { data: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    console.error(`audit:verify: ${error instanceof Error ? error.message : String(error)}`);
    console.error(USAGE);
    return 2;
  }
  if (!data) {
    console.error('audit:verify: --data <dir> is required');
    console.error(USAGE);
    return 2;
  }
  const file = join(resolve(data), 'terminal.db');
  if (!existsSync(file)) {
    console.error(`audit:verify: no terminal database at ${file}`);
    return 2;
  }
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = await verifyChains(sqlite);
    console.log(JSON.stringify({ file, ...result }));
    for (const [name, chain] of [['audit log', result.audit], ['sale chain', result.sales]] as const) {
      if (chain.firstBroken) console.error(`audit:verify: ${name} broken at ${chain.firstBroken.at}: ${chain.firstBroken.reason}`);
    }
    return result.ok ? 0 : 1;
  } finally {
    sqlite.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      console.error(`audit:verify: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
