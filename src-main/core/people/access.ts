import { AsyncLocalStorage } from 'node:async_hooks';
import type { Transaction } from 'kysely';
import { DomainError } from '../../../src-shared/contract';
import type { OverrideContext } from '../../../src-shared/contract/people-contract';
import type { Permission } from '../../../src-shared/domain/people';
import type { Authorize as CoreAuthorize, AuthorizeAction, AuthorizeContext } from '../authorize';
import type { AuditLog } from '../audit/audit-log';
import type { Database } from '../db/schema';
import type { SettingsStore } from '../settings/control-settings';
import type { OverrideService } from './override-service';
import type { Actor, SessionService } from './session-service';

/** Who did a protected action and, after an override, who approved it and why. */
export interface Authorization {
  actorId: string | null;
  approverId: string | null;
  reasonCode: string | null;
  overrideId: string | null;
}

export interface AuthorizeOptions {
  /**
   * What the action is about, e.g. `{ lineId, discountBp }`. An override token is valid only for
   * exactly this context; `PERMISSION_REQUIRED` hands it to the UI in `details.context`.
   */
  subject?: OverrideContext;
  /** Defaults to the `overrideToken` field of the current contract call's input. */
  overrideToken?: string;
  /** Write the audit entry in the caller's transaction (so it commits with the action). */
  trx?: Transaction<Database>;
  /** Record a `permission.used` audit entry (default true); off when the caller audits the action itself. */
  audit?: boolean;
  /** What is being approved, in words, for the refusal's message (e.g. "A 15 % discount on milk"). */
  summary?: string;
}

/**
 * THE permission hook (CoreDeps.authorize for checkout, printing and this services).
 * Resolves when the signed-in person has `permission` or the call carries a matching override
 * token; otherwise throws `PERMISSION_REQUIRED` (details `{ permission, context }`),
 * `SESSION_REQUIRED`, `SESSION_LOCKED` or `OVERRIDE_INVALID`.
 */
export type Authorize = (permission: Permission, options?: AuthorizeOptions) => Promise<Authorization>;

const PERMISSION_LABEL: Record<Permission, string> = {
  'discount.aboveThreshold': 'A discount above the store threshold',
  'price.override': 'Changing a price',
  'line.void': 'Removing a line',
  'sale.void': 'Voiding a sale',
  refund: 'A refund',
  'refund.noReceipt': 'A refund without a receipt',
  'drawer.noSale': 'Opening the drawer without a sale',
  'cash.payInOut': 'A pay-in or pay-out',
  'shift.close': 'Closing the shift',
  'shift.approveVariance': 'A cash count this far off',
  settings: 'Changing settings',
  products: 'Editing products',
  people: 'Managing people and roles',
  reports: 'Reports and the audit log',
};

export function createAccess(deps: { session: SessionService; overrides: OverrideService; audit: AuditLog; settings: SettingsStore }) {
  const { session, overrides, audit } = deps;
  const calls = new AsyncLocalStorage<{ method: string; overrideToken?: string }>();

  const authorize: Authorize = async (permission, options = {}) => {
    const actor = await session.requireActive();
    const subject = options.subject ?? {};
    let grant: Authorization;
    if (!actor) {
      grant = { actorId: null, approverId: null, reasonCode: null, overrideId: null };
    } else if (await session.has(actor, permission)) {
      grant = { actorId: actor.person.id, approverId: null, reasonCode: null, overrideId: null };
    } else {
      const token = options.overrideToken ?? calls.getStore()?.overrideToken;
      const used = overrides.consume(permission, subject, actor.person.id, token);
      if (!used) {
        const what = options.summary ?? PERMISSION_LABEL[permission];
        throw new DomainError('PERMISSION_REQUIRED', `${what} needs the permission "${permission}", which ${actor.effective.name} does not have: a manager can approve it.`, { permission, context: subject });
      }
      grant = { actorId: actor.person.id, approverId: used.approverId, reasonCode: used.reasonCode, overrideId: used.overrideId };
    }
    if (options.audit !== false) {
      const entry = {
        action: 'permission.used', actorId: grant.actorId,
        details: { permission, context: subject, summary: options.summary ?? null, approverId: grant.approverId, reasonCode: grant.reasonCode, overrideId: grant.overrideId, method: calls.getStore()?.method ?? null },
      };
      if (options.trx) await audit.append(options.trx, entry);
      else await audit.record(entry);
    }
    return grant;
  };

  /**
   * `CoreDeps.authorize` (core/authorize.ts) for checkout and printing: checkout actions are
   * permissions already; printing actions map onto them (a reprint needs only a session). The
   * override binding is the action's identifying fields (line, cart, amounts), never its wording.
   */
  const hook: CoreAuthorize = async (action: AuthorizeAction, context?: AuthorizeContext) => {
    if (action === 'printer.reprint') {
      await session.requireActive();
      return;
    }
    const permission: Permission = action === 'drawer.open' ? 'drawer.noSale' : action === 'devices.save' ? 'settings' : action;
    const subject: OverrideContext = {};
    for (const key of ['cartId', 'lineId', 'productId', 'amountMinor', 'percentBp', 'fromPriceMinor', 'toPriceMinor'] as const) {
      const value = context?.[key];
      if (value !== undefined) subject[key] = value;
    }
    await authorize(permission, { subject, summary: context?.summary });
  };

  return {
    authorize,
    hook,
    /** Runs a contract call with its override token at hand for `authorize`. */
    runCall: <T>(method: string, overrideToken: string | undefined, fn: () => Promise<T>): Promise<T> => calls.run({ method, overrideToken }, fn),
    /** The actor of a call that needs a session (null: sign-in not required and nobody signed in). */
    requireSession: (): Promise<Actor | null> => session.requireActive(),
  };
}

export type Access = ReturnType<typeof createAccess>;
