import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Core } from '../core/create-core';
import type { Logger } from '../core/deps';
import { dispatch } from '../rpc/dispatch';
import { contentSecurityPolicy } from '../security/content-security-policy';
import { isAllowedHost, isAllowedOrigin } from './origin-guard';
import { createCartEcho, pageIdOf } from './cart-echo';
import { attachRpcSocket } from './rpc-socket';
import { readStatic } from './static-files';

/** An RPC body is a small JSON object; anything bigger is refused before parsing. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface WebHostOptions {
  core: Core;
  rendererDir: string;
  logger: Logger;
  validateOutput: boolean;
}

const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, ...securityHeaders, ...extra });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The terminal core over loopback HTTP: `POST /rpc/<method>` answers the same envelope as IPC,
 * `GET /rpc-socket` upgrades to a WebSocket carrying the same calls (rpc-socket.ts), `GET /events`
 * streams core events as server-sent events, everything else is the built renderer with the CSP header. Used by `npm run web` and the browser end-to-end tests.
 */
export function createWebHostServer(options: WebHostOptions): Server {
  const { core, rendererDir, logger, validateOutput } = options;
  const csp = contentSecurityPolicy();
  const echo = createCartEcho();

  async function rpc(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      // A cross-site form can post text/plain without a preflight; JSON cannot.
      return sendJson(res, 415, { ok: false, error: { code: 'INVALID_INPUT', message: 'Content-Type must be application/json' } });
    }
    const body = await readBody(req);
    if (body === null) return sendJson(res, 413, { ok: false, error: { code: 'INVALID_INPUT', message: `Request body over ${MAX_BODY_BYTES} bytes` } });
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body) : {};
    } catch {
      return sendJson(res, 200, { ok: false, error: { code: 'INVALID_INPUT', message: 'Request body is not valid JSON' } });
    }
    sendJson(res, 200, await dispatch(core.handlers, method, input, { logger, validateOutput }));
  }

  function events(req: IncomingMessage, res: ServerResponse, page: string | null): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive', ...securityHeaders });
    res.write(': connected\n\n');
    // Written on the next turn: the core emits inside the call that caused the event, and the
    // caller's own answer (the renderer waits for it) should not wait for this copy of it. By
    // then that answer has gone out, so a cart it already carried to this page is not sent again.
    const unsubscribe = core.onEvent((name, payload) => setImmediate(() => {
      if (res.writableEnded) return;
      const data = JSON.stringify(payload);
      if (page && name === 'cart.changed' && echo.repeats(page, data)) return;
      res.write(`event: ${name}\ndata: ${data}\n\n`);
    }));
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      if (page) echo.forget(page);
    });
  }

  const server = createServer((req, res) => {
    const port = (req.socket.address() as { port: number }).port;
    if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
      logger.warn('refused foreign host or origin', { host: req.headers.host, origin: req.headers.origin });
      return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: this terminal only answers its own loopback origin.');
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const handle = async () => {
      if (url.pathname.startsWith('/rpc/')) {
        if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST', { Allow: 'POST' });
        return rpc(req, res, decodeURIComponent(url.pathname.slice('/rpc/'.length)));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed', { Allow: 'GET' });
      if (url.pathname === '/events') return events(req, res, pageIdOf(url));
      const file = await readStatic(rendererDir, url.pathname);
      if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
      send(res, 200, file.type, file.body, { 'Content-Security-Policy': csp });
    };
    handle().catch((error: unknown) => {
      logger.error('web host request failed', { error: error instanceof Error ? error.stack : String(error) });
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
    });
  });
  // The renderer's calls travel over a WebSocket when it is open (rpc-socket.ts says why).
  attachRpcSocket(server, { core, logger, validateOutput, maxMessageBytes: MAX_BODY_BYTES, echo });
  return server;
}
