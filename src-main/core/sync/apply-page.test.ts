import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change, PullResponse } from '../../../src-shared/sync/protocol';
import { newId } from '../../../src-shared/id';
import { DEMO_BARCODES } from '../demo/seed-demo-store';
import { loadTerminalIdentity, type TerminalIdentity } from '../settings/terminal-identity';
import { databaseDigest, demoCore, type CoreFixture } from '../../../test/support/core-fixture';
import { sell } from '../../../test/support/fake-sync-server';
import { applyPulledPage, type ApplyContext } from './apply-page';
import { readCursors } from './sync-state';

let fx: CoreFixture;
let identity: TerminalIdentity;
let context: ApplyContext;

beforeEach(async () => {
  fx = await demoCore();
  identity = await loadTerminalIdentity(fx.local);
  context = { terminalId: identity.terminal.id, storeId: identity.store.id, currency: 'GBP', now: '2026-11-21T10:00:00.000Z' };
});
afterEach(() => fx.dispose());

const page = (stream: PullResponse['stream'], cursor: string, changes: Change[], hasMore = false): PullResponse => ({ stream, cursor, changes, hasMore });
const search = (query: string) => fx.core.handlers['catalog.search']({ query, limit: 5 });

describe('applying a pulled page', () => {
  it('upserts and deletes catalog entities; search (FTS) follows; the cursor is saved with the page', async () => {
    const taxId = newId();
    const productId = newId();
    await applyPulledPage(fx.local, page('catalog', '3', [
      { entity: 'tax_rate', id: taxId, op: 'upsert', data: { id: taxId, code: 'STD', name: 'Standard', rateBp: 2000 } },
      { entity: 'product', id: productId, op: 'upsert', data: { id: productId, sku: 'KIWI-1', name: 'Golden Kiwi', priceMinor: 45, taxRateId: taxId, categoryId: null, barcodes: ['2000000000015'], active: true } },
      { entity: 'role', id: newId(), op: 'upsert', data: { name: 'cashier' } },
    ], true), context);
    expect((await search('kiwi')).map((p) => p.name)).toEqual(['Golden Kiwi']);
    expect((await fx.core.handlers['cart.scan']({ barcode: '2000000000015' })).lines[0]!.name).toBe('Golden Kiwi');
    expect(await readCursors(fx.local.db)).toEqual(new Map([['catalog', { stream: 'catalog', cursor: '3', pulled: 3, complete: false }]]));

    await applyPulledPage(fx.local, page('catalog', '5', [
      { entity: 'product', id: productId, op: 'upsert', data: { id: productId, sku: 'KIWI-1', name: 'Green Kiwi', priceMinor: 50, taxRateId: taxId, barcodes: ['2000000000022'], active: true } },
    ]), context);
    expect((await search('golden'))).toEqual([]);
    expect((await search('green kiwi')).map((p) => p.priceMinor)).toEqual([50]);
    const codes = await fx.local.db.selectFrom('barcode').select('code').where('product_id', '=', productId).execute();
    expect(codes.map((c) => c.code)).toEqual(['2000000000022']);
    expect((await readCursors(fx.local.db)).get('catalog')).toEqual({ stream: 'catalog', cursor: '5', pulled: 4, complete: true });

    await applyPulledPage(fx.local, page('catalog', '6', [{ entity: 'product', id: productId, op: 'delete' }]), context);
    expect(await search('kiwi')).toEqual([]);
    expect(await fx.local.db.selectFrom('barcode').select('code').where('product_id', '=', productId).execute()).toEqual([]);
  });

  it('a page that fails half-way stores neither its changes nor its cursor', async () => {
    const productId = newId();
    const before = databaseDigest(fx.local);
    const failing = page('catalog', '2', [
      { entity: 'category', id: 'c-new', op: 'upsert', data: { id: 'c-new', name: 'Fresh fruit' } },
      // References a tax rate this terminal does not have: the foreign key fails on this row.
      { entity: 'product', id: productId, op: 'upsert', data: { id: productId, sku: 'X-1', name: 'Orphan', priceMinor: 1, taxRateId: 'no-such-rate', active: true } },
    ]);
    await expect(applyPulledPage(fx.local, failing, context)).rejects.toThrow(/FOREIGN KEY/);
    expect(databaseDigest(fx.local)).toBe(before);
    expect(await readCursors(fx.local.db)).toEqual(new Map());
    expect(await fx.local.db.selectFrom('category').select('id').where('id', '=', 'c-new').executeTakeFirst()).toBeUndefined();
  });

  it('skips a change it cannot read (never wedges the stream) and reports it', async () => {
    const outcome = await applyPulledPage(fx.local, page('catalog', '1', [
      { entity: 'product', id: 'bad', op: 'upsert', data: { id: 'bad', sku: 'B', name: 'No price', taxRateId: 't' } },
    ]), context);
    expect(outcome.applied).toBe(0);
    expect(outcome.skipped).toEqual([{ entity: 'product', id: 'bad', reason: expect.stringMatching(/^priceMinor/) }]);
    expect((await readCursors(fx.local.db)).get('catalog')?.cursor).toBe('1');
  });

  it("another terminal's sale becomes stock movements and a sale a return can find here; applying it again changes nothing", async () => {
    // Make a real sale on this core to borrow a well-formed Sale, then present it as terminal B's.
    const template = await sell(fx.core.handlers, DEMO_BARCODES.milk, DEMO_BARCODES.milk, DEMO_BARCODES.bread);
    const milkId = template.lines.find((line) => line.quantity === 2)!.productId;
    const levelBefore = await fx.core.handlers['stock.level']({ productId: milkId });
    expect(levelBefore.onHand).toBe(-2);

    const otherTerminal = newId();
    const sale = { ...template, id: newId(), receiptNo: 'T02-1-000007', lines: template.lines.map((line) => ({ ...line, id: newId() })), payments: template.payments.map((p) => ({ ...p, id: newId() })) };
    const eventId = newId();
    const fact: Change = {
      entity: 'event', id: eventId, op: 'upsert',
      data: { eventId, type: 'sale.completed', terminalId: otherTerminal, installEpoch: 1, seq: 7, occurredAt: sale.createdAt, payload: { storeId: identity.store.id, terminalId: otherTerminal, sale } },
    };
    // Our own sale comes down the facts stream too: it is already here and must not count twice.
    const own: Change = { entity: 'event', id: newId(), op: 'upsert', data: { type: 'sale.completed', terminalId: identity.terminal.id, payload: { storeId: identity.store.id, terminalId: identity.terminal.id, sale: template } } };
    await applyPulledPage(fx.local, page('facts', '2', [own, fact]), context);

    expect((await fx.core.handlers['stock.level']({ productId: milkId })).onHand).toBe(-4);
    const found = await fx.core.handlers['sale.get']({ receiptNo: 'T02-1-000007' });
    expect(found.lines.map((line) => line.quantity)).toEqual(sale.lines.map((line) => line.quantity));
    expect(found.totals.totalMinor).toBe(template.totals.totalMinor);

    const counts = async () => Promise.all((['sale', 'sale_line', 'payment', 'stock_movement'] as const).map(async (table) =>
      Number((await fx.local.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)));
    const before = await counts();
    expect(before).toEqual([2, 4, 2, 4]);
    await applyPulledPage(fx.local, page('facts', '2', [own, fact]), context);
    expect(await counts()).toEqual(before);
    expect((await fx.core.handlers['stock.level']({ productId: milkId })).onHand).toBe(-4);
  });

  it('ignores a fact of another store', async () => {
    const template = await sell(fx.core.handlers, DEMO_BARCODES.cola);
    const sale = { ...template, id: newId(), receiptNo: 'T09-1-000001' };
    const outcome = await applyPulledPage(fx.local, page('facts', '1', [
      { entity: 'event', id: newId(), op: 'upsert', data: { type: 'sale.completed', payload: { storeId: newId(), terminalId: newId(), sale } } },
    ]), context);
    expect(outcome.skipped).toEqual([expect.objectContaining({ reason: 'fact of another store' })]);
    expect((await fx.core.handlers['stock.level']({ productId: template.lines[0]!.productId })).onHand).toBe(-1);
  });

  it('store settings from the centre update the store row and say so', async () => {
    const outcome = await applyPulledPage(fx.local, page('store', '1', [
      { entity: 'store', id: identity.store.id, op: 'upsert', data: { id: identity.store.id, name: 'Corner Shop', locale: 'fr-FR', currency: 'EUR', currencyDigits: 2, timeZone: 'Europe/Paris', pricesIncludeTax: true, address: '1 rue X' } },
      { entity: 'terminal', id: newId(), op: 'upsert', data: { code: 'T02', name: 'Other till' } },
    ]), context);
    expect(outcome.identityChanged).toBe(true);
    const store = await loadTerminalIdentity(fx.local);
    expect(store.store).toMatchObject({ name: 'Corner Shop', locale: 'fr-FR', currency: 'EUR', timeZone: 'Europe/Paris' });
    expect(store.terminal.name).toBe(identity.terminal.name);
  });
});
