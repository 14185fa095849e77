// Who may grant what (src-main/core/people/grant-rules.ts): nobody hands out or takes away a
// permission they do not hold, and someone active always keeps `people`. Each refusal changes
// nothing (database digest) and names what was missing.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ROLES, type Permission } from '../../../src-shared/domain/people';
import { databaseDigest, demoCore, demoPin, type CoreFixture, type DemoRole } from '../../support/core-fixture';
import { auditOf, ok, refused } from './call';

let fx: CoreFixture;
afterEach(() => fx.dispose());

const strict = { requireSignIn: true, requireShift: false };
const roleOf = (id: string) => DEFAULT_ROLES.find((r) => r.id === id)!;
const withPermission = (id: string, permission: Permission) => ({ ...roleOf(id), permissions: [...roleOf(id).permissions, permission] });
const withoutPermission = (id: string, permission: Permission) => ({ ...roleOf(id), permissions: roleOf(id).permissions.filter((p) => p !== permission) });

async function signedIn(role: DemoRole): Promise<CoreFixture> {
  return demoCore(undefined, { control: strict, signIn: role });
}

async function person(fx: CoreFixture, role: DemoRole) {
  const id = await fx.personId(role);
  return (await ok(fx, 'people.list', {})).find((p) => p.id === id)!;
}

describe('grant rules', () => {
  it('a manager holding "people" cannot give their own role "settings", and nothing changes', async () => {
    fx = await signedIn('manager');
    const before = databaseDigest(fx.local, { except: ['audit_entry'] });
    const error = await refused(fx, 'roles.save', withPermission('manager', 'settings'), 'GRANT_REFUSED');
    expect(error.message).toContain('"settings"');
    expect(error.message).toContain('Morgan Manager does not hold');
    expect(error.details).toEqual({ permissions: ['settings'] });
    expect(databaseDigest(fx.local, { except: ['audit_entry'] })).toBe(before);
    expect(auditOf(fx, 'role.saved')).toEqual([]);
    await refused(fx, 'control.updateSettings', { idleLockSeconds: 60 }, 'PERMISSION_REQUIRED');
  });

  it('a manager cannot move themselves to Administrator, reset the owner’s PIN, or switch the owner off', async () => {
    fx = await signedIn('manager');
    const morgan = await person(fx, 'manager');
    const olive = await person(fx, 'admin');
    const before = databaseDigest(fx.local, { except: ['audit_entry'] });
    const promoted = await refused(fx, 'people.save', { id: morgan.id, name: morgan.name, roleId: 'admin', active: true }, 'GRANT_REFUSED');
    expect(promoted.details).toEqual({ permissions: ['settings'] });
    await refused(fx, 'people.save', { id: olive.id, name: olive.name, roleId: 'admin', active: true, pin: '11112222' }, 'GRANT_REFUSED');
    await refused(fx, 'people.save', { id: olive.id, name: olive.name, roleId: 'cashier', active: true }, 'GRANT_REFUSED');
    await refused(fx, 'people.save', { id: olive.id, name: olive.name, roleId: 'admin', active: false }, 'GRANT_REFUSED');
    await refused(fx, 'people.save', { name: 'Eve Elevated', roleId: 'admin', active: true, pin: '13572468' }, 'GRANT_REFUSED');
    // Editing a role more powerful than oneself is refused too, even to take a permission away.
    await refused(fx, 'roles.save', withoutPermission('admin', 'people'), 'GRANT_REFUSED');
    expect(databaseDigest(fx.local, { except: ['audit_entry'] })).toBe(before);
    // The owner's PIN still works.
    await ok(fx, 'session.signIn', { personId: olive.id, pin: demoPin('admin') });
  });

  it('within their own permissions a manager still manages roles and people', async () => {
    fx = await signedIn('manager');
    const cashierWithRefund = withPermission('cashier', 'refund');
    expect(await ok(fx, 'roles.save', cashierWithRefund)).toMatchObject({ id: 'cashier', permissions: expect.arrayContaining(['refund', 'line.void']) });
    const sam = await ok(fx, 'people.save', { name: 'Sam Supervisor', roleId: 'supervisor', active: true, pin: '97531864' });
    const casey = await person(fx, 'cashier');
    await ok(fx, 'people.save', { id: casey.id, name: casey.name, roleId: 'supervisor', active: true, pin: '24681357' });
    expect(auditOf(fx, 'person.created')).toMatchObject([{ actor_id: await fx.personId('manager'), details: { personId: sam.id } }]);
    expect(auditOf(fx, 'role.saved')).toMatchObject([{ actor_id: await fx.personId('manager'), details: { roleId: 'cashier' } }]);
  });

  it('the owner may grant "settings" to the manager role, and the manager then changes settings', async () => {
    fx = await signedIn('admin');
    await ok(fx, 'roles.save', withPermission('manager', 'settings'));
    await ok(fx, 'session.signIn', { personId: await fx.personId('manager'), pin: demoPin('manager') });
    expect(await ok(fx, 'control.updateSettings', { idleLockSeconds: 60 })).toMatchObject({ idleLockSeconds: 60 });
  });

  it('admin mode grants with the admin’s permissions, not the cashier’s under it', async () => {
    fx = await signedIn('cashier');
    await ok(fx, 'admin.enter', { personId: await fx.personId('manager'), pin: demoPin('manager') });
    await ok(fx, 'roles.save', withPermission('cashier', 'refund'));
    await refused(fx, 'roles.save', withPermission('cashier', 'settings'), 'GRANT_REFUSED');
  });

  it('refuses the edit that would leave nobody active with "people"', async () => {
    fx = await signedIn('admin');
    const morgan = await person(fx, 'manager');
    const olive = await person(fx, 'admin');
    await ok(fx, 'people.save', { id: morgan.id, name: morgan.name, roleId: 'manager', active: false });
    const before = databaseDigest(fx.local, { except: ['audit_entry'] });
    const off = await refused(fx, 'people.save', { id: olive.id, name: olive.name, roleId: 'admin', active: false }, 'LAST_PEOPLE_MANAGER');
    expect(off.message).toContain('"people"');
    await refused(fx, 'people.save', { id: olive.id, name: olive.name, roleId: 'cashier', active: true }, 'LAST_PEOPLE_MANAGER');
    await refused(fx, 'roles.save', withoutPermission('admin', 'people'), 'LAST_PEOPLE_MANAGER');
    expect(databaseDigest(fx.local, { except: ['audit_entry'] })).toBe(before);
    // With Morgan back, the owner may step down.
    await ok(fx, 'people.save', { id: morgan.id, name: morgan.name, roleId: 'manager', active: true });
    await ok(fx, 'people.save', { id: olive.id, name: olive.name, roleId: 'admin', active: false });
  });

  it('with sign-in off (nobody signed in) only the "people" rule applies', async () => {
    fx = await demoCore();
    await ok(fx, 'roles.save', withPermission('manager', 'settings'));
    await ok(fx, 'roles.save', withoutPermission('admin', 'people'));
    await refused(fx, 'roles.save', withoutPermission('manager', 'people'), 'LAST_PEOPLE_MANAGER');
  });
});
