import { z } from 'zod';
import { contract, DomainError, isMethod, type Envelope, type Handlers } from '../../src-shared/contract';
import type { Logger } from '../core/deps';

export interface DispatchOptions {
  logger: Logger;
  /** Parse outputs too (dev and test): a handler that breaks the contract fails loudly. */
  validateOutput?: boolean;
}

/** Turns zod issues into one readable sentence: `quantity: Too big: expected number to be <=9999`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * The one place where untrusted input becomes a typed call: validate, call, envelope.
 * It never throws; a `DomainError` keeps its code, anything else is `INTERNAL` (logged with
 * its stack, its message not leaked). Model: Signal-Desktop ts/sql/channels.ts.
 */
export async function dispatch(handlers: Handlers, method: string, rawInput: unknown, options: DispatchOptions): Promise<Envelope<unknown>> {
  if (!isMethod(method)) {
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method "${String(method).slice(0, 80)}"` } };
  }
  const parsed = contract[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'INVALID_INPUT', message: `Invalid input for ${method}: ${describeIssues(parsed.error)}` } };
  }
  try {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    if (options.validateOutput) contract[method].output.parse(value);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof DomainError) {
      return { ok: false, error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
    }
    options.logger.error('handler failed', { method, error: error instanceof Error ? error.stack : String(error) });
    return { ok: false, error: { code: 'INTERNAL', message: `Something went wrong in ${method}; it was logged. Nothing was changed.` } };
  }
}
