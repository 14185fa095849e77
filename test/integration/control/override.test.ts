import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_BARCODES } from '../../../src-main/core/demo/seed-demo-store';
import { databaseDigest, demoCore, PIN_RECORD_TABLES, type CoreFixture } from '../../support/core-fixture';
import { auditOf, ok, refused } from './call';

let fx: CoreFixture;
afterEach(() => fx.dispose());

const strict = { requireSignIn: true, requireShift: true };

async function openShift() {
  await ok(fx, 'shift.open', { floatCount: [{ valueMinor: 2000, count: 5 }] });
}

describe('manager override', () => {
  it('a pay-out by a cashier asks for the permission; a manager approves with PIN and reason; both people and the reason are recorded', async () => {
    fx = await demoCore(undefined, { control: strict, signIn: 'cashier' });
    await openShift();
    const cashier = await fx.personId('cashier');
    const manager = await fx.personId('manager');

    const refusal = await refused(fx, 'cash.payOut', { amountMinor: 1_500, reasonCode: 'supplies' }, 'PERMISSION_REQUIRED');
    expect(refusal.message).toMatch(/pay-in or pay-out needs the permission "cash.payInOut", which Casey Cashier does not have/);
    expect(refusal.details).toEqual({ permission: 'cash.payInOut', context: { kind: 'payOut', amountMinor: 1_500 } });

    const approval = await ok(fx, 'override.approve', { permission: 'cash.payInOut', approverId: manager, pin: '1234', reasonCode: 'supplierPayment', context: { kind: 'payOut', amountMinor: 1_500 } });
    expect(approval.approver).toEqual({ id: manager, name: 'Morgan Manager' });
    expect(approval.expiresAt).toBe('2026-11-21T10:17:00.000Z');
    const movement = await ok(fx, 'cash.payOut', { amountMinor: 1_500, reasonCode: 'supplies', overrideToken: approval.overrideToken });
    expect(movement).toMatchObject({ personId: cashier, approverId: manager });

    const [approved] = auditOf(fx, 'override.approved');
    expect(approved).toMatchObject({ actor_id: cashier, details: { permission: 'cash.payInOut', requesterId: cashier, approverId: manager, reasonCode: 'supplierPayment' } });
    const [payOut] = auditOf(fx, 'cash.payOut');
    expect(payOut).toMatchObject({ actor_id: cashier, details: { approverId: manager, overrideReason: 'supplierPayment', overrideId: approved!.details.overrideId } });

    // One time only.
    await refused(fx, 'cash.payOut', { amountMinor: 1_500, reasonCode: 'supplies', overrideToken: approval.overrideToken }, 'OVERRIDE_INVALID');
  });

  it('binds the approval to the action and its context, and to two minutes', async () => {
    // A longer idle lock than the approval's life, so that the expiry is what refuses.
    fx = await demoCore(undefined, { control: { ...strict, idleLockSeconds: 600 }, signIn: 'cashier' });
    await openShift();
    const manager = await fx.personId('manager');
    const approve = async (amountMinor: number) => (await ok(fx, 'override.approve', { permission: 'cash.payInOut', approverId: manager, pin: '1234', reasonCode: 'other', context: { kind: 'payOut', amountMinor } })).overrideToken;

    const token = await approve(500);
    const before = databaseDigest(fx.local);
    const other = await refused(fx, 'cash.payOut', { amountMinor: 5_000, reasonCode: 'supplies', overrideToken: token }, 'OVERRIDE_INVALID');
    expect(other.message).toMatch(/different action/);
    await refused(fx, 'cash.payIn', { amountMinor: 500, reasonCode: 'change', overrideToken: token }, 'OVERRIDE_INVALID');
    expect(databaseDigest(fx.local)).toBe(before);
    await ok(fx, 'cash.payOut', { amountMinor: 500, reasonCode: 'supplies', overrideToken: token });

    const late = await approve(700);
    fx.clock.set('2026-11-21T10:17:00.001Z');
    await refused(fx, 'cash.payOut', { amountMinor: 700, reasonCode: 'supplies', overrideToken: late }, 'OVERRIDE_INVALID');
  });

  it('a wrong approver PIN counts towards that approver’s lockout and approves nothing', async () => {
    fx = await demoCore(undefined, { control: strict, signIn: 'cashier' });
    const manager = await fx.personId('manager');
    const before = databaseDigest(fx.local, { except: PIN_RECORD_TABLES });
    const error = await refused(fx, 'override.approve', { permission: 'sale.void', approverId: manager, pin: '4321', reasonCode: 'training', context: { saleId: 's' } }, 'PIN_INCORRECT');
    expect(error.details).toEqual({ attemptsLeft: 4 });
    expect(databaseDigest(fx.local, { except: PIN_RECORD_TABLES })).toBe(before);
    expect(auditOf(fx, 'pin.failed')).toMatchObject([{ actor_id: manager, details: { purpose: 'override' } }]);
    expect(auditOf(fx, 'override.approved')).toEqual([]);
  });

  it('is the checkout’s permission hook: a discount above the threshold waits for a manager, then goes through', async () => {
    fx = await demoCore(undefined, { control: strict, signIn: 'cashier' });
    await openShift();
    const cart = await ok(fx, 'cart.scan', { barcode: DEMO_BARCODES.cola });
    const lineId = cart.lines[0]!.id;
    await ok(fx, 'cart.setLineDiscount', { lineId, discount: { kind: 'percent', bp: 500 } });
    const refusal = await refused(fx, 'cart.setLineDiscount', { lineId, discount: { kind: 'percent', bp: 2_500 } }, 'PERMISSION_REQUIRED');
    expect(refusal.details).toMatchObject({ permission: 'discount.aboveThreshold', context: { lineId, percentBp: 2_500 } });
    const context = refusal.details!.context as Record<string, string | number>;
    await ok(fx, 'override.approve', { permission: 'discount.aboveThreshold', approverId: await fx.personId('manager'), pin: '1234', reasonCode: 'priceMatch', context });
    // The checkout's input has no token field: the pending approval for exactly this context is used.
    const discounted = await ok(fx, 'cart.setLineDiscount', { lineId, discount: { kind: 'percent', bp: 2_500 } });
    expect(discounted.lines[0]!.discountMinor).toBeGreaterThan(0);
    expect(auditOf(fx, 'permission.used')).toMatchObject([{ details: { permission: 'discount.aboveThreshold', approverId: await fx.personId('manager'), reasonCode: 'priceMatch' } }]);
    await refused(fx, 'cart.setLineDiscount', { lineId, discount: { kind: 'percent', bp: 3_000 } }, 'PERMISSION_REQUIRED');
  });

  it('guards the no-sale drawer opening (printing) and audits drawer openings', async () => {
    fx = await demoCore(undefined, { control: strict, signIn: 'cashier' });
    const refusal = await refused(fx, 'drawer.open', { note: 'change for a customer' }, 'PERMISSION_REQUIRED');
    expect(refusal.details).toEqual({ permission: 'drawer.noSale', context: {} });
    await ok(fx, 'override.approve', { permission: 'drawer.noSale', approverId: await fx.personId('manager'), pin: '1234', reasonCode: 'customerService', context: {} });
    // No printer is configured in the demo: the approval was used, the opening refused for that reason.
    await refused(fx, 'drawer.open', { note: 'change for a customer' }, 'NOT_FOUND');
    expect(auditOf(fx, 'permission.used')).toMatchObject([{ details: { permission: 'drawer.noSale', reasonCode: 'customerService' } }]);
  });
});
