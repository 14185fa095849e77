import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import type { SyncError, SyncErrorCode } from '../../src-shared/sync/protocol';

const STATUS: Record<SyncErrorCode, number> = {
  UNAUTHENTICATED: 401,
  REVOKED: 401,
  FORBIDDEN: 403,
  UNSUPPORTED_PROTOCOL: 400,
  INVALID_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL: 500,
};

/** A refusal with a stable code and a message a person can act on; nothing was changed. */
export class ApiError extends Error {
  /** `extra` is merged into the answer beside `error` (e.g. `rowErrors` of a CSV import). */
  constructor(readonly code: SyncErrorCode, message: string, readonly extra?: Record<string, unknown>) {
    super(message);
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const body = (code: SyncErrorCode, message: string): SyncError => ({ error: { code, message } });

/** Describes the first few zod issues with their paths: `events.3.seq: Too small …`. */
export function describeZod(error: ZodError): string {
  return error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
}

/**
 * Every non-2xx answer becomes a `SyncError` body (src-shared/sync/protocol.ts).
 *
 * `stopping()` says the server is closing. A request whose handler was still running then fails
 * on a database pool that is already gone ("driver has already been destroyed"); its connection
 * was closed first (`forceCloseConnections`) and every sync call is retried, so that is logged as
 * what it is, at info level, not as a fault.
 */
export function installErrorHandling(app: FastifyInstance, stopping: () => boolean = () => false): void {
  app.setErrorHandler((error: FastifyError | ApiError | ZodError, request, reply) => {
    if (error instanceof ApiError) return reply.status(error.status).send({ ...error.extra, ...body(error.code, error.message) });
    if (error instanceof ZodError) return reply.status(400).send(body('INVALID_REQUEST', describeZod(error)));
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status === 413) return reply.status(413).send(body('PAYLOAD_TOO_LARGE', `request body too large: ${error.message}`));
    if (status === 429) return reply.status(429).send(body('RATE_LIMITED', error.message));
    if (status === 415) return reply.status(415).send(body('INVALID_REQUEST', error.message));
    if (status >= 400 && status < 500) return reply.status(status).send(body('INVALID_REQUEST', error.message));
    if (stopping()) request.log.info({ reason: error.message }, 'request cut short by the server stopping');
    else request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(body('INTERNAL', 'internal error; see the server log'));
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send(body('NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0] ?? ''}`)));
}
