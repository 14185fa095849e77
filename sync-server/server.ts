import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { registerAdminAuth, ensureOwner, requireAdmin } from './admin/admin-auth';
import { MAX_CSV_BYTES, registerCatalogRoutes } from './admin/catalog-routes';
import { registerPeopleRoutes } from './admin/people-routes';
import { registerStoreRoutes } from './admin/stores-routes';
import { deafNotifier, startNotifier } from './changes/notifier';
import type { ServerContext } from './context';
import { connect, type Db } from './db/connect';
import { installErrorHandling } from './http/errors';
import { createMetrics, installRequestMetrics } from './http/metrics';
import { openApiDocument } from './http/openapi';
import { installSecurityHeaders } from './http/security';
import { migrateToLatest } from './migrations';
import { registerSyncRoutes } from './sync/routes';

export interface SyncServerOptions {
  databaseUrl: string;
  /** 0 = any free port. */
  port?: number;
  host?: string;
  logLevel?: string;
  /** The owner's password on first start (SYNC_ADMIN_PASSWORD); otherwise one is printed once. */
  adminPassword?: string;
  /** Attempts per client IP and minute on login and enroll (SYNC_AUTH_RATE_LIMIT). */
  authRateLimit?: number;
  /** Periodic re-check of waiting long polls, ms (default 2000). */
  waitCheckMs?: number;
  /** false = no LISTEN connection (tests of the periodic check). */
  listen?: boolean;
  pgPoolSize?: number;
}

export interface RunningSyncServer {
  url: string;
  port: number;
  app: FastifyInstance;
  db: Db;
  close(): Promise<void>;
}

/** Builds and starts one stateless server process over a PostgreSQL database. */
export async function startServer(options: SyncServerOptions): Promise<RunningSyncServer> {
  const { db } = connect(options.databaseUrl, options.pgPoolSize);
  const app = Fastify({
    // Structured JSON logs to stderr (stdout carries only the `ready` line for supervisors).
    logger: { level: options.logLevel ?? 'info', stream: process.stderr },
    bodyLimit: 64 * 1024,
    // Long polls last up to 25 s; the default five-second keep-alive suits the rest.
    requestTimeout: 60_000,
    // On close, drop every connection, not only idle ones: a client mid-request retries (every
    // sync call is idempotent) and a stop must never wait on a client that keeps its socket open.
    // https://fastify.dev/docs/latest/Reference/Server/#forcecloseconnections
    forceCloseConnections: true,
  });
  try {
    await migrateToLatest(db);
    await ensureOwner(db, options.adminPassword, app.log);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const shutdown = new AbortController();
  const metrics = createMetrics();
  const notifier = options.listen === false ? deafNotifier : startNotifier(options.databaseUrl, app.log);
  const ctx: ServerContext = { db, notifier, metrics, waitCheckMs: options.waitCheckMs ?? 2_000, now: () => new Date(), shutdown: shutdown.signal };
  const authLimit = { max: options.authRateLimit ?? 20, timeWindow: 60_000 };

  // Per-process counters: a limit per instance, which is enough against guessing and needs no
  // shared state (https://github.com/fastify/fastify-rate-limit#options).
  await app.register(rateLimit, { global: false });
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: MAX_CSV_BYTES }, (_request, body, done) => done(null, body));
  installSecurityHeaders(app);
  installErrorHandling(app, () => shutdown.signal.aborted);
  installRequestMetrics(app, metrics);

  app.get('/health', async () => ({ status: 'up' }));
  app.get('/ready', async (_request, reply) => {
    try {
      await sql`SELECT 1`.execute(db);
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ status: 'database unreachable' });
    }
  });
  app.get('/metrics', async (_request, reply) => reply.type('text/plain; version=0.0.4').send(metrics.render()));
  const openapi = openApiDocument();
  app.get('/openapi.json', async () => openapi);

  registerSyncRoutes(app, ctx, authLimit);
  registerAdminAuth(app, db, authLimit);
  await app.register(async (scope) => {
    scope.addHook('preHandler', async (request) => {
      await requireAdmin(db, request);
    });
    registerStoreRoutes(scope, db);
    registerCatalogRoutes(scope, db);
    registerPeopleRoutes(scope, db);
  });

  await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    app,
    db,
    close: () => (closing ??= (async () => {
      shutdown.abort();
      await app.close();
      await notifier.close();
      await db.destroy();
    })()),
  };
}
