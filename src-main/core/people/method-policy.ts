import type { Handlers, Method } from '../../../src-shared/contract';
import type { Permission } from '../../../src-shared/domain/people';
import type { Access } from './access';

/**
 * What a contract method needs before its handler runs. The ONE place sign-in is enforced:
 * - `open`: nothing (the sign-in screen, status, settings the UI needs, product lookup);
 * - `session`: a signed-in, unlocked person, when the store's `requireSignIn` is on;
 * - `sale`: `session` plus an open shift, when the store's `requireShift` is on;
 * - `{ permission }`: `session` plus that permission (or an override token in the input);
 * - `setup`: open while the terminal has nobody who could sign in (a new till: its people only
 *   arrive once it is enrolled), otherwise `{ permission: 'settings' }`.
 * Permissions that depend on the call's content (a pay-out's amount, which sale is voided) are
 * checked by the service with `authorize(permission, { subject })`, under `session` here.
 * Typed over every method: a new method does not compile until it is classified here.
 */
export type MethodPolicy = 'open' | 'session' | 'sale' | 'setup' | { permission: Permission };

export const METHOD_POLICY: Record<Method, MethodPolicy> = {
  'app.info': 'open',
  'catalog.search': 'open',
  'cart.get': 'session',
  'cart.scan': 'sale',
  'cart.addLine': 'sale',
  'cart.setQuantity': 'session',
  'cart.removeLine': 'session',
  'cart.clear': 'session',
  // Checkout in depth (issue 3): its service asks `authorize` for discounts above the threshold,
  // price overrides and deleting a parked sale.
  'cart.setLineDiscount': 'session',
  'cart.setCartDiscount': 'session',
  'cart.overridePrice': 'session',
  'cart.setNote': 'session',
  'cart.setTaxExempt': 'session',
  'cart.park': 'session',
  'cart.listParked': 'session',
  'cart.resume': 'session',
  'cart.deleteParked': 'session',
  'catalog.quickKeys': 'open',
  'checkout.settings': 'open',
  'checkout.due': 'session',
  'sale.complete': 'sale',
  'sale.get': 'session',
  'sale.listRecent': 'session',
  'receipt.preview': 'session',
  'sync.status': 'open',
  'sync.now': 'session',
  'sync.enroll': 'setup',
  'stock.level': 'open',
  'printer.status': 'open',
  'printer.jobs': 'open',
  'printer.reprint': 'session',
  'printer.retry': 'session',
  'printer.testPage': 'session',
  // The printing service asks `authorize` itself (drawer.noSale, settings).
  'drawer.open': 'session',
  'devices.list': 'open',
  'devices.save': 'session',
  'scanner.list': 'open',
  'scanner.test': 'open',
  'people.listForSignIn': 'open',
  'session.current': 'open',
  'session.signIn': 'open',
  'session.lock': 'open',
  'session.signOut': 'open',
  // Checks the session itself (SESSION_LOCKED once idle) whether or not sign-in is required.
  'session.touch': 'open',
  'admin.enter': 'open',
  'admin.leave': 'open',
  'override.approve': 'session',
  'people.list': { permission: 'people' },
  'people.save': { permission: 'people' },
  'people.unlock': { permission: 'people' },
  'roles.list': 'session',
  'roles.save': { permission: 'people' },
  'control.settings': 'open',
  'control.updateSettings': { permission: 'settings' },
  'audit.list': { permission: 'reports' },
  'audit.verify': { permission: 'reports' },
  'shift.current': 'session',
  'shift.open': 'session',
  'cash.payIn': 'session',
  'cash.payOut': 'session',
  'cash.drop': 'session',
  'shift.xReport': 'session',
  'shift.close': 'session',
  'reports.get': 'session',
  'reports.list': { permission: 'reports' },
  'reports.print': 'session',
  'returns.findSale': 'session',
  'returns.create': 'session',
  'returns.get': 'session',
  'sale.void': 'session',
};

const overrideTokenOf = (input: unknown): string | undefined => {
  if (typeof input !== 'object' || input === null || !('overrideToken' in input)) return undefined;
  const token = (input as { overrideToken?: unknown }).overrideToken;
  return typeof token === 'string' ? token : undefined;
};

export interface PolicyGate {
  /** Throws the refusal of `method`'s policy, if any (also for calls that bypass dispatch, e.g. hardware scans). */
  check(method: Method, input?: unknown): Promise<void>;
  /** Every handler behind its policy, each call run with its override token at hand. */
  guard(handlers: Handlers): Handlers;
}

export function createPolicyGate(access: Access, requireOpenShift: () => Promise<void>, hasPeople: () => Promise<boolean>): PolicyGate {
  async function check(method: Method): Promise<void> {
    let policy = METHOD_POLICY[method];
    if (policy === 'open') return;
    if (policy === 'setup') {
      if (!(await hasPeople())) return;
      policy = { permission: 'settings' };
    }
    if (typeof policy === 'object') {
      await access.authorize(policy.permission, { audit: false });
      return;
    }
    await access.requireSession();
    if (policy === 'sale') await requireOpenShift();
  }

  return {
    check: (method, input) => access.runCall(method, overrideTokenOf(input), () => check(method)),
    guard(handlers) {
      const guarded: Record<string, (input: unknown) => Promise<unknown>> = {};
      for (const method of Object.keys(handlers) as Method[]) {
        const handler = handlers[method] as (input: unknown) => Promise<unknown>;
        guarded[method] = (input) => access.runCall(method, overrideTokenOf(input), async () => {
          await check(method);
          return handler(input);
        });
      }
      return guarded as Handlers;
    },
  };
}
