import { parseArgs } from 'node:util';
import { z } from 'zod';

/** Command line (`--port`, `--data`) and SYNC_* environment, validated once at start. */
const Env = z.object({
  DATABASE_URL: z.string().url().optional(),
  SYNC_ADMIN_PASSWORD: z.string().min(12, 'SYNC_ADMIN_PASSWORD must have at least 12 characters').optional(),
  SYNC_HOST: z.string().default('127.0.0.1'),
  SYNC_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SYNC_AUTH_RATE_LIMIT: z.coerce.number().int().positive().default(20),
  SYNC_WAIT_CHECK_MS: z.coerce.number().int().min(100).max(10_000).default(2_000),
  SYNC_PG_POOL_SIZE: z.coerce.number().int().min(2).max(500).default(20),
});

export interface ServerConfig {
  port: number;
  dataDir: string | undefined;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  host: string;
  logLevel: string;
  authRateLimit: number;
  waitCheckMs: number;
  pgPoolSize: number;
}

export function readConfig(argv: string[], env: NodeJS.ProcessEnv): ServerConfig {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, data: { type: 'string' } }, strict: true });
  const port = Number(values.port ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be 0–65535, got ${values.port}`);
  const parsed = Env.safeParse(Object.fromEntries(Object.entries(env).filter(([k]) => k === 'DATABASE_URL' || k.startsWith('SYNC_'))));
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const e = parsed.data;
  if (!e.DATABASE_URL && !values.data) throw new Error('give --data <dir> (embedded PostgreSQL lives there) or set DATABASE_URL');
  return {
    port, dataDir: values.data, databaseUrl: e.DATABASE_URL, adminPassword: e.SYNC_ADMIN_PASSWORD, host: e.SYNC_HOST,
    logLevel: e.SYNC_LOG_LEVEL, authRateLimit: e.SYNC_AUTH_RATE_LIMIT, waitCheckMs: e.SYNC_WAIT_CHECK_MS, pgPoolSize: e.SYNC_PG_POOL_SIZE,
  };
}
