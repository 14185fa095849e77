import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations';
import type { Logger } from '../deps';
import { DataDirLockedError } from './instance-lock';
import type { LocalStore } from './local-store';
import { LocalStoreOpenError, openLocalStore } from './open-local-store';

let dataDir: string;
let errors: Array<{ message: string; fields?: Record<string, unknown> }>;
let logger: Logger;
let store: LocalStore | undefined;

beforeEach(() => {
  dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-store-')), 'nested', 'data');
  errors = [];
  logger = { info: () => {}, warn: () => {}, error: (message, fields) => void errors.push({ message, fields }) };
});

afterEach(async () => {
  await store?.close();
  store = undefined;
  fs.rmSync(path.dirname(path.dirname(dataDir)), { recursive: true, force: true });
});

async function open(): Promise<LocalStore> {
  store = await openLocalStore({ dataDir, appVersion: '0.1.0', logger });
  return store;
}

async function seedTaxRate(s: LocalStore, id = 'vat'): Promise<void> {
  await s.db.insertInto('tax_rate').values({ id, name: 'VAT', rate_bp: 2000 }).execute();
}

/** A second connection, as another reader of the file would see it. */
function readOnly<T>(file: string, read: (db: BetterSqlite3.Database) => T): T {
  const other = new BetterSqlite3(file, { readonly: true });
  try {
    return read(other);
  } finally {
    other.close();
  }
}

describe('openLocalStore', () => {
  it('creates the data directory, and the pragmas are in effect', async () => {
    const s = await open();
    expect(s.file).toBe(path.join(dataDir, 'terminal.db'));
    expect(fs.existsSync(s.file)).toBe(true);
    expect(s.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(s.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(s.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('migrates to the latest registered version', async () => {
    const s = await open();
    expect(s.sqlite.pragma('user_version', { simple: true })).toBe(migrations.length);
  });

  it('has STRICT tables: a text in an INTEGER column is rejected', async () => {
    const s = await open();
    expect(() => s.sqlite.prepare(`INSERT INTO tax_rate (id, name, rate_bp) VALUES ('t', 'VAT', 'twenty')`).run())
      .toThrow(/cannot store TEXT value in INTEGER column/);
  });

  it('holds the data directory: a second open fails clearly until the first is closed', async () => {
    const s = await open();
    const second = openLocalStore({ dataDir, appVersion: '0.1.0', logger });
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(`Tillpoint is already running with data directory ${dataDir}`);

    await s.close();
    await s.close();
    store = undefined;
    await expect(open()).resolves.toBeDefined();
  });

  it('explains a file that is not a database, and gives the lock back', async () => {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'terminal.db'), 'this is a spreadsheet, not a database'.repeat(200));
    const attempt = openLocalStore({ dataDir, appVersion: '0.1.0', logger });
    await expect(attempt).rejects.toBeInstanceOf(LocalStoreOpenError);
    await expect(attempt).rejects.toThrow(/is not a Tillpoint database or is damaged/);
    await expect(openLocalStore({ dataDir, appVersion: '0.1.0', logger })).rejects.toBeInstanceOf(LocalStoreOpenError);
  });
});

describe('withTransaction', () => {
  it('rolls everything back when fn throws, drops the hooks and rethrows the same error', async () => {
    const s = await open();
    const failure = new Error('payment declined');
    let hookRan = false;
    const attempt = s.withTransaction(async (trx, tx) => {
      await trx.insertInto('tax_rate').values({ id: 'vat', name: 'VAT', rate_bp: 2000 }).execute();
      tx.onCommit(() => {
        hookRan = true;
      });
      throw failure;
    });
    await expect(attempt).rejects.toBe(failure);
    expect(hookRan).toBe(false);
    expect(await s.db.selectFrom('tax_rate').selectAll().execute()).toEqual([]);
  });

  it('runs hooks in order after the commit, where another connection already sees the rows', async () => {
    const s = await open();
    const seen: string[] = [];
    const result = await s.withTransaction(async (trx, tx) => {
      await trx.insertInto('tax_rate').values({ id: 'vat', name: 'VAT', rate_bp: 2000 }).execute();
      tx.onCommit(() => {
        const row = readOnly(s.file, (other) => other.prepare(`SELECT name FROM tax_rate WHERE id = 'vat'`).get());
        seen.push(`first saw ${JSON.stringify(row)}`);
      });
      tx.onCommit(async () => {
        await Promise.resolve();
        seen.push('second');
      });
      // Not committed yet: a hook must not have run, and another connection must not see the row.
      expect(seen).toEqual([]);
      expect(readOnly(s.file, (other) => other.prepare(`SELECT count(*) AS n FROM tax_rate`).get())).toEqual({ n: 0 });
      return 'sale-1';
    });
    expect(result).toBe('sale-1');
    expect(seen).toEqual(['first saw {"name":"VAT"}', 'second']);
  });

  it('logs a failing hook and still runs the next ones; the call succeeds', async () => {
    const s = await open();
    let laterHookRan = false;
    const result = await s.withTransaction(async (trx, tx) => {
      await trx.insertInto('tax_rate').values({ id: 'vat', name: 'VAT', rate_bp: 2000 }).execute();
      tx.onCommit(() => {
        throw new Error('printer on fire');
      });
      tx.onCommit(() => {
        laterHookRan = true;
      });
      return 42;
    });
    expect(result).toBe(42);
    expect(laterHookRan).toBe(true);
    expect(errors).toEqual([expect.objectContaining({ message: 'onCommit hook failed', fields: expect.objectContaining({ error: 'printer on fire' }) })]);
    expect(await s.db.selectFrom('tax_rate').select('id').execute()).toEqual([{ id: 'vat' }]);
  });

  it('lets a hook open the next transaction, and refuses a nested one instead of hanging', async () => {
    const s = await open();
    await s.withTransaction(async (_trx, tx) => {
      tx.onCommit(async () => {
        await s.withTransaction((trx) => trx.insertInto('tax_rate').values({ id: 'from-hook', name: 'H', rate_bp: 0 }).execute());
      });
    });
    expect(await s.db.selectFrom('tax_rate').select('id').execute()).toEqual([{ id: 'from-hook' }]);

    await expect(s.withTransaction(() => s.withTransaction(async () => 1))).rejects.toThrow(/inside another transaction/);
  });

  it('queues concurrent transactions instead of interleaving them', async () => {
    const s = await open();
    await seedTaxRate(s);
    const order: string[] = [];
    const slow = s.withTransaction(async (trx) => {
      order.push('slow start');
      await new Promise((resolve) => setTimeout(resolve, 20));
      await trx.updateTable('tax_rate').set({ rate_bp: 1 }).execute();
      order.push('slow end');
    });
    const fast = s.withTransaction(async (trx) => {
      order.push('fast start');
      await trx.updateTable('tax_rate').set({ rate_bp: 2 }).execute();
    });
    await Promise.all([slow, fast]);
    expect(order).toEqual(['slow start', 'slow end', 'fast start']);
    expect(await s.db.selectFrom('tax_rate').select('rate_bp').executeTakeFirst()).toEqual({ rate_bp: 2 });
  });

  it('commits `process` durability with synchronous=NORMAL and puts FULL back, even after a rollback', async () => {
    const s = await open();
    const levelInside = (trx: Parameters<Parameters<LocalStore['withTransaction']>[0]>[0]) =>
      sql<{ synchronous: number }>`PRAGMA synchronous`.execute(trx).then((r) => r.rows[0]?.synchronous);

    expect(await s.withTransaction(levelInside, { durability: 'process' })).toBe(1); // NORMAL
    expect(s.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(await s.withTransaction(levelInside)).toBe(2); // FULL by default
    expect(await s.withTransaction(levelInside, { durability: 'full' })).toBe(2);

    await expect(s.withTransaction(async () => {
      throw new Error('no');
    }, { durability: 'process' })).rejects.toThrow('no');
    expect(s.sqlite.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('never lets a queued `process` transaction lower the level of a `full` one in flight', async () => {
    const s = await open();
    const sale = s.withTransaction(async (trx) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return sql<{ synchronous: number }>`PRAGMA synchronous`.execute(trx).then((r) => r.rows[0]?.synchronous);
    });
    const cartEdit = s.withTransaction(async () => 'edited', { durability: 'process' });
    expect(await Promise.all([sale, cartEdit])).toEqual([2, 'edited']);
    expect(s.sqlite.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('refuses onCommit after the transaction ended', async () => {
    const s = await open();
    const escaped = await s.withTransaction(async (_trx, tx) => tx);
    expect(() => escaped.onCommit(() => {})).toThrow(/after its transaction ended/);
  });
});
