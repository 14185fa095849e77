import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '../../src-shared/id';
import { createCore, type Core } from '../../src-main/core/create-core';
import type { LocalStore } from '../../src-main/core/db/local-store';
import { openLocalStore } from '../../src-main/core/db/open-local-store';
import { silentLogger, type Clock } from '../../src-main/core/deps';
import { seedDemoStore } from '../../src-main/core/demo/seed-demo-store';

export interface CoreFixture {
  core: Core;
  local: LocalStore;
  dataDir: string;
  clock: Clock & { set(iso: string): void };
  /** Closes the core and deletes the data directory. */
  dispose(): Promise<void>;
  /** Reopens a core on the same data directory (as after a restart). */
  reopen(): Promise<CoreFixture>;
}

/** A core on a fresh temp data directory with the demo store and a settable clock. */
export async function demoCore(dataDir = mkdtempSync(join(tmpdir(), 'tillpoint-core-'))): Promise<CoreFixture> {
  let now = new Date('2026-11-21T10:15:00.000Z');
  const clock = { now: () => new Date(now), set: (iso: string) => { now = new Date(iso); } };
  const ids = { next: newId };
  const local = await openLocalStore({ dataDir, appVersion: '0.0.0-test', logger: silentLogger, clock });
  await seedDemoStore(local, { clock, ids });
  const core = await createCore({ local, clock, ids, logger: silentLogger, appVersion: '0.0.0-test' });
  return {
    core, local, dataDir, clock,
    dispose: async () => { await core.close(); rmSync(dataDir, { recursive: true, force: true }); },
    reopen: async () => { await core.close(); return demoCore(dataDir); },
  };
}

/** A digest of every row of every table: equal digests mean the database did not change. */
export function databaseDigest(local: LocalStore): string {
  const hash = createHash('sha256');
  const tables = local.sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'product_fts%' ORDER BY name`).all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(name);
    for (const row of local.sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}
