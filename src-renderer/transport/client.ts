import type { ErrorCode, EventName, EventPayload, InputOf, Method, OutputOf } from '../../src-shared/contract/index';
import type { Transport } from './transport';

/** A call the core answered with `ok: false`: a business rule (`code`) said no, or the transport failed (`INTERNAL`). */
export class CallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly method: Method,
    /** The refusal's machine-readable facts (`PERMISSION_REQUIRED`: `{ permission, context }`; `PERSON_LOCKED`: `{ lockedUntil }` …). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'CallError';
  }
}

/** The typed client the UI uses: one method per contract call, typed from the contract. */
export interface Client {
  call<M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Wraps a transport: unwraps `ok: true`, throws `CallError` on `ok: false` and on a rejected invoke. */
export function createClient(transport: Transport): Client {
  return {
    async call(method, input) {
      let envelope;
      try {
        envelope = await transport.invoke(method, input);
      } catch (error) {
        throw new CallError('INTERNAL', `The call ${method} failed: ${error instanceof Error ? error.message : String(error)}`, method);
      }
      if (envelope.ok) return envelope.value;
      throw new CallError(envelope.error.code, envelope.error.message, method, envelope.error.details);
    },
    on: (event, listener) => transport.on(event, listener),
  };
}
