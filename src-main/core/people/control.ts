import type { Handlers, Method } from '../../../src-shared/contract';
import type { Authorize } from '../authorize';
import { createAuditLog } from '../audit/audit-log';
import { createAuditedDrawerLog } from '../audit/audited-drawer-log';
import { createSaleSealer } from '../audit/sale-chain';
import type { CartService } from '../cart/cart-service';
import { cashHandlers } from '../cash/cash-handlers';
import { createShiftService } from '../cash/shift-service';
import type { CatalogService } from '../catalog/catalog-service';
import type { LocalStore } from '../db/local-store';
import type { Clock, IdGenerator, Logger } from '../deps';
import type { DrawerLog } from '../printing/drawer-log';
import { createReturnService } from '../returns/return-service';
import { returnsHandlers } from '../returns/returns-handlers';
import { createStoreCreditLedger, type LocalStoreCreditLedger } from '../returns/store-credit-ledger';
import type { SaleServiceDeps } from '../sale/sale-service';
import { createSettingsStore } from '../settings/control-settings';
import type { TerminalIdentity } from '../settings/terminal-identity';
import { createAccess } from './access';
import { createPolicyGate } from './method-policy';
import { createOverrideService } from './override-service';
import { peopleHandlers } from './people-handlers';
import { createPeopleService } from './people-service';
import { createRoleStore } from './role-store';
import { createSessionService } from './session-service';

export interface ControlDeps {
  local: LocalStore;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  identity: TerminalIdentity;
  catalog: CatalogService;
  /** Lines in the cart in progress (late-bound: the cart is built after the permission hook). */
  cartLineCount(): Promise<number>;
  /** Wakes the sync loop after facts committed (late-bound too). */
  factsWritten(): void;
  /** Queues a report on the receipt printer (printing has no report API yet: false = not queued). */
  printReport?(job: { title: string; document: string }): Promise<boolean>;
}

export interface Control {
  /** CoreDeps.authorize for checkout and printing (core/authorize.ts). */
  authorize: Authorize;
  /** The sale-service seams: the store-credit ledger, the sale seal (shift, cashier, hash chain), who sells. */
  checkout: { storeCredit: LocalStoreCreditLedger; sealer: NonNullable<SaleServiceDeps['sealer']>; cashier: NonNullable<SaleServiceDeps['cashier']> };
  /** Drawer openings into the audit chain (CoreDeps.drawerLog). */
  drawerLog: DrawerLog;
  handlers: Pick<Handlers,
    | 'people.listForSignIn' | 'session.current' | 'session.signIn' | 'session.lock' | 'session.signOut' | 'session.touch'
    | 'admin.enter' | 'admin.leave' | 'override.approve' | 'people.list' | 'people.save' | 'people.unlock' | 'roles.list' | 'roles.save'
    | 'control.settings' | 'control.updateSettings' | 'audit.list' | 'audit.verify'
    | 'shift.current' | 'shift.open' | 'cash.payIn' | 'cash.payOut' | 'cash.drop' | 'shift.xReport' | 'shift.close'
    | 'reports.get' | 'reports.list' | 'reports.print' | 'returns.findSale' | 'returns.create' | 'returns.get' | 'sale.void'>;
  /** Every handler behind its method policy (core/people/method-policy.ts): the one sign-in check. */
  guard(handlers: Handlers): Handlers;
  /** The same check for calls that do not come through dispatch (scans read in main). */
  gatedCart<C extends Pick<CartService, 'scan' | 'scanWithPrice' | 'scanWeighed'>>(cart: C): Pick<CartService, 'scan' | 'scanWithPrice' | 'scanWeighed'>;
}

/**
 * People, cash and control (issue 4) composed over the local store: audit log, settings, roles,
 * people and PINs, the session, overrides, the permission hook, shifts and cash, returns and the
 * store-credit ledger. `createCore` wires its seams into checkout, printing and the handler map.
 */
export function createControl(deps: ControlDeps): Control {
  const { local, clock, ids, logger, identity, catalog } = deps;
  const audit = createAuditLog({ local, clock, ids, identity });
  const settings = createSettingsStore(local, clock, logger);
  const roles = createRoleStore(local, clock);
  const people = createPeopleService({ local, clock, ids, audit, roles });
  const session = createSessionService({ clock, people, roles, settings, audit });
  const overrides = createOverrideService({ clock, ids, people, roles, audit });
  const access = createAccess({ session, overrides, audit, settings });
  const ledger = createStoreCreditLedger(local, ids);
  const shifts = createShiftService({
    local, clock, ids, identity, audit, access, settings, cartLineCount: deps.cartLineCount, printReport: deps.printReport, factsWritten: deps.factsWritten,
  });
  const returns = createReturnService({
    local, clock, ids, identity, audit, access, settings, catalog, ledger, openShiftId: () => shifts.openShiftId(), factsWritten: deps.factsWritten,
  });
  const gate = createPolicyGate(access, () => shifts.requireOpenShift(), async () => (await people.listForSignIn()).length > 0);
  const checked = <A extends unknown[], R>(method: Method, fn: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    await gate.check(method);
    return fn(...args);
  };

  return {
    authorize: access.hook,
    checkout: {
      storeCredit: ledger,
      sealer: createSaleSealer({ local, cashierId: () => session.currentPerson()?.id ?? null }),
      cashier: () => session.currentPerson(),
    },
    drawerLog: createAuditedDrawerLog({ local, clock, ids, audit, actorId: () => session.currentPerson()?.id ?? null }),
    handlers: {
      ...peopleHandlers({ local, people, session, overrides, roles, settings, access, audit }),
      ...cashHandlers(shifts),
      ...returnsHandlers(returns),
    },
    guard: (handlers) => gate.guard(handlers),
    gatedCart: (cart) => ({
      scan: checked('cart.scan', (code: string) => cart.scan(code)),
      scanWithPrice: checked('cart.scan', (...args: Parameters<CartService['scanWithPrice']>) => cart.scanWithPrice(...args)),
      scanWeighed: checked('cart.scan', (...args: Parameters<CartService['scanWeighed']>) => cart.scanWeighed(...args)),
    }),
  };
}
