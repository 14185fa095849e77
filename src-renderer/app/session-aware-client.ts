import type { Client } from '../transport/client';
import { CallError } from '../transport/client';

/** Codes that mean the session on screen is stale: the core locked the till (idle) or nobody is signed in. */
const SESSION_LOST = new Set(['SESSION_LOCKED', 'SESSION_REQUIRED']);

/**
 * The client every screen uses: the same calls, but a refusal because the session ended (the
 * core's own idle lock, a restart of the host) also tells the shell, which then shows the lock or
 * sign-in screen instead of leaving the cashier in front of an error.
 */
export function sessionAwareClient(client: Client, onSessionLost: () => void): Client {
  return {
    async call(method, input) {
      try {
        return await client.call(method, input);
      } catch (error) {
        if (error instanceof CallError && SESSION_LOST.has(error.code)) onSessionLost();
        throw error;
      }
    },
    on: (event, listener) => client.on(event, listener),
  };
}
