import { z } from 'zod';

/**
 * Error codes that cross the boundary. The transport codes come from `dispatch`; the domain
 * codes from a `DomainError` thrown by a handler. The renderer shows a translated message per
 * code (`src-shared/i18n`), with the server's English message as detail.
 */
export const ErrorCode = z.enum([
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'INTERNAL',
  'NOT_FOUND',
  'BARCODE_NOT_FOUND',
  'PRODUCT_INACTIVE',
  'CART_EMPTY',
  'CART_CHANGED',
  'TENDER_SHORT',
  'QUANTITY_OUT_OF_RANGE',
  'NOT_ENROLLED',
  'UNSYNCED_SALES',
  'ENROLL_REFUSED',
  'SERVER_UNREACHABLE',
  // Checkout in depth (issue 3)
  'BARCODE_INVALID',
  'DISCOUNT_TOO_LARGE',
  'TENDER_OVER',
  'TENDER_REFUSED',
  // People, cash and control (issue 4)
  'SESSION_REQUIRED',
  'SESSION_LOCKED',
  'PIN_INCORRECT',
  'PERSON_LOCKED',
  'PERMISSION_REQUIRED',
  'OVERRIDE_INVALID',
  'SHIFT_CLOSED',
  'SHIFT_ALREADY_OPEN',
  'CART_NOT_EMPTY',
  'PAYOUT_EXCEEDS_DRAWER',
  'COUNT_INVALID',
  'RETURN_EXCEEDS_SOLD',
  'SALE_NOT_VOIDABLE',
  /** A role or person edit touches a permission the editor does not hold (core/people/grant-rules.ts). */
  'GRANT_REFUSED',
  /** A role or person edit would leave no active person holding `people`. */
  'LAST_PEOPLE_MANAGER',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * `details`: machine-readable facts about the refusal, e.g. `PERMISSION_REQUIRED` gives
 * `{ permission, context }` for `override.approve`; `PIN_INCORRECT` gives `{ attemptsLeft }`.
 */
export const ErrorInfo = z.object({ code: ErrorCode, message: z.string(), details: z.record(z.string(), z.unknown()).optional() });
export type ErrorInfo = z.infer<typeof ErrorInfo>;

/** What every call returns across a process boundary: it never throws there. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };
