import { z } from 'zod';

/**
 * Granular permissions (issue 4). A role is a named set of them; the defaults below are reference
 * data seeded into the local store (table `role`), editable in admin mode until the centre
 * authors them. Checked by the core only (src-main/core/people/authorizer.ts): the UI hides what
 * a person may not do, but never decides it.
 */
export const Permission = z.enum([
  /** A line or cart discount above the store's threshold (`discountThresholdBp`). */
  'discount.aboveThreshold',
  'price.override',
  'line.void',
  /** Void a completed sale within its shift. */
  'sale.void',
  'refund',
  'refund.noReceipt',
  /** Open the drawer without a sale. */
  'drawer.noSale',
  'cash.payInOut',
  'shift.close',
  /** Close a shift whose count differs from the expected amount by more than the threshold. */
  'shift.approveVariance',
  'settings',
  'products',
  'people',
  'reports',
]);
export type Permission = z.infer<typeof Permission>;

/**
 * The permissions among `touched` that `held` lacks, in the contract's order. Nobody grants or
 * takes away a permission they do not hold (src-main/core/people/grant-rules.ts enforces it; the
 * admin screens use it to offer only what the core will accept).
 */
export function permissionsNotHeld(held: readonly Permission[], touched: readonly Permission[]): Permission[] {
  return Permission.options.filter((p) => touched.includes(p) && !held.includes(p));
}

/** The permissions that open admin mode (people, roles, settings, reports screens). */
export const ADMIN_PERMISSIONS: readonly Permission[] = ['settings', 'products', 'people', 'reports'];

export const RoleId = z.string().trim().min(1).max(40).regex(/^[a-z][a-zA-Z0-9_-]*$/, 'a role id is letters, digits, - and _, starting with a lower-case letter');
export type RoleId = z.infer<typeof RoleId>;

export const Role = z.object({
  id: RoleId,
  name: z.string().trim().min(1).max(60),
  permissions: z.array(Permission).max(Permission.options.length),
});
export type Role = z.infer<typeof Role>;

const everything = Permission.options;
const cashier: Permission[] = ['line.void'];
const supervisor: Permission[] = [...cashier, 'refund', 'drawer.noSale', 'cash.payInOut', 'shift.close', 'discount.aboveThreshold'];
const manager: Permission[] = everything.filter((p) => p !== 'settings');

/** The four built-in roles; ids are what `person.role` holds. */
export const DEFAULT_ROLES: readonly Role[] = [
  { id: 'cashier', name: 'Cashier', permissions: cashier },
  { id: 'supervisor', name: 'Supervisor', permissions: supervisor },
  { id: 'manager', name: 'Manager', permissions: manager },
  { id: 'admin', name: 'Administrator', permissions: [...everything] },
];

/** 4 to 8 digits (issue 4); the hash is scrypt (src-main/core/people/pin-hash.ts). */
export const Pin = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits');

/** What the sign-in picker shows: names and ids only, nothing private. */
export const SignInChoice = z.object({ id: z.string(), name: z.string() });
export type SignInChoice = z.infer<typeof SignInChoice>;

export const Person = z.object({
  id: z.string(),
  name: z.string(),
  roleId: z.string(),
  active: z.boolean(),
  /** Locked after five wrong PINs until this time (ISO), or null. */
  lockedUntil: z.string().nullable(),
});
export type Person = z.infer<typeof Person>;

export const SessionPerson = z.object({ id: z.string(), name: z.string(), roleId: z.string(), permissions: z.array(Permission) });
export type SessionPerson = z.infer<typeof SessionPerson>;

/**
 * The terminal's one session (a till has one person at it). `locked`: the idle lock or
 * `session.lock`; shows only who is signed in, and the cart is kept for when they come back.
 */
export const SessionState = z.discriminatedUnion('state', [
  z.object({ state: z.literal('signedOut'), requireSignIn: z.boolean() }),
  z.object({ state: z.literal('locked'), requireSignIn: z.boolean(), person: SignInChoice }),
  z.object({
    state: z.literal('active'),
    requireSignIn: z.boolean(),
    person: SessionPerson,
    /** A manager who entered admin mode over this session (admin.enter), or null. */
    admin: SessionPerson.nullable(),
    signedInAt: z.string(),
    /** When the session locks itself without activity (ISO). */
    idleLockAt: z.string(),
  }),
]);
export type SessionState = z.infer<typeof SessionState>;
