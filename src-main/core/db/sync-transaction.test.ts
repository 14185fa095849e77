import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../deps';
import type { LocalStore } from './local-store';
import { openLocalStore } from './open-local-store';

let dataDir: string;
let store: LocalStore;
beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-sync-tx-'));
  store = await openLocalStore({ dataDir, appVersion: '0.1.0', logger: silentLogger });
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const count = () => (store.sqlite.prepare('SELECT count(*) AS n FROM tax_rate').get() as { n: number }).n;
const insert = (id: string) => store.statement('INSERT INTO tax_rate (id, name, rate_bp) VALUES (?, ?, 2000)').run(id, id);

describe('withSyncTransaction', () => {
  it('commits everything or nothing, and runs hooks only after a commit', async () => {
    const hooks: string[] = [];
    await store.withSyncTransaction((_db, tx) => {
      insert('a');
      tx.onCommit(() => void hooks.push(`committed with ${count()}`));
    });
    await expect(store.withSyncTransaction((_db, tx) => {
      insert('b');
      tx.onCommit(() => void hooks.push('never'));
      throw new Error('refused');
    })).rejects.toThrow('refused');
    expect(count()).toBe(1);
    expect(hooks).toEqual(['committed with 1']);
    expect(store.sqlite.inTransaction).toBe(false);
  });

  it('never interleaves with a Kysely transaction that is waiting on I/O', async () => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const slow = store.withTransaction(async (trx) => {
      await trx.insertInto('tax_rate').values({ id: 'k', name: 'k', rate_bp: 0 }).execute();
      order.push('kysely wrote');
      await gate;
      order.push('kysely commits');
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const fast = store.withSyncTransaction(() => {
      order.push(`sync sees ${count()}`);
      insert('s');
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual(['kysely wrote']); // the sync transaction waits for the connection
    release();
    await Promise.all([slow, fast]);
    expect(order).toEqual(['kysely wrote', 'kysely commits', 'sync sees 1']);
    expect(count()).toBe(2);
  });

  it('restores synchronous=FULL after a `process` commit, also after a rollback', async () => {
    await store.withSyncTransaction(() => {
      expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
      insert('p');
    }, { durability: 'process' });
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    await expect(store.withSyncTransaction(() => { throw new Error('x'); }, { durability: 'process' })).rejects.toThrow('x');
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('refuses an async fn (it would escape the transaction) and a nested call', async () => {
    await expect(store.withSyncTransaction((() => Promise.resolve(insert('z'))) as never)).rejects.toThrow(/promise/);
    expect(count()).toBe(0);
    await expect(store.withTransaction(async () => store.withSyncTransaction(() => 1))).rejects.toThrow(/inside another transaction/);
  });

  it('reads one consistent snapshot and caches prepared statements', async () => {
    insert('r');
    expect(await store.read(() => count())).toBe(1);
    expect(store.statement('SELECT 1')).toBe(store.statement('SELECT 1'));
  });
});

describe('the WAL checkpoint worker', () => {
  it('copies committed pages into the database file off the main thread, soon after the commits', async () => {
    const dbSize = () => fs.statSync(store.file).size;
    const before = dbSize();
    for (let i = 0; i < 30; i++) {
      await store.withSyncTransaction(() => {
        store.statement('INSERT INTO tax_rate (id, name, rate_bp) VALUES (?, ?, 0)').run(`r${i}`, 'x'.repeat(3000));
      });
    }
    // ~30 new pages sit in the WAL: far below the automatic checkpoint (10,000 pages), so only the
    // worker (100 ms after the last commit) can have grown the database file.
    expect(dbSize()).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(dbSize()).toBeGreaterThan(before + 20 * 4096);
    expect(store.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
  });

  it('waits for a pause in the commits, but under a steady stream still copies within about a second', async () => {
    const dbSize = () => fs.statSync(store.file).size;
    const before = dbSize();
    const started = Date.now();
    let grewAt: number | null = null; // ms into the stream (for a failure message only)
    // A commit every 20 ms for 2.5 s: never a 100 ms pause, so only the 1 s ceiling can trigger a copy.
    for (let i = 0; Date.now() - started < 2_500; i++) {
      await store.withSyncTransaction(() => {
        store.statement('INSERT INTO tax_rate (id, name, rate_bp) VALUES (?, ?, 0)').run(`s${i}`, 'x'.repeat(3000));
      });
      if (grewAt === null && dbSize() > before) grewAt = Date.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // With a pause-only trigger the file would not grow before the stream ends.
    expect(grewAt).not.toBeNull();
  });
});
