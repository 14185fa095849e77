import type { ErrorCode } from './envelope';

/**
 * A business rule said no (unknown barcode, tender short …). `dispatch` turns it into
 * `{ ok: false, error: { code, message } }`; anything else thrown becomes `INTERNAL`.
 * The message is for people: say what was wrong and what to do.
 */
export class DomainError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'INTERNAL' | 'UNKNOWN_METHOD'>,
    message: string,
    /** Machine-readable facts for the caller (e.g. `{ permission, context }`); crosses the boundary as `error.details`. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
