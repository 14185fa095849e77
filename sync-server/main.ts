import { readConfig } from './config';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-pg/cluster';
import { startServer, type RunningSyncServer } from './server';

/**
 * `npm run sync-server -- --port <port> --data <dir>`: embedded PostgreSQL in `<dir>/pg` unless
 * DATABASE_URL is set; prints exactly `ready http://127.0.0.1:<port>/` on stdout once requests are
 * accepted (everything else goes to stderr). SIGTERM/SIGINT: stop taking requests, finish the
 * ones in flight, close the pool, shut PostgreSQL down cleanly.
 */
async function main(): Promise<void> {
  const config = readConfig(process.argv.slice(2), process.env);
  let pg: EmbeddedPostgres | undefined;
  let server: RunningSyncServer | undefined;
  const starting = (async () => {
    const databaseUrl = config.databaseUrl ?? (pg = await startEmbeddedPostgres({ dataDir: config.dataDir ?? '' })).url;
    server = await startServer({
      databaseUrl, port: config.port, host: config.host, logLevel: config.logLevel, adminPassword: config.adminPassword,
      authRateLimit: config.authRateLimit, waitCheckMs: config.waitCheckMs, pgPoolSize: config.pgPoolSize,
    });
  })();
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // A signal during start-up waits for it, so PostgreSQL is never left running behind us.
    await starting.catch(() => undefined);
    await server?.close().catch((error: unknown) => process.stderr.write(`sync-server: close failed: ${String(error)}\n`));
    await pg?.stop().catch((error: unknown) => process.stderr.write(`sync-server: PostgreSQL stop failed: ${String(error)}\n`));
    process.exit(code);
  };
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGINT', () => void stop(0));
  try {
    await starting;
    if (!stopping) process.stdout.write(`ready http://127.0.0.1:${server?.port ?? config.port}/\n`);
  } catch (error) {
    process.stderr.write(`sync-server: failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    await stop(1);
  }
}

void main();
