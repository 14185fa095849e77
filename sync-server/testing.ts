import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-pg/cluster';
import { startServer, type RunningSyncServer, type SyncServerOptions } from './server';

/**
 * Helpers for tests, the fault suite and benchmarks. Not used by the server itself.
 *
 * - `startTestPostgres(dir)`: one embedded cluster (≈ 4 s to initialise, ≈ 0.2 s to restart),
 *   with `createDatabase()` giving a fresh empty database per test in a few ms.
 * - `startSyncServer({ dataDir | databaseUrl })`: an in-process server (and its own embedded
 *   PostgreSQL when no databaseUrl), with an admin client logged in.
 * - `spawnSyncServer({ dataDir })`: the real `sync-server/main.ts` as a child process, for kill -9.
 */
export const TEST_ADMIN_PASSWORD = 'test-owner-password';

/**
 * Tests put data directories under `mkdtemp` (mode 0700). As root, PostgreSQL runs as an
 * unprivileged user that must be able to traverse them, so the directory and its parent get
 * o+x (search only). Never needed, and not done, for a normal user.
 */
async function makeSearchable(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  if (process.getuid?.() !== 0) return;
  await chmod(dirname(dataDir), 0o711);
  await chmod(dataDir, 0o711);
}

export interface TestPostgres {
  url: string;
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/** `dir` may be a fresh `mkdtemp` directory: made searchable for the unprivileged PostgreSQL user. */
export async function startTestPostgres(dir: string): Promise<TestPostgres> {
  await makeSearchable(dir);
  const cluster = await startEmbeddedPostgres({ dataDir: join(dir, 'cluster'), log: () => undefined });
  return {
    url: cluster.url,
    async createDatabase() {
      const name = `t_${randomBytes(6).toString('hex')}`;
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      const url = new URL(cluster.url);
      url.pathname = `/${name}`;
      return url.toString();
    },
    stop: () => cluster.stop(),
  };
}

export interface TestSyncServer {
  url: string;
  databaseUrl: string;
  server: RunningSyncServer;
  admin: AdminClient;
  stop(): Promise<void>;
}

export async function startSyncServer(options: { dataDir?: string; databaseUrl?: string; port?: number } & Partial<Omit<SyncServerOptions, 'databaseUrl' | 'port'>>): Promise<TestSyncServer> {
  let cluster: EmbeddedPostgres | undefined;
  if (!options.databaseUrl) {
    if (!options.dataDir) throw new Error('startSyncServer needs dataDir or databaseUrl');
    await makeSearchable(options.dataDir);
    cluster = await startEmbeddedPostgres({ dataDir: options.dataDir, log: () => undefined });
  }
  const databaseUrl = options.databaseUrl ?? cluster?.url ?? '';
  const server = await startServer({ logLevel: 'warn', adminPassword: TEST_ADMIN_PASSWORD, authRateLimit: 10_000, ...options, databaseUrl, port: options.port ?? 0 });
  const admin = await adminClient(server.url, TEST_ADMIN_PASSWORD);
  return {
    url: server.url,
    databaseUrl,
    server,
    admin,
    async stop() {
      await server.close();
      await cluster?.stop();
    },
  };
}

export interface AdminClient {
  token: string;
  call<T = unknown>(method: string, path: string, body?: unknown, contentType?: string): Promise<{ status: number; body: T }>;
  /** Store + tax class `STD` (20 %) + a one-time enrollment code. */
  createStore(name?: string): Promise<{ storeId: string; code: string }>;
  enrollmentCode(storeId: string): Promise<string>;
}

export async function adminClient(baseUrl: string, password: string): Promise<AdminClient> {
  const raw = async <T>(method: string, path: string, token: string | undefined, body?: unknown, contentType = 'application/json') => {
    const response = await fetch(new URL(path.replace(/^\//, ''), baseUrl), {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': contentType }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  const login = await raw<{ token: string }>('POST', '/api/v1/login', undefined, { username: 'owner', password });
  if (login.status !== 200) throw new Error(`admin login failed: ${JSON.stringify(login.body)}`);
  const token = login.body.token;
  const call = <T>(method: string, path: string, body?: unknown, contentType?: string) => raw<T>(method, path, token, body, contentType);
  const enrollmentCode = async (storeId: string) => (await call<{ code: string }>('POST', `/api/v1/stores/${storeId}/enrollment-codes`, {})).body.code;
  return {
    token,
    call,
    enrollmentCode,
    async createStore(name = 'Test store') {
      const store = await call<{ id: string }>('POST', '/api/v1/stores', { name });
      if (store.status !== 201) throw new Error(`create store failed: ${JSON.stringify(store.body)}`);
      await call('PUT', '/api/v1/tax-rates/STD', { name: 'Standard', rateBp: 2000 });
      return { storeId: store.body.id, code: await enrollmentCode(store.body.id) };
    },
  };
}

export interface SpawnedSyncServer {
  url: string;
  process: ChildProcess;
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<number | string | null>;
}

/** Runs `sync-server/main.ts` in its own process (SIGKILL it to test crash recovery). */
export async function spawnSyncServer(options: { dataDir: string; port?: number; env?: Record<string, string> }): Promise<SpawnedSyncServer> {
  await makeSearchable(options.dataDir);
  const root = fileURLToPath(new URL('..', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'sync-server/main.ts'), '--port', String(options.port ?? 0), '--data', options.dataDir], {
    cwd: root,
    env: { ...process.env, SYNC_LOG_LEVEL: 'warn', SYNC_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, SYNC_AUTH_RATE_LIMIT: '10000', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | string | null>((done) => child.on('exit', (code, signal) => done(code ?? signal)));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((done, fail) => {
    lines.on('line', (line) => {
      const match = /^ready (http:\/\/127\.0\.0\.1:\d+\/)$/.exec(line);
      if (match?.[1]) done(match[1]);
    });
    void exited.then((code) => fail(new Error(`sync server exited (${String(code)}) before ready: ${stderr}`)));
  });
  return { url, process: child, exited };
}
