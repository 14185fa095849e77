// The layer table of docs/architecture.md section 2 is enforced by `local/layers`
// (eslint-rules/). These tests run the repository's own eslint.config.js through the ESLint
// Node API (https://eslint.org/docs/latest/integrate/nodejs-api), so a change to the config
// that drops or weakens the rule fails here.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const fixturesDir = path.join(repoRoot, 'test/lint/fixtures');
const DOC = '(see docs/architecture.md#layers)';

let eslint: ESLint;
/** Fixtures are ignored by `npm run lint` (they fail on purpose); this instance lints them anyway. */
let fixtureEslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: repoRoot });
  fixtureEslint = new ESLint({ cwd: repoRoot, ignore: false });
});

/** Layer-rule messages for `code` linted as if it were the file `virtualPath` in the repository. */
async function layerMessages(virtualPath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, virtualPath) });
  if (!result) throw new Error(`no lint result for ${virtualPath}`);
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`${virtualPath} did not parse: ${fatal.map((m) => m.message).join('; ')}`);
  return result.messages.filter((m) => m.ruleId === 'local/layers').map((m) => m.message);
}

describe('layer rule on virtual files', () => {
  it('rejects electron in src-main/core and names what core may import', async () => {
    const messages = await layerMessages('src-main/core/sale/checkout.ts', "import { app } from 'electron';\nexport const quit = () => app.quit();\n");
    expect(messages).toEqual([
      `src-main/core may import src-shared, migrations, node:*, kysely, better-sqlite3, receiptline, zod — not 'electron' ${DOC}`,
    ]);
  });

  it('rejects node:fs and bare fs in src-renderer and names what the renderer may import', async () => {
    for (const spec of ['node:fs', 'fs', 'fs/promises']) {
      const messages = await layerMessages('src-renderer/checkout/scan-box.ts', `import * as fs from '${spec}';\nexport const x = fs;\n`);
      expect(messages).toEqual([`src-renderer may import src-shared, react, react-dom, zod — not '${spec}' ${DOC}`]);
    }
  });

  it('rejects node:crypto and react in src-shared', async () => {
    expect(await layerMessages('src-shared/money.ts', "import { randomUUID } from 'node:crypto';\nexport const id = randomUUID;\n")).toEqual([
      `src-shared may import zod, uuid, pure TypeScript — not 'node:crypto' ${DOC}`,
    ]);
    expect(await layerMessages('src-shared/money.ts', "import { useState } from 'react';\nexport const s = useState;\n")).toHaveLength(1);
  });

  it('resolves relative imports: src-renderer reaching into src-main fails', async () => {
    const messages = await layerMessages('src-renderer/app.tsx', "import { x } from '../src-main/core/x';\nexport const y = x;\n");
    expect(messages).toEqual([
      `src-renderer may import src-shared, react, react-dom, zod — not '../src-main/core/x' (src-main/core/x) ${DOC}`,
    ]);
    expect(await layerMessages('src-renderer/checkout/app.tsx', "import { Cart } from '../../src-shared/domain/cart';\nexport const y = Cart;\n")).toEqual([]);
  });

  it('lets src-main/rpc import core types, but not core values', async () => {
    expect(await layerMessages('src-main/rpc/dispatch.ts', "import type { X } from '../core/x';\nexport type Y = X;\n")).toEqual([]);
    expect(await layerMessages('src-main/rpc/dispatch.ts', "export type Y = import('../core/x').X;\n")).toEqual([]);
    const value = "import { X } from '../core/x';\nexport const Y = X;\n";
    expect(await layerMessages('src-main/rpc/dispatch.ts', value)).toEqual([
      `src-main/rpc may import src-shared, src-main/core (import type only), zod — not a value import of '../core/x' (src-main/core/x; use \`import type\`) ${DOC}`,
    ]);
    // Under verbatimModuleSyntax an inline `type` specifier still loads the module.
    expect(await layerMessages('src-main/rpc/dispatch.ts', "import { type X } from '../core/x';\nexport type Y = X;\n")).toHaveLength(1);
  });

  it('allows electron only in src-main/electron and src-main/preload', async () => {
    const code = "import { app } from 'electron';\nexport const quit = () => app.quit();\n";
    expect(await layerMessages('src-main/electron/main.ts', code)).toEqual([]);
    expect(await layerMessages('src-main/preload/preload.ts', code)).toEqual([]);
    for (const file of ['src-shared/x.ts', 'src-main/hardware/x.ts', 'src-main/rpc/x.ts', 'src-main/web-host/x.ts', 'src-main/security/x.ts', 'src-renderer/x.ts', 'sync-server/x.ts', 'migrations/x.ts']) {
      expect(await layerMessages(file, code), file).toHaveLength(1);
    }
  });

  it('checks dynamic imports, re-exports and import type of forbidden packages', async () => {
    expect(await layerMessages('src-main/web-host/main.ts', "export const load = () => import('electron');\n")).toHaveLength(1);
    expect(await layerMessages('src-main/core/index.ts', "export { app } from 'electron';\n")).toHaveLength(1);
    expect(await layerMessages('src-main/core/index.ts', "import type { App } from 'electron';\nexport type A = App;\n")).toHaveLength(1);
  });

  it('keeps the preload to electron and the contract', async () => {
    const ok = "import { contextBridge } from 'electron';\nimport { CHANNELS } from '../../src-shared/contract/channels';\nexport const x = [contextBridge, CHANNELS];\n";
    expect(await layerMessages('src-main/preload/preload.ts', ok)).toEqual([]);
    expect(await layerMessages('src-main/preload/preload.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n")).toHaveLength(1);
    expect(await layerMessages('src-main/preload/preload.ts', "import { z } from 'zod';\nexport const s = z;\n")).toHaveLength(1);
    expect(await layerMessages('src-main/preload/preload.ts', "import { Cart } from '../../src-shared/domain/cart';\nexport const c = Cart;\n")).toHaveLength(1);
  });

  it('allows what the table allows', async () => {
    expect(await layerMessages('src-main/core/db/store.ts', "import { Kysely } from 'kysely';\nimport Database from 'better-sqlite3';\nimport { join } from 'node:path';\nimport { migrations } from '../../../migrations';\nexport const x = [Kysely, Database, join, migrations];\n")).toEqual([]);
    expect(await layerMessages('src-main/hardware/escpos-printer.ts', "import { connect } from 'node:net';\nimport type { ReceiptPrinter } from '../core/ports';\nexport type P = ReceiptPrinter;\nexport const c = connect;\n")).toEqual([]);
    expect(await layerMessages('src-main/web-host/server.ts', "import { createServer } from 'node:http';\nimport { dispatch } from '../rpc/dispatch';\nimport { createCore } from '../core/create-core';\nexport const x = [createServer, dispatch, createCore];\n")).toEqual([]);
    expect(await layerMessages('src-main/security/csp.ts', "import { z } from 'zod';\nexport const s = z;\n")).toHaveLength(1);
    expect(await layerMessages('migrations/0002-x.ts', "import { sql } from 'kysely';\nimport { x } from '../src-shared/x';\nexport const y = [sql, x];\n")).toHaveLength(1);
    expect(await layerMessages('sync-server/app.ts', "import { x } from '../src-main/core/x';\nexport const y = x;\n")).toHaveLength(1);
  });

  it('exempts tests and test/ harnesses', async () => {
    const code = "import { app } from 'electron';\nexport const quit = () => app.quit();\n";
    expect(await layerMessages('src-main/core/sale/checkout.test.ts', code)).toEqual([]);
    expect(await layerMessages('test/e2e/support/web-host.ts', code)).toEqual([]);
  });

  it('flags a file in a layered folder that the table does not know', async () => {
    const messages = await layerMessages('src-main/stray.ts', 'export const a = 1;\n');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('src-main/stray.ts is in no layer');
  });

  it('bans @ts-ignore', async () => {
    const [result] = await eslint.lintText('// @ts-ignore\nexport const a: number = 1;\n', { filePath: path.join(repoRoot, 'src-shared/x.ts') });
    expect(result?.messages.map((m) => m.ruleId)).toContain('@typescript-eslint/ban-ts-comment');
  });
});

/** Every fixture file and the layer violations it must produce (none for an allowed import). */
const FIXTURES: Record<string, RegExp[]> = {
  'src-main/core/imports-electron.ts': [/^src-main\/core may import src-shared, .*node:\*, kysely, better-sqlite3.* — not 'electron'/],
  'src-main/core/imports-kysely.ts': [],
  'src-main/electron/imports-electron.ts': [],
  'src-main/rpc/imports-core-types.ts': [],
  'src-main/rpc/imports-core-value.ts': [/^src-main\/rpc may import .* — not a value import of '\.\.\/core\/imports-kysely'/],
  'src-renderer/imports-node-fs.ts': [/^src-renderer may import src-shared, react, react-dom.* — not 'node:fs'/],
  'src-renderer/imports-bare-fs.ts': [/^src-renderer may import src-shared, react, react-dom.* — not 'fs'/],
  'src-renderer/imports-src-main.ts': [/^src-renderer may import .* — not '\.\.\/src-main\/core\/imports-kysely' \(src-main\/core\/imports-kysely\)/],
  'src-shared/imports-node-crypto.ts': [/^src-shared may import zod.* — not 'node:crypto'/],
};

describe('layer rule on the fixture files under test/lint/fixtures', () => {
  it('has an expectation for every fixture file', () => {
    const files = readdirSync(fixturesDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.split(path.sep).join('/'))
      .sort();
    expect(files).toEqual(Object.keys(FIXTURES).sort());
  });

  it('is ignored by `npm run lint`, which must stay green', async () => {
    expect(await eslint.isPathIgnored(path.join(fixturesDir, 'src-main/core/imports-electron.ts'))).toBe(true);
  });

  for (const [fixture, expected] of Object.entries(FIXTURES)) {
    it(`${fixture}: ${expected.length === 0 ? 'passes' : 'fails'}`, async () => {
      const [result] = await fixtureEslint.lintFiles([path.join(fixturesDir, fixture)]);
      if (!result) throw new Error(`no lint result for ${fixture}`);
      const layer = result.messages.filter((m) => m.ruleId === 'local/layers').map((m) => m.message);
      expect(layer).toHaveLength(expected.length);
      expected.forEach((pattern, i) => expect(layer[i]).toMatch(pattern));
      // The fixtures are otherwise clean, so a layer error is the only reason one fails.
      expect(result.messages.filter((m) => m.ruleId !== 'local/layers')).toEqual([]);
    });
  }
});
