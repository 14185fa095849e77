import { DomainError } from '../../src-shared/contract';
import type { Permission } from '../../src-shared/domain/people';
import type { PrintingAction } from './printing/printing-service';

/**
 * THE permission hook of the core: one function that every guarded action calls before it
 * changes anything. The "People, cash and control" work supplies the real policy (who is signed
 * in, their role, a manager override); until then `allowAll` is the default. Checkout actions are
 * values of that work's `Permission` enum, so the two cannot drift apart.
 */
export type CheckoutAction = Extract<Permission, 'discount.aboveThreshold' | 'price.override' | 'line.void'>;
export type AuthorizeAction = CheckoutAction | PrintingAction;

/** What is being approved, for the policy and for the message people read. */
export interface AuthorizeContext {
  /** e.g. "A 15 % discount on Semi-Skimmed Milk 2 Pints (more than the 10 % limit)". */
  summary: string;
  cartId?: string;
  lineId?: string;
  productId?: string;
  /** The discount or price involved, in minor units, and its share of the amount (basis points). */
  amountMinor?: number;
  percentBp?: number;
  thresholdBp?: number;
  fromPriceMinor?: number;
  toPriceMinor?: number;
}

/**
 * Resolves when the action may go ahead; otherwise throws `permissionRequired(action, context)`
 * (code `PERMISSION_REQUIRED`), and the caller changes nothing. Called outside any database
 * transaction, so a policy may read the store (people, roles) without waiting for itself.
 */
export type Authorize = (action: AuthorizeAction, context?: AuthorizeContext) => Promise<void>;

export const allowAll: Authorize = async () => {};

/** The refusal every policy throws: says what needs approval, in words. */
export function permissionRequired(action: AuthorizeAction, context?: AuthorizeContext): DomainError {
  const what = context?.summary ?? `The action ${action}`;
  return new DomainError('PERMISSION_REQUIRED', `${what} needs a manager's approval (${action}).`);
}
