import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { z } from 'zod';
import type { Core } from '../core/create-core';
import type { Logger } from '../core/deps';
import { dispatch } from '../rpc/dispatch';
import { answersWithCart, pageIdOf, type CartEcho } from './cart-echo';
import { isAllowedHost, isAllowedOrigin } from './origin-guard';

/** The path of the WebSocket that carries contract calls (the renderer's fast path). */
export const RPC_SOCKET_PATH = '/rpc-socket';

/** One call: `id` is the renderer's, echoed in the answer so calls may overlap. */
const SocketCall = z.object({ id: z.number().int().nonnegative(), method: z.string().min(1).max(100), input: z.unknown().optional() });

export interface RpcSocketOptions {
  core: Core;
  logger: Logger;
  validateOutput: boolean;
  /** The largest message accepted (bytes); a bigger one closes the socket with 1009. */
  maxMessageBytes: number;
  /** Told of the carts this socket's answers carry, so the page's event stream skips their echo (cart-echo.ts). */
  echo: CartEcho;
}

/**
 * Contract calls over one WebSocket per page: a message `{ id, method, input }` is answered by
 * `{ id, envelope }` with the same envelope as `POST /rpc/<method>`, through the same `dispatch`.
 *
 * Why next to `POST /rpc`: in Chromium a loopback `fetch` round trip costs ~6 ms p50 and ~13 ms
 * p95 here (a URL loader per request in the network service), a message on an open WebSocket
 * ~1.5 / 2.2 ms (measured in the same Chromium, same payload). A scan waits for one call, and the
 * checkout must paint the line within a frame. `POST /rpc` stays for tests, tools and as the
 * renderer's fallback while the socket is not open.
 *
 * The upgrade passes the same guard as every request (our loopback Host), and since browsers
 * always send `Origin` with a WebSocket handshake, a handshake without our own Origin is refused:
 * a page on another site cannot open this socket (https://datatracker.ietf.org/doc/html/rfc6455#section-10.2).
 */
export function attachRpcSocket(server: Server, options: RpcSocketOptions): WebSocketServer {
  const { core, logger, validateOutput, echo } = options;
  const sockets = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, perMessageDeflate: false });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const port = (req.socket.address() as { port: number }).port;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const refuse = (status: string, why: string) => {
      logger.warn('refused a WebSocket upgrade', { why, host: req.headers.host, origin: req.headers.origin, path: url.pathname });
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (url.pathname !== RPC_SOCKET_PATH) return refuse('404 Not Found', 'unknown path');
    const origin = req.headers.origin;
    if (!isAllowedHost(req.headers.host, port) || origin === undefined || !isAllowedOrigin(origin, port)) return refuse('403 Forbidden', 'foreign host or origin');
    sockets.handleUpgrade(req, socket, head, (ws) => serve(ws, pageIdOf(url)));
  });

  function serve(ws: WebSocket, page: string | null): void {
    ws.on('message', (data: RawData, isBinary: boolean) => {
      void answer(ws, page, data, isBinary).catch((error: unknown) => {
        logger.error('rpc socket message failed', { error: error instanceof Error ? error.stack : String(error) });
      });
    });
    ws.on('error', (error) => logger.warn('rpc socket error', { error: error.message }));
    if (page) ws.on('close', () => echo.forget(page));
  }

  async function answer(ws: WebSocket, page: string | null, data: RawData, isBinary: boolean): Promise<void> {
    let message: unknown;
    try {
      if (isBinary) throw new Error('binary');
      message = JSON.parse(data.toString());
    } catch {
      return send(ws, { id: null, envelope: { ok: false, error: { code: 'INVALID_INPUT', message: 'A call must be a JSON text message { id, method, input }' } } });
    }
    const call = SocketCall.safeParse(message);
    if (!call.success) {
      const id = typeof (message as { id?: unknown } | null)?.id === 'number' ? (message as { id: number }).id : null;
      return send(ws, { id, envelope: { ok: false, error: { code: 'INVALID_INPUT', message: 'A call must be { id: a whole number, method: a method name, input }' } } });
    }
    const { id, method, input } = call.data;
    const envelope = await dispatch(core.handlers, method, input ?? {}, { logger, validateOutput });
    if (page && envelope.ok && answersWithCart(method) && ws.readyState === ws.OPEN) {
      // The cart serialised once: the same text is the answer and what the echo check compares.
      const cartJson = JSON.stringify(envelope.value);
      echo.answered(page, cartJson);
      return ws.send(`{"id":${id},"envelope":{"ok":true,"value":${cartJson}}}`);
    }
    send(ws, { id, envelope });
  }

  function send(ws: WebSocket, value: unknown): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(value));
  }

  return sockets;
}
