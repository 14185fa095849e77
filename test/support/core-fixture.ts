import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '../../src-shared/id';
import { createCore, type Core } from '../../src-main/core/create-core';
import { settledCore } from './settled-core';
import type { LocalStore } from '../../src-main/core/db/local-store';
import { openLocalStore } from '../../src-main/core/db/open-local-store';
import { silentLogger, type Clock } from '../../src-main/core/deps';
import { DEMO_PEOPLE, seedDemoStore } from '../../src-main/core/demo/seed-demo-store';
import type { ControlSettings } from '../../src-shared/domain/settings';

export interface CoreFixture {
  core: Core;
  local: LocalStore;
  dataDir: string;
  clock: Clock & { set(iso: string): void };
  /** Closes the core and deletes the data directory. */
  dispose(): Promise<void>;
  /** Reopens a core on the same data directory (as after a restart); options as for `demoCore` (nobody signed in by default). */
  reopen(options?: DemoCoreOptions): Promise<CoreFixture>;
  /** The id of a demo person by role (`manager` PIN 1234, `cashier` PIN 0000). */
  personId(role: DemoRole): Promise<string>;
}

export type DemoRole = (typeof DEMO_PEOPLE)[number]['role'];

export interface DemoCoreOptions {
  /**
   * People, cash and control settings to store before the core starts. The demo store seeds
   * `requireSignIn: false, requireShift: false` (DEMO_CONTROL_SETTINGS) until the renderer has the
   * sign-in and shift screens; tests of those rules turn them on here.
   */
  control?: Partial<ControlSettings>;
  /** Sign this demo person in with their PIN once the core runs (default: nobody). */
  signIn?: DemoRole;
}

export const demoPin = (role: DemoRole): string => DEMO_PEOPLE.find((p) => p.role === role)!.pin;

/** A core on a fresh temp data directory with the demo store and a settable clock. */
export async function demoCore(dataDir = mkdtempSync(join(tmpdir(), 'tillpoint-core-')), options: DemoCoreOptions = {}): Promise<CoreFixture> {
  let now = new Date('2026-11-21T10:15:00.000Z');
  const clock = { now: () => new Date(now), set: (iso: string) => { now = new Date(iso); } };
  const ids = { next: newId };
  const local = await openLocalStore({ dataDir, appVersion: '0.0.0-test', logger: silentLogger, clock });
  await seedDemoStore(local, { clock, ids });
  for (const [key, value] of Object.entries(options.control ?? {})) {
    local.sqlite.prepare(`INSERT INTO setting (key, value_json, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json`).run(key, JSON.stringify(value), clock.now().toISOString());
  }
  const core = settledCore(await createCore({ local, clock, ids, logger: silentLogger, appVersion: '0.0.0-test' }), local);
  const personId = async (role: DemoRole) => {
    const name = DEMO_PEOPLE.find((p) => p.role === role)!.name;
    return (await core.handlers['people.listForSignIn']({})).find((p) => p.name === name)!.id;
  };
  if (options.signIn) await core.handlers['session.signIn']({ personId: await personId(options.signIn), pin: demoPin(options.signIn) });
  return {
    core, local, dataDir, clock, personId,
    dispose: async () => { await core.close(); rmSync(dataDir, { recursive: true, force: true }); },
    reopen: async (again) => { await core.close(); return demoCore(dataDir, again); },
  };
}

/**
 * A digest of every row of every table: equal digests mean the database did not change.
 * `except` leaves tables out, e.g. `PIN_RECORD_TABLES` for a refused PIN, which must count the
 * failure and audit it while changing nothing else.
 */
export function databaseDigest(local: LocalStore, options: { except?: readonly string[] } = {}): string {
  const hash = createHash('sha256');
  const tables = (local.sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'product_fts%' ORDER BY name`).all() as { name: string }[])
    .filter(({ name }) => !options.except?.includes(name));
  for (const { name } of tables) {
    hash.update(name);
    for (const row of local.sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

/** What a refused PIN writes on purpose: the failure counter, its audit entry and that entry's outbox fact. */
export const PIN_RECORD_TABLES = ['person_lock', 'audit_entry', 'outbox'] as const;
