import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { binariesUsableBy, loadBinaries } from './binaries';
import { stopOrphanPostmaster } from './orphan';
import { handOver, resolveOsUser, type OsUser } from './os-user';

export interface EmbeddedPostgres {
  /** `postgres://…@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  /** Fast shutdown (SIGINT): open transactions roll back, a checkpoint is written. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** The server's data directory; the cluster lives in `<dataDir>/pg`. */
  dataDir: string;
  log?: (line: string) => void;
}

const PASSWORD_FILE = 'pg-password';

/**
 * Starts (initialising on first use) a durable PostgreSQL cluster in `<dataDir>/pg`, listening on
 * a free loopback port only, with fsync on. Survives restarts; after a SIGKILL of the previous
 * server process, the orphan postmaster of this directory is stopped first (see ./orphan.ts).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const dataDir = resolve(options.dataDir);
  const pgDir = join(dataDir, 'pg');
  const user = await resolveOsUser();
  const bins = await binariesUsableBy(await loadBinaries(), user);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const password = await ensureCluster(bins.initdb, dataDir, pgDir, user, log);
  await stopOrphanPostmaster(pgDir, log);
  const port = await freePort();
  const child = spawn(bins.postgres, [
    '-D', pgDir, '-p', String(port),
    // Loopback TCP only, no Unix socket in a shared /tmp; durability settings stated explicitly
    // (https://www.postgresql.org/docs/current/runtime-config-wal.html).
    '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=',
    '-c', 'fsync=on', '-c', 'synchronous_commit=on', '-c', 'full_page_writes=on',
    '-c', 'max_connections=200',
  ], { ...ids(user), stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, LC_MESSAGES: 'C' } });
  const output = collect(child, log);
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  await waitUntilAccepting(url, child, output);
  return { url, port, stop: () => stopChild(child) };
}

async function ensureCluster(initdb: string, dataDir: string, pgDir: string, user: OsUser | undefined, log: (l: string) => void): Promise<string> {
  const passwordPath = join(dataDir, PASSWORD_FILE);
  if (existsSync(join(pgDir, 'PG_VERSION'))) {
    if (!existsSync(passwordPath)) throw new Error(`${passwordPath} is missing: cannot connect to the existing cluster in ${pgDir}`);
    return (await readFile(passwordPath, 'utf8')).trim();
  }
  // initdb into a scratch directory and rename on success, so a crash half-way never leaves a
  // directory that looks like a cluster.
  const scratch = join(dataDir, 'pg.init');
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { mode: 0o700 });
  const password = randomBytes(24).toString('base64url');
  await writeFile(passwordPath, `${password}\n`, { mode: 0o600 });
  const pwfile = join(dataDir, 'pg.pwfile');
  await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  if (user) {
    await handOver(scratch, user, dataDir);
    await chown(pwfile, user.uid, user.gid);
  }
  try {
    const child = spawn(initdb, [
      `--pgdata=${scratch}`, '--username=postgres', `--pwfile=${pwfile}`, '--auth=scram-sha-256',
      '--encoding=UTF8', '--locale=C', '--no-instructions',
    ], { ...ids(user), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } });
    const output = collect(child, log);
    const code = await new Promise<number | null>((done) => child.on('close', done));
    if (code !== 0) throw new Error(`initdb failed (exit ${String(code)}): ${output.join('').slice(-2000)}`);
  } finally {
    await rm(pwfile, { force: true });
  }
  await rename(scratch, pgDir);
  await chmod(pgDir, 0o700);
  log(`initialised PostgreSQL cluster in ${pgDir}`);
  return password;
}

const ids = (user: OsUser | undefined) => (user ? { uid: user.uid, gid: user.gid } : {});

function collect(child: ChildProcess, log: (l: string) => void): string[] {
  const output: string[] = [];
  const take = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output.push(text);
    if (output.length > 200) output.shift();
    for (const line of text.split('\n')) if (line.trim()) log(`postgres: ${line}`);
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  return output;
}

async function waitUntilAccepting(url: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`PostgreSQL exited during start-up: ${output.join('').slice(-2000)}`);
    }
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections within 60 s: ${String(error)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGQUIT'), 30_000);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}
