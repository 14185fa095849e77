import type { Core } from '../../src-main/core/create-core';
import type { LocalStore } from '../../src-main/core/db/local-store';

/**
 * The core with every handler answering only after the local store is idle. A sale answers once
 * its journal fact is on disk and writes its rows and events on the next turn of the event loop
 * (core/sale/sale-service.ts); the next call through the store always sees them, but a test that
 * reads `local.sqlite` directly or looks at events right after a call needs them settled first.
 */
export function settledCore(core: Core, local: LocalStore): Core {
  const handlers = Object.fromEntries(
    Object.entries(core.handlers).map(([method, handler]) => [
      method,
      async (input: never) => {
        try {
          return await (handler as (input: never) => Promise<unknown>)(input);
        } finally {
          await local.idle();
        }
      },
    ]),
  ) as unknown as Core['handlers'];
  return { ...core, handlers };
}
