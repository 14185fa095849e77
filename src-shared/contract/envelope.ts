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
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorInfo = z.object({ code: ErrorCode, message: z.string() });
export type ErrorInfo = z.infer<typeof ErrorInfo>;

/** What every call returns across a process boundary: it never throws there. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };
