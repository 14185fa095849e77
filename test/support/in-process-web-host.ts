import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../src-main/core/deps';
import { createWebHostServer } from '../../src-main/web-host/http-server';
import { demoCore, type CoreFixture } from './core-fixture';

export interface InProcessWebHost {
  fx: CoreFixture;
  server: Server;
  port: number;
  /** Stops the server (after `beforeClose`, e.g. terminating client sockets), the core, and removes the files. */
  close(beforeClose?: () => void): Promise<void>;
}

/** The web host's server in this process on a demo core and a one-page renderer, on a free loopback port. */
export async function inProcessWebHost(): Promise<InProcessWebHost> {
  const rendererDir = mkdtempSync(join(tmpdir(), 'tillpoint-renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>till</title>');
  const fx = await demoCore();
  const server = createWebHostServer({ core: fx.core, rendererDir, logger: silentLogger, validateOutput: true });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    fx, server, port: (server.address() as AddressInfo).port,
    close: async (beforeClose) => {
      beforeClose?.();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await fx.dispose();
      rmSync(rendererDir, { recursive: true, force: true });
    },
  };
}
