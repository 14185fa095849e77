import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type Method } from '../../src-shared/contract';
import { silentLogger } from '../../src-main/core/deps';
import { dispatch } from '../../src-main/rpc/dispatch';
import { databaseDigest, demoCore, type CoreFixture } from '../support/core-fixture';

/**
 * Malformed inputs per method. Typed as a record over every method of the contract, so a new
 * method without cases here fails to type-check. Inputs that every method must refuse are added
 * to each list below.
 */
const malformed: Record<Method, unknown[]> = {
  'app.info': [{ verbose: true }],
  'catalog.search': [{}, { query: '' }, { query: '   ' }, { query: 'x'.repeat(101) }, { query: 'milk', limit: 0 }, { query: 'milk', limit: 51 }, { query: 7 }],
  'cart.get': [{ cartId: 'x' }],
  'cart.scan': [{}, { barcode: '' }, { barcode: 5012345678900 }, { barcode: '5012345<script>' }, { barcode: '9'.repeat(65) }],
  'cart.addLine': [{}, { productId: '' }, { productId: 'p', quantity: 0 }, { productId: 'p', quantity: -2 }, { productId: 'p', quantity: 1.5 }, { productId: 'p', quantity: 10_000 }, { productId: 'x'.repeat(65) }],
  'cart.setQuantity': [{ lineId: 'l' }, { lineId: 'l', quantity: 0 }, { lineId: 'l', quantity: 'two' }, { lineId: 'l', quantity: 1e9 }],
  'cart.removeLine': [{}, { lineId: '' }, { lineId: null }],
  'cart.clear': [{ all: true }],
  'sale.complete': [
    {}, { cartId: 'c' }, { cartId: 'c', payments: [] },
    { cartId: 'c', payments: [{ tender: 'cash', amountMinor: 10.5 }] },
    { cartId: 'c', payments: [{ tender: 'cash', amountMinor: -100 }] },
    { cartId: 'c', payments: [{ tender: 'cash', amountMinor: 0 }] },
    { cartId: 'c', payments: [{ tender: 'bitcoin', amountMinor: 100 }] },
    { cartId: 'c', payments: [{ tender: 'cash', amountMinor: Number.MAX_SAFE_INTEGER + 2 }] },
    { cartId: 'c', payments: Array.from({ length: 11 }, () => ({ tender: 'cash', amountMinor: 100 })) },
  ],
  'sale.get': [{}, { saleId: '' }, { saleId: 's', receiptNo: 'r' }, { receiptNo: 'x'.repeat(41) }],
  'sale.listRecent': [{ limit: 0 }, { limit: 101 }, { limit: 'ten' }],
  'receipt.preview': [{}, { saleId: 's', copy: 'yes' }],
  'sync.enroll': [
    {}, { serverUrl: 'http://127.0.0.1:9/', code: 'ABCD-EFGH' },
    { ...{ serverUrl: 'http://127.0.0.1:9/', code: 'ABCD-EFGH', terminalName: 'Till' }, serverUrl: 'ftp://127.0.0.1/' }, { ...{ serverUrl: 'http://127.0.0.1:9/', code: 'ABCD-EFGH', terminalName: 'Till' }, serverUrl: 'javascript:alert(1)' }, { ...{ serverUrl: 'http://127.0.0.1:9/', code: 'ABCD-EFGH', terminalName: 'Till' }, serverUrl: 'not a url' },
    { ...{ serverUrl: 'http://127.0.0.1:9/', code: 'ABCD-EFGH', terminalName: 'Till' }, serverUrl: `http://x.test/${'a'.repeat(300)}` }, { ...{ serverUrl: 'http://127.0.0.1:9/', code: 'ABCD-EFGH', terminalName: 'Till' }, code: 'ABC' }, { ...{ serverUrl: 'http://127.0.0.1:9/', code: 'ABCD-EFGH', terminalName: 'Till' }, code: 'ABCD<EFGH>' },
    { ...{ serverUrl: 'http://127.0.0.1:9/', code: 'ABCD-EFGH', terminalName: 'Till' }, code: 'A'.repeat(65) }, { ...{ serverUrl: 'http://127.0.0.1:9/', code: 'ABCD-EFGH', terminalName: 'Till' }, terminalName: '' }, { ...{ serverUrl: 'http://127.0.0.1:9/', code: 'ABCD-EFGH', terminalName: 'Till' }, terminalName: 'x'.repeat(61) }, { ...{ serverUrl: 'http://127.0.0.1:9/', code: 'ABCD-EFGH', terminalName: 'Till' }, credential: 'x' },
  ],
  'sync.status': [{ verbose: true }],
  'sync.now': [{ force: true }],
  'stock.level': [{}, { productId: '' }, { productId: 7 }, { productId: 'x'.repeat(65) }],
  'printer.status': [{ deviceId: 'd' }],
  'printer.jobs': [{ limit: 0 }, { limit: 101 }, { limit: 'all' }],
  'printer.reprint': [{}, { saleId: '' }, { saleId: 'x'.repeat(65) }, { saleId: 's', copy: false }],
  'printer.retry': [{}, { jobId: '' }, { jobId: 7 }],
  'printer.testPage': [{ deviceId: '' }, { deviceId: 'd', text: 'hello' }],
  'drawer.open': [{ note: 'x'.repeat(201) }, { note: 5 }, { deviceId: '' }, { reason: 'sale' }],
  'devices.list': [{ kind: 'receiptPrinter' }],
  'devices.save': [
    {},
    { id: 'd', name: 'Front', kind: 'receiptPrinter', enabled: true, transport: 'tcp', address: 'printer', widthChars: 42, codePage: 'multilingual', drawer: { pin: 2, onMs: 50, offMs: 500, sensor: 'none', reminderSeconds: 0 } },
    { id: 'd', name: 'Front', kind: 'receiptPrinter', enabled: true, transport: 'tcp', address: '10.0.0.5:9100', widthChars: 40, codePage: 'multilingual', drawer: { pin: 2, onMs: 50, offMs: 500, sensor: 'none', reminderSeconds: 0 } },
    { id: 'd', name: 'Front', kind: 'receiptPrinter', enabled: true, transport: 'tcp', address: '10.0.0.5:9100', widthChars: 42, codePage: 'multilingual', drawer: { pin: 3, onMs: 50, offMs: 500, sensor: 'none', reminderSeconds: 0 } },
    { id: 'd', name: 'Front', kind: 'receiptPrinter', enabled: true, transport: 'tcp', address: '10.0.0.5:9100', widthChars: 42, codePage: 'multilingual', drawer: { pin: 2, onMs: 51, offMs: 500, sensor: 'none', reminderSeconds: 0 } },
    { id: 'd', name: 'Back', kind: 'receiptPrinter', enabled: true, transport: 'usbLp', address: 'C:/lp0', widthChars: 42, codePage: 'multilingual', drawer: { pin: 5, onMs: 50, offMs: 500, sensor: 'none', reminderSeconds: 0 } },
  ],
  'scanner.list': [{ refresh: true }],
  'scanner.test': [{ raw: '' }, { raw: 'x'.repeat(257) }, { raw: 5012345000015 }, { raw: '501234\u0000' }, { raw: '5012345000015\r' }, { raw: 'é' }, { code: '5012345000015' }],
  // Checkout in depth (issue 3)
  'cart.setLineDiscount': [
    {}, { lineId: 'l' }, { lineId: 'l', discount: { kind: 'percent', bp: 10_001 } }, { lineId: 'l', discount: { kind: 'percent', bp: 0 } },
    { lineId: 'l', discount: { kind: 'percent', bp: 10.5 } }, { lineId: 'l', discount: { kind: 'amount', amountMinor: -1 } },
    { lineId: 'l', discount: { kind: 'amount', amountMinor: 0 } }, { lineId: 'l', discount: { kind: 'free' } }, { lineId: 'l', discount: { kind: 'amount', amountMinor: 5, bp: 5 } },
  ],
  'cart.setCartDiscount': [{}, { discount: { kind: 'percent', bp: 20_000 } }, { discount: '10%' }, { discount: { kind: 'amount', amountMinor: 1e15 } }],
  'cart.overridePrice': [{}, { lineId: 'l' }, { lineId: 'l', unitPriceMinor: -1 }, { lineId: 'l', unitPriceMinor: 1.5 }, { lineId: 'l', unitPriceMinor: '100' }, { lineId: '', unitPriceMinor: 1 }],
  'cart.setNote': [{}, { note: '' }, { note: '   ' }, { note: 'x'.repeat(201) }, { note: 'line\nbreak' }, { lineId: '', note: 'x' }, { note: 5 }],
  'cart.setTaxExempt': [{}, { taxExempt: 'yes' }, { taxExempt: 1 }],
  'cart.park': [{ note: '' }, { note: 'x'.repeat(201) }, { note: 'a\u0000b' }, { cartId: 'c' }],
  'cart.listParked': [{ limit: 5 }],
  'cart.resume': [{}, { parkedId: '' }, { parkedId: 'x'.repeat(65) }],
  'cart.deleteParked': [{ parkedId: 'p' }, { parkedId: 'p', reason: '' }, { parkedId: 'p', reason: 'no' }, { parkedId: 'p', reason: 'x'.repeat(201) }, { reason: 'mistake' }],
  'catalog.quickKeys': [{ perCategory: 0 }, { perCategory: 49 }, { perCategory: 'all' }, { category: 'x' }],
  'checkout.settings': [{ store: 'x' }],
  'checkout.due': [{ payments: 'cash' }, { payments: [{ tender: 'card', amountMinor: 100 }] }, { payments: [{ tender: 'cash', amountMinor: -1 }] }],
  // People, cash and control (issue 4)
  'people.listForSignIn': [{ includeInactive: true }],
  'session.current': [{ personId: 'p' }],
  'session.signIn': [{}, { personId: 'p' }, { personId: 'p', pin: '123' }, { personId: 'p', pin: '123456789' }, { personId: 'p', pin: '12a4' }, { personId: 'p', pin: 1234 }, { personId: '', pin: '1234' }, { personId: 'p', pin: '1234', remember: true }],
  'session.lock': [{ personId: 'p' }],
  'session.signOut': [{ everyone: true }],
  'session.touch': [{ at: '2026-01-01' }],
  'admin.enter': [{}, { personId: 'p', pin: '12' }, { personId: 'p', pin: ' 1234' }],
  'admin.leave': [{ personId: 'p' }],
  'override.approve': [
    {}, { permission: 'refund', approverId: 'p', pin: '1234', reasonCode: 'damaged' },
    { permission: 'fly', approverId: 'p', pin: '1234', reasonCode: 'damaged', context: {} },
    { permission: 'refund', approverId: 'p', pin: '1234', reasonCode: 'has space', context: {} },
    { permission: 'refund', approverId: 'p', pin: '1234', reasonCode: 'x'.repeat(41), context: {} },
    { permission: 'refund', approverId: 'p', pin: '1234', reasonCode: 'damaged', context: { nested: { a: 1 } } },
    { permission: 'refund', approverId: 'p', pin: '1234', reasonCode: 'damaged', context: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, i])) },
    { permission: 'refund', approverId: 'p', pin: '1234', reasonCode: 'damaged', context: { amount: 1.5 } },
  ],
  'people.list': [{ all: true }],
  'people.save': [{}, { name: '', roleId: 'cashier' }, { name: 'Ann', roleId: 'Cashier!' }, { name: 'Ann', roleId: 'cashier', pin: '12' }, { name: 'x'.repeat(61), roleId: 'cashier' }, { name: 'Ann', roleId: 'cashier', pinHash: 'scrypt$' }],
  'people.unlock': [{}, { personId: '' }],
  'roles.list': [{ id: 'cashier' }],
  'roles.save': [{}, { id: 'cashier', name: 'Cashier', permissions: ['fly'] }, { id: 'Cashier', name: 'Cashier', permissions: [] }, { id: 'cashier', name: '', permissions: [] }, { id: 'cashier', name: 'C', permissions: 'refund' }],
  'control.settings': [{ key: 'requireSignIn' }],
  'control.updateSettings': [{ idleLockSeconds: 5 }, { idleLockSeconds: 99_999 }, { requireSignIn: 'yes' }, { varianceThresholdMinor: -1 }, { unknownSetting: true }, { discountThresholdBp: 500 }],
  'audit.list': [{ limit: 0 }, { limit: 201 }, { beforeSeq: 0 }, { beforeSeq: 'last' }],
  'audit.verify': [{ repair: true }],
  'shift.current': [{ shiftId: 's' }],
  'shift.open': [{}, { floatCount: 100 }, { floatCount: [{ valueMinor: 500, count: -1 }] }, { floatCount: [{ valueMinor: 0, count: 1 }] }, { floatCount: [{ valueMinor: 500, count: 1.5 }] }, { floatCount: Array.from({ length: 41 }, () => ({ valueMinor: 1, count: 1 })) }],
  'cash.payIn': [{}, { amountMinor: 100 }, { amountMinor: 0, reasonCode: 'change' }, { amountMinor: -5, reasonCode: 'change' }, { amountMinor: 10.5, reasonCode: 'change' }, { amountMinor: 100, reasonCode: '' }],
  'cash.payOut': [{ amountMinor: 100_000_01, reasonCode: 'supplies' }, { amountMinor: 100, reasonCode: 'supplies', note: 'x'.repeat(201) }, { amountMinor: 100, reasonCode: 'supplies', overrideToken: 'short' }],
  'cash.drop': [{ reasonCode: 'safeDrop' }, { amountMinor: '100', reasonCode: 'safeDrop' }],
  'shift.xReport': [{ print: true }],
  'shift.close': [{}, { cash: 'lots' }, { cash: [{ valueMinor: 500, count: -2 }] }, { cash: [], otherTenders: [{ tender: 'card', amountMinor: -1 }] }, { cash: [], otherTenders: [{ tender: 'card 2', amountMinor: 1 }] }],
  'reports.get': [{}, { reportId: '' }],
  'reports.list': [{ limit: 0 }, { limit: 101 }],
  'reports.print': [{}, { reportId: 5 }],
  'returns.findSale': [{}, { receiptNo: '' }, { saleId: '' }, { date: '2026-13-45', totalMinor: 100 }, { date: '2026-11-21', totalMinor: 0 }, { date: '2026-11-21' }, { receiptNo: 'T01-1-000001', saleId: 's' }],
  'returns.create': [
    {}, { kind: 'receipt', saleId: 's', refundTo: 'original', reasonCode: 'damaged', disposition: 'restock', lines: [] },
    { kind: 'receipt', saleId: 's', refundTo: 'original', reasonCode: 'damaged', disposition: 'restock', lines: [{ saleLineId: 'l', quantity: 0 }] },
    { kind: 'receipt', saleId: 's', refundTo: 'cash', reasonCode: 'damaged', disposition: 'restock', lines: [{ saleLineId: 'l', quantity: 1 }] },
    { kind: 'receipt', saleId: 's', refundTo: 'original', reasonCode: 'damaged', disposition: 'burn', lines: [{ saleLineId: 'l', quantity: 1 }] },
    { kind: 'noReceipt', refundTo: 'original', reasonCode: 'damaged', disposition: 'restock', lines: [{ productId: 'p', quantity: 1, unitPriceMinor: 100 }] },
    { kind: 'noReceipt', refundTo: 'cash', reasonCode: 'damaged', disposition: 'restock', lines: [{ productId: 'p', quantity: 1, unitPriceMinor: 0 }] },
    { kind: 'gift', refundTo: 'cash', reasonCode: 'damaged', disposition: 'restock', lines: [] },
  ],
  'returns.get': [{}, { returnId: '' }],
  'sale.void': [{}, { saleId: 's' }, { saleId: 's', reasonCode: '' }, { saleId: '', reasonCode: 'training' }],
};
// Payments of every tender: a card without its approval reference, a reference with control characters …
malformed['sale.complete']!.push(
  { cartId: 'c', payments: [{ tender: 'card', amountMinor: 100 }] },
  { cartId: 'c', payments: [{ tender: 'mobile', amountMinor: 100, reference: '' }] },
  { cartId: 'c', payments: [{ tender: 'card', amountMinor: 100, reference: 'A\u0007' }] },
  { cartId: 'c', payments: [{ tender: 'storeCredit', amountMinor: 100, reference: 'x'.repeat(65) }] },
  { cartId: 'c', payments: [{ tender: 'cash', amountMinor: 100, reference: 'cash has none' }] },
);
const refusedByEvery: unknown[] = [42, 'cart', [], true, { constructor: 'x', __proto__: { polluted: true } }];

describe('every contract method refuses malformed input', () => {
  let fx: CoreFixture;
  beforeAll(async () => {
    fx = await demoCore();
    // A cart with a line, so that a wrongly accepted input would have something to change.
    const [product] = await fx.core.handlers['catalog.search']({ query: 'milk', limit: 1 });
    await fx.core.handlers['cart.addLine']({ productId: product!.id, quantity: 2 });
  });
  afterAll(() => fx.dispose());

  it('has cases for exactly the contract methods', () => {
    expect(Object.keys(malformed).sort()).toEqual(Object.keys(contract).sort());
  });

  for (const method of Object.keys(contract) as Method[]) {
    it(`${method}: INVALID_INPUT with a readable message, database unchanged`, async () => {
      const before = databaseDigest(fx.local);
      for (const input of [...malformed[method], ...refusedByEvery]) {
        const result = await dispatch(fx.core.handlers, method, input, { logger: silentLogger, validateOutput: true });
        expect(result.ok, `${method} accepted ${JSON.stringify(input)}`).toBe(false);
        if (result.ok) continue;
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(result.error.message).toMatch(new RegExp(`^Invalid input for ${method.replace('.', '\\.')}: \\S`));
        expect(result.error.message.length).toBeLessThan(600);
      }
      expect(databaseDigest(fx.local)).toBe(before);
    });
  }
});
