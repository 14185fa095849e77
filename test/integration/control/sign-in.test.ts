import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_BARCODES } from '../../../src-main/core/demo/seed-demo-store';
import { databaseDigest, demoCore, demoPin, PIN_RECORD_TABLES, type CoreFixture } from '../../support/core-fixture';
import { auditOf, call, ok, refused } from './call';

let fx: CoreFixture;
afterEach(() => fx.dispose());

const strict = { requireSignIn: true, requireShift: false };

describe('sign-in', () => {
  it('lists people for the picker with names and ids only', async () => {
    fx = await demoCore(undefined, { control: strict });
    const choices = await ok(fx, 'people.listForSignIn', {});
    expect(choices.map((c) => c.name)).toEqual(['Casey Cashier', 'Morgan Manager', 'Olive Owner']);
    for (const choice of choices) expect(Object.keys(choice).sort()).toEqual(['id', 'name']);
  });

  it('refuses checkout without a session, then signs in with the PIN and sells', async () => {
    fx = await demoCore(undefined, { control: strict });
    expect((await ok(fx, 'session.current', {})).state).toBe('signedOut');
    await refused(fx, 'cart.scan', { barcode: DEMO_BARCODES.milk }, 'SESSION_REQUIRED');
    await refused(fx, 'sale.complete', { cartId: 'c', payments: [{ tender: 'cash', amountMinor: 100 }] }, 'SESSION_REQUIRED');
    const state = await ok(fx, 'session.signIn', { personId: await fx.personId('cashier'), pin: '0000' });
    expect(state).toMatchObject({ state: 'active', person: { name: 'Casey Cashier', roleId: 'cashier' }, admin: null });
    const cart = await ok(fx, 'cart.scan', { barcode: DEMO_BARCODES.milk });
    const sale = await ok(fx, 'sale.complete', { cartId: cart.id, payments: [{ tender: 'cash', amountMinor: cart.totals.totalMinor }] });
    const seal = fx.local.sqlite.prepare('SELECT cashier_id FROM sale_seal WHERE sale_id = ?').get(sale.id) as { cashier_id: string };
    expect(seal.cashier_id).toBe(await fx.personId('cashier'));
    expect(auditOf(fx, 'session.signedIn').map((e) => e.actor_id)).toEqual([await fx.personId('cashier')]);
  });

  it('a wrong PIN says how many tries are left and changes nothing but the failure record', async () => {
    fx = await demoCore(undefined, { control: strict });
    const cashier = await fx.personId('cashier');
    const before = databaseDigest(fx.local, { except: PIN_RECORD_TABLES });
    const error = await refused(fx, 'session.signIn', { personId: cashier, pin: '9999' }, 'PIN_INCORRECT');
    expect(error.message).toMatch(/Wrong PIN for Casey Cashier: 4 tries left/);
    expect(error.details).toEqual({ attemptsLeft: 4 });
    expect(databaseDigest(fx.local, { except: PIN_RECORD_TABLES })).toBe(before);
    expect((await ok(fx, 'session.current', {})).state).toBe('signedOut');
    expect(auditOf(fx, 'pin.failed')).toMatchObject([{ actor_id: cashier, details: { purpose: 'signIn', failures: 1 } }]);
  });

  it('five wrong PINs lock the person for five minutes; the lock survives a restart and refuses even the right PIN', async () => {
    fx = await demoCore(undefined, { control: strict });
    const cashier = await fx.personId('cashier');
    for (let i = 0; i < 4; i += 1) await refused(fx, 'session.signIn', { personId: cashier, pin: '1111' }, 'PIN_INCORRECT');
    const fifth = await refused(fx, 'session.signIn', { personId: cashier, pin: '1111' }, 'PERSON_LOCKED');
    expect(fifth.details).toEqual({ lockedUntil: '2026-11-21T10:20:00.000Z' });
    expect(auditOf(fx, 'person.lockedOut')).toHaveLength(1);

    fx = await fx.reopen({ control: strict });
    const before = databaseDigest(fx.local, { except: PIN_RECORD_TABLES });
    const locked = await refused(fx, 'session.signIn', { personId: cashier, pin: demoPin('cashier') }, 'PERSON_LOCKED');
    expect(locked.message).toMatch(/Casey Cashier is locked after 5 wrong PINs until 2026-11-21T10:20:00.000Z/);
    expect(databaseDigest(fx.local, { except: PIN_RECORD_TABLES })).toBe(before);
    expect((await ok(fx, 'people.listForSignIn', {})).map((p) => p.name)).toContain('Casey Cashier');
    // Another person is not affected.
    await ok(fx, 'session.signIn', { personId: await fx.personId('manager'), pin: '1234' });
    expect((await ok(fx, 'people.list', {})).find((p) => p.id === cashier)?.lockedUntil).toBe('2026-11-21T10:20:00.000Z');

    fx.clock.set('2026-11-21T10:20:00.001Z');
    const state = await ok(fx, 'session.signIn', { personId: cashier, pin: '0000' });
    expect(state).toMatchObject({ state: 'active', person: { id: cashier } });
  });

  it('locks itself after the idle time, keeps the cart, and unlocks or switches cashier with a PIN', async () => {
    fx = await demoCore(undefined, { control: { ...strict, idleLockSeconds: 120 }, signIn: 'cashier' });
    const cart = await ok(fx, 'cart.scan', { barcode: DEMO_BARCODES.bread });
    fx.clock.set('2026-11-21T10:16:59.000Z');
    await ok(fx, 'cart.scan', { barcode: DEMO_BARCODES.milk });
    fx.clock.set('2026-11-21T10:19:00.000Z');
    await refused(fx, 'cart.scan', { barcode: DEMO_BARCODES.eggs }, 'SESSION_LOCKED');
    await refused(fx, 'cart.get', {}, 'SESSION_LOCKED');
    const locked = await ok(fx, 'session.current', {});
    expect(locked).toEqual({ state: 'locked', requireSignIn: true, person: { id: await fx.personId('cashier'), name: 'Casey Cashier' } });
    await refused(fx, 'session.touch', {}, 'SESSION_LOCKED');

    // Quick switch: the manager takes over the same cart.
    await ok(fx, 'session.signIn', { personId: await fx.personId('manager'), pin: '1234' });
    const kept = await ok(fx, 'cart.get', {});
    expect(kept.id).toBe(cart.id);
    expect(kept.lines.map((l) => l.name)).toHaveLength(2);
    expect(auditOf(fx, 'session.signedIn').at(-1)?.details).toEqual({ switchedFrom: await fx.personId('cashier') });

    await ok(fx, 'session.lock', {});
    await refused(fx, 'cart.clear', {}, 'SESSION_LOCKED');
    expect((await ok(fx, 'session.signIn', { personId: await fx.personId('manager'), pin: '1234' })).state).toBe('active');
    expect(auditOf(fx, 'session.unlocked')).toHaveLength(1);
  });

  it('enters admin mode with a manager PIN over a cashier session and leaves it back to the till', async () => {
    fx = await demoCore(undefined, { control: strict, signIn: 'cashier' });
    await refused(fx, 'people.list', {}, 'PERMISSION_REQUIRED');
    await refused(fx, 'admin.enter', { personId: await fx.personId('cashier'), pin: '0000' }, 'PERMISSION_REQUIRED');
    const admin = await ok(fx, 'admin.enter', { personId: await fx.personId('manager'), pin: '1234' });
    expect(admin).toMatchObject({ state: 'active', person: { name: 'Casey Cashier' }, admin: { name: 'Morgan Manager' } });
    expect((await ok(fx, 'people.list', {})).length).toBe(3);
    // An 8-digit PIN: a short one can occur by chance inside the random ids and hashes of the log.
    const saved = await ok(fx, 'people.save', { name: 'Sam Supervisor', roleId: 'supervisor', pin: '97531864' });
    expect(saved).toMatchObject({ name: 'Sam Supervisor', roleId: 'supervisor', active: true, lockedUntil: null });
    expect(auditOf(fx, 'person.created')).toMatchObject([{ actor_id: await fx.personId('manager'), details: { name: 'Sam Supervisor', pinChanged: true } }]);
    const details = fx.local.sqlite.prepare('SELECT details_json FROM audit_entry').pluck().all() as string[];
    expect(details.join('\n')).not.toContain('97531864');
    await ok(fx, 'admin.leave', {});
    await refused(fx, 'people.list', {}, 'PERMISSION_REQUIRED');
    await ok(fx, 'session.signIn', { personId: saved.id, pin: '97531864' });
  });

  it('demo switch: with requireSignIn off, checkout works with nobody signed in', async () => {
    fx = await demoCore();
    expect(await ok(fx, 'control.settings', {})).toMatchObject({ requireSignIn: false, requireShift: false });
    expect((await call(fx, 'cart.scan', { barcode: DEMO_BARCODES.milk })).ok).toBe(true);
  });
});
