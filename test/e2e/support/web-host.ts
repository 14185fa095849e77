// Starts the built web host (`node dist/web-host/main.mjs`) as a child process for end-to-end
// and fault tests, and waits for the line it prints once it accepts connections:
// `ready http://127.0.0.1:<port>/` on stdout (logs go to stderr, see src-main/core/deps.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const WEB_HOST_ENTRY = path.join(REPO_ROOT, 'dist/web-host/main.mjs');

const READY_TIMEOUT_MS = 30_000;
/** How long `kill()` waits after SIGTERM (or SIGINT) before it sends SIGKILL. */
const GRACEFUL_EXIT_MS = 10_000;
/** The last output kept for error messages and test attachments. */
const OUTPUT_LIMIT = 64 * 1024;

export interface WebHostOptions {
  /** The terminal's data directory; a fresh temp directory (which the caller removes) when omitted. */
  dataDir?: string;
  /** Start with the demo store and catalog (`--demo`). */
  demo?: boolean;
  /** A loopback port; a free one when omitted. `restart()` keeps the port, so page URLs stay valid. */
  port?: number;
  /** Extra environment variables (`POS_*`) for the child. */
  env?: Record<string, string>;
  /** The script to run instead of the built web host (harness tests use a stand-in). */
  entry?: string;
}

export interface WebHost {
  /** `http://127.0.0.1:<port>/`, exactly as the host announced it. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly process: ChildProcess;
  /** Everything the host printed so far (stdout and stderr interleaved, the last 64 KiB). */
  output(): string;
  /**
   * Stops the host and resolves once it exited. SIGTERM by default, escalated to SIGKILL after
   * 10 s; pass 'SIGKILL' to simulate a power cut. Does nothing if it already exited.
   */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Stops this host (SIGTERM) and starts a new one on the same data directory and port. */
  restart(): Promise<WebHost>;
}

const live = new Set<ChildProcess>();
// A crashed or interrupted test runner must not leave hosts holding ports and data-dir locks.
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** A port that was free on 127.0.0.1 a moment ago (the OS picks it: listen on port 0). */
export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error(`unexpected server address ${String(address)}`));
      });
    });
  });
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

export async function startWebHost(options: WebHostOptions = {}): Promise<WebHost> {
  const entry = options.entry ?? WEB_HOST_ENTRY;
  if (!existsSync(entry)) {
    throw new Error(`${entry} does not exist: run \`npm run build\` before the end-to-end tests`);
  }
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'tillpoint-e2e-')));
  const port = options.port ?? (await freeLoopbackPort());
  const args = [entry, '--port', String(port), '--data', dataDir, ...(options.demo ? ['--demo'] : [])];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));

  let output = '';
  const record = (chunk: string) => {
    output = (output + chunk).slice(-OUTPUT_LIMIT);
  };
  // Both pipes are drained for the host's whole life: a full pipe would block its writes.
  child.stderr?.setEncoding('utf8').on('data', record);
  if (!child.stdout) throw new Error('web host spawned without a stdout pipe');
  const lines = createInterface({ input: child.stdout });

  const readyLine = `ready http://127.0.0.1:${port}/`;
  const describe = () => `node ${args.join(' ')}\n--- output ---\n${output || '(none)'}`;
  try {
    await new Promise<void>((resolve, reject) => {
      const settle = (error?: Error) => {
        clearTimeout(timer);
        child.off('close', onClose);
        child.off('error', onError);
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(() => settle(new Error(`web host printed no "${readyLine}" within ${READY_TIMEOUT_MS / 1000} s\n${describe()}`)), READY_TIMEOUT_MS);
      // 'close' comes after the pipes were drained, so `output` holds the host's last words.
      const onClose = (code: number | null, signal: NodeJS.Signals | null) =>
        settle(new Error(`web host exited (code ${code}, signal ${signal}) before it was ready\n${describe()}`));
      const onError = (error: Error) => settle(new Error(`web host could not be started: ${error.message}\n${describe()}`));
      child.once('close', onClose);
      child.once('error', onError);
      lines.on('line', (line) => {
        record(`${line}\n`);
        if (line === readyLine) settle();
      });
    });
  } catch (error) {
    child.kill('SIGKILL');
    await waitForExit(child, GRACEFUL_EXIT_MS);
    if (options.dataDir === undefined) await rm(dataDir, { recursive: true, force: true });
    throw error;
  }

  const host: WebHost = {
    url: `http://127.0.0.1:${port}/`,
    port,
    dataDir,
    process: child,
    output: () => output,
    async kill(signal: NodeJS.Signals = 'SIGTERM') {
      if (hasExited(child)) return;
      child.kill(signal);
      if (await waitForExit(child, GRACEFUL_EXIT_MS)) return;
      child.kill('SIGKILL');
      await waitForExit(child, GRACEFUL_EXIT_MS);
    },
    async restart() {
      await host.kill();
      return startWebHost({ ...options, dataDir, port });
    },
  };
  return host;
}
