import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { print, summarize } from './stats';

const ENTRY = join(import.meta.dirname, '../../dist/web-host/main.mjs');
const READY_TIMEOUT_MS = 60_000;

/** Resident memory of a process in MB (Linux: VmRSS in /proc/<pid>/status). */
function rssMb(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Math.round((Number(match[1]) / 1024) * 10) / 10;
}

/** Starts the built web host on `dataDir`; resolves with the time to its ready line and its RSS then. */
function startOnce(dataDir: string): Promise<{ ms: number; rss: number }> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [ENTRY, '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr = (stderr + chunk).slice(-4000); });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`web host not ready in ${READY_TIMEOUT_MS} ms\n${stderr}`)); }, READY_TIMEOUT_MS);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`web host exited with ${code} before ready\n${stderr}`)); });
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('ready ')) return;
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const rss = rssMb(child.pid!);
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.once('exit', () => resolve({ ms, rss }));
      child.kill('SIGTERM');
    });
  });
}

/**
 * `host.start`: process start → `ready` line of `node dist/web-host/main.mjs` on the data
 * directory (already migrated by the core bench); `host.rss`: its resident memory at that moment.
 */
export async function benchHost(dataDir: string, runs = 7): Promise<void> {
  const starts: number[] = [];
  const rss: number[] = [];
  await startOnce(dataDir); // warm the OS file cache once, as a till that was started before
  for (let i = 0; i < runs; i++) {
    const run = await startOnce(dataDir);
    starts.push(run.ms);
    rss.push(run.rss);
  }
  print(summarize('host.start', 'ms', starts));
  print(summarize('host.rss', 'MB', rss));
}
