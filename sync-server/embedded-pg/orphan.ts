import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * When the sync server is killed with SIGKILL, its PostgreSQL keeps running (it was spawned
 * detached, and nothing can make a child die with its parent portably), holding
 * `postmaster.pid` (https://www.postgresql.org/docs/current/storage-file-layout.html, first line
 * = PID). Before starting, we therefore:
 * - stop a live postmaster of this data directory with SIGINT ("fast shutdown": rolls back open
 *   transactions, checkpoints, exits cleanly; https://www.postgresql.org/docs/current/server-shutdown.html),
 *   escalating to SIGQUIT after 30 s, and wait until it is gone;
 * - remove a stale lock file whose PID is dead or belongs to another program (PID reuse after a
 *   reboot would otherwise make PostgreSQL refuse to start).
 * Reusing the orphan instead would leave a process nobody owns; stopping it keeps one owner.
 */
export async function stopOrphanPostmaster(pgDir: string, log: (line: string) => void): Promise<void> {
  const lockFile = join(pgDir, 'postmaster.pid');
  let pid: number;
  try {
    pid = Number.parseInt((await readFile(lockFile, 'utf8')).split('\n')[0] ?? '', 10);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !(await isPostmasterOf(pid, pgDir))) {
    log(`removing stale ${lockFile} (pid ${String(pid)} is not a running postmaster of this directory)`);
    await rm(lockFile, { force: true });
    return;
  }
  log(`stopping orphan PostgreSQL (pid ${pid}) left by a previous server process`);
  signal(pid, 'SIGINT');
  const escalateAt = Date.now() + 30_000;
  let escalated = false;
  while (alive(pid)) {
    if (!escalated && Date.now() > escalateAt) {
      signal(pid, 'SIGQUIT');
      escalated = true;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

async function isPostmasterOf(pid: number, pgDir: string): Promise<boolean> {
  if (!alive(pid)) return false;
  try {
    // Linux: the command line names the binary and our -D directory.
    const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
    return cmdline.some((arg) => arg.endsWith('postgres')) && cmdline.includes(pgDir);
  } catch {
    // No /proc (macOS): trust the lock file's PID since it is alive.
    return true;
  }
}
