import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../../src-shared/id';
import type { Sale } from '../../../src-shared/domain/sale';
import { verifySaleChain } from '../../../src-main/core/audit/verify-chains';
import { createCore, type Core } from '../../../src-main/core/create-core';
import { openLocalStore } from '../../../src-main/core/db/open-local-store';
import type { LocalStore } from '../../../src-main/core/db/local-store';
import { silentLogger, type Logger } from '../../../src-main/core/deps';
import { DEMO_BARCODES, DEMO_PEOPLE } from '../../../src-main/core/demo/seed-demo-store';
import { SALE_JOURNAL_FILE_NAME } from '../../../src-main/core/sale/sale-journal';
import { checkoutCore, type CheckoutFixture } from '../../support/checkout-fixture';

// The sale's two steps (core/sale/sale-service.ts): the journal fact is fsynced and answered, then
// the rows are written into terminal.db. These tests put a failure between the two.

let fx: CheckoutFixture | undefined;
let raw: { core: Core; local: LocalStore } | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await raw?.core.close();
  raw = undefined;
  await fx?.dispose();
  fx = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A core on an existing data directory with the demo manager signed in, NOT settled (see test/support/settled-core.ts). */
async function openRaw(dataDir: string, logger: Logger = silentLogger): Promise<{ core: Core; local: LocalStore }> {
  const local = await openLocalStore({ dataDir, appVersion: '0.0.0-test', logger });
  const core = await createCore({ local, clock: { now: () => new Date() }, ids: { next: newId }, logger, appVersion: '0.0.0-test' });
  const manager = (await core.handlers['people.listForSignIn']({})).find((p) => p.name === DEMO_PEOPLE[0].name)!;
  await core.handlers['session.signIn']({ personId: manager.id, pin: DEMO_PEOPLE[0].pin });
  return { core, local };
}

/** A data directory with the demo store, an open shift and a cart of milk and bread; no core running. */
async function tillWithCart(): Promise<string> {
  const f = await checkoutCore();
  await f.core.handlers['cart.scan']({ barcode: DEMO_BARCODES.milk });
  await f.core.handlers['cart.scan']({ barcode: DEMO_BARCODES.bread });
  await f.core.close();
  dirs.push(f.dataDir);
  return f.dataDir;
}

const count = (db: Database.Database, sql: string, ...args: unknown[]) => (db.prepare(sql).pluck().get(...args) as number);

describe('sale journal', () => {
  it('answers once the fact is durable; the next call on the till already sees the sale (no settling)', async () => {
    raw = await openRaw(await tillWithCart());
    const h = raw.core.handlers;
    const cart = await h['cart.get']({});
    const sale = await h['sale.complete']({ cartId: cart.id, payments: [{ tender: 'cash', amountMinor: (cart.totals.totalMinor + 100) as never }] });
    // The fact is in the journal when the cashier gets the answer …
    const journal = new Database(join(raw.local.file, '..', SALE_JOURNAL_FILE_NAME), { readonly: true });
    try {
      expect(count(journal, 'SELECT count(*) FROM sale_fact WHERE sale_id = ?', sale.id)).toBe(1);
    } finally {
      journal.close();
    }
    // … and whatever the till does next goes through the store after the rows are written.
    expect((await h['sale.get']({ saleId: sale.id })).receiptNo).toBe(sale.receiptNo);
    expect((await h['cart.get']({})).lines).toEqual([]);
    expect((await h['sale.listRecent']({ limit: 5 })).map((s) => s.id)).toEqual([sale.id]);
  });

  it('a SIGKILL between the fact and the rows loses nothing: the restart writes the sale, its seal, stock and outbox fact, and removes the cart', async () => {
    const dataDir = await tillWithCart();
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures', 'sell-then-die.ts'), dataDir], { encoding: 'utf8', timeout: 60_000 });
    expect(child.signal).toBe('SIGKILL');
    const answered = JSON.parse(child.stdout.trim()) as Sale;

    // The kill landed between the two steps: the journal has the sale, terminal.db does not.
    const before = new Database(join(dataDir, 'terminal.db'), { readonly: true });
    try {
      expect(count(before, 'SELECT count(*) FROM sale')).toBe(0);
      expect(count(before, 'SELECT count(*) FROM cart_line')).toBe(2);
    } finally {
      before.close();
    }

    const warnings: unknown[] = [];
    const logger: Logger = { ...silentLogger, warn: (message, fields) => warnings.push({ message, ...fields }) };
    raw = await openRaw(dataDir, logger);
    expect(warnings).toContainEqual(expect.objectContaining({ message: 'sales recovered from the sale journal', count: 1 }));
    const h = raw.core.handlers;
    expect(await h['sale.get']({ saleId: answered.id })).toEqual(answered);
    expect((await h['cart.get']({})).lines).toEqual([]);
    const db = raw.local.sqlite;
    expect(count(db, `SELECT count(*) FROM stock_movement WHERE ref_id = ?`, answered.id)).toBe(2);
    expect(count(db, `SELECT count(*) FROM outbox WHERE type = 'sale.completed' AND json_extract(payload, '$.sale.id') = ? AND json_extract(payload, '$.seal.hash') IS NOT NULL`, answered.id)).toBe(1);
    expect(count(db, 'SELECT count(*) FROM sale_seal WHERE sale_id = ? AND cashier_id IS NOT NULL AND shift_id IS NOT NULL', answered.id)).toBe(1);
    expect(verifySaleChain(db).ok).toBe(true);

    // The receipt counter moved on: the next sale takes the next number.
    await h['cart.scan']({ barcode: DEMO_BARCODES.cola });
    const cart = await h['cart.get']({});
    const next = await h['sale.complete']({ cartId: cart.id, payments: [{ tender: 'cash', amountMinor: (cart.totals.totalMinor + 100) as never }] });
    expect(next.receiptNo).toBe(answered.receiptNo.replace(/\d+$/, (n) => String(Number(n) + 1).padStart(n.length, '0')));
    await raw.local.idle();
    expect(count(db, 'SELECT count(*) FROM sale')).toBe(2);
    expect(verifySaleChain(db).ok).toBe(true);
  });

  it('when writing the rows fails, the sale stays answered and committed; completing the cart again gives the same sale, written then', async () => {
    fx = await checkoutCore();
    const h = fx.core.handlers;
    const db = fx.local.sqlite;
    await h['cart.scan']({ barcode: DEMO_BARCODES.milk });
    const cart = await h['cart.get']({});
    const payments = [{ tender: 'cash' as const, amountMinor: (cart.totals.totalMinor + 100) as never }];
    // A failure in the second step only (a full disk would look the same).
    db.exec(`CREATE TEMP TRIGGER fail_stock BEFORE INSERT ON stock_movement BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
    const sale = await h['sale.complete']({ cartId: cart.id, payments });
    expect(count(db, 'SELECT count(*) FROM sale')).toBe(0);
    db.exec('DROP TRIGGER temp.fail_stock');

    const again = await h['sale.complete']({ cartId: cart.id, payments });
    expect(again).toEqual(sale);
    expect(count(db, 'SELECT count(*) FROM sale')).toBe(1);
    expect(count(db, 'SELECT count(*) FROM stock_movement WHERE ref_id = ?', sale.id)).toBe(1);
    expect((await h['cart.get']({})).lines).toEqual([]);
    expect(verifySaleChain(db).ok).toBe(true);
  });

  it('a journal older than the database (restored, or deleted) is noticed and never reuses a receipt number', async () => {
    const dataDir = await tillWithCart();
    raw = await openRaw(dataDir);
    let cart = await raw.core.handlers['cart.get']({});
    const first = await raw.core.handlers['sale.complete']({ cartId: cart.id, payments: [{ tender: 'cash', amountMinor: (cart.totals.totalMinor + 100) as never }] });
    await raw.core.close();
    raw = undefined;
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, SALE_JOURNAL_FILE_NAME + suffix), { force: true });
    writeFileSync(join(dataDir, SALE_JOURNAL_FILE_NAME), '');

    const warnings: string[] = [];
    raw = await openRaw(dataDir, { ...silentLogger, warn: (message) => warnings.push(message) });
    expect(warnings).toContain('the sale journal is older than the database; its newer facts are already applied');
    await raw.core.handlers['cart.scan']({ barcode: DEMO_BARCODES.bread });
    cart = await raw.core.handlers['cart.get']({});
    const second = await raw.core.handlers['sale.complete']({ cartId: cart.id, payments: [{ tender: 'cash', amountMinor: (cart.totals.totalMinor + 100) as never }] });
    expect(second.receiptNo).not.toBe(first.receiptNo);
    await raw.local.idle();
    expect(count(raw.local.sqlite, 'SELECT count(*) FROM sale')).toBe(2);
    expect(verifySaleChain(raw.local.sqlite).ok).toBe(true);
  });
});
