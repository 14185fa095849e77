import type { Envelope, InputOf, Method, OutputOf } from '../../src-shared/contract/index';
import { failure, isEnvelope } from './http-transport';
import type { Transport } from './transport';

/** The part of `WebSocket` the transport uses (a structural type so tests can pass a fake). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (message: { data: unknown }) => void): void;
}

export interface SocketTransportOptions {
  /** Opens the socket (`new WebSocket('ws://<host>/rpc-socket')`); called again after it closes. */
  readonly openSocket: () => SocketLike;
  /** The HTTP transport: calls while the socket is not open, and every event (server-sent events). */
  readonly fallback: Transport;
  /** Timers, for tests. */
  readonly setTimeout?: (run: () => void, ms: number) => unknown;
}

/** WebSocket.OPEN */
const OPEN = 1;
/** Reopening a closed socket waits this long, doubling up to the cap. */
const RECONNECT_MS = 500;
const RECONNECT_CAP_MS = 15_000;

/**
 * Contract calls over the web host's WebSocket (src-main/web-host/rpc-socket.ts): `{ id, method,
 * input }` out, `{ id, envelope }` back. A loopback fetch costs Chromium ~6 ms, a socket message
 * ~1.5 ms, and a scan waits for one call. While the socket is not open (starting, reconnecting,
 * an older host) calls go over `POST /rpc` instead; events always come from the fallback.
 *
 * A call in flight when the socket closes is answered with an `INTERNAL` envelope, never sent
 * again: the core may already have done it (a scan added a line), and only the caller can check.
 */
export function createSocketTransport(options: SocketTransportOptions): Transport {
  const later = options.setTimeout ?? ((run, ms) => setTimeout(run, ms));
  const pending = new Map<number, { method: string; resolve: (envelope: Envelope<unknown>) => void }>();
  let socket: SocketLike | null = null;
  let nextId = 1;
  let retryMs = RECONNECT_MS;

  function connect(): void {
    let current: SocketLike;
    try {
      current = options.openSocket();
    } catch {
      return; // No WebSocket here (or refused at once): HTTP only.
    }
    socket = current;
    current.addEventListener('open', () => {
      retryMs = RECONNECT_MS;
    });
    current.addEventListener('message', (message) => {
      let body: { id?: unknown; envelope?: unknown };
      try {
        body = JSON.parse(String(message.data)) as typeof body;
      } catch {
        return;
      }
      const call = typeof body.id === 'number' ? pending.get(body.id) : undefined;
      if (!call) return;
      pending.delete(body.id as number);
      call.resolve(isEnvelope(body.envelope) ? body.envelope : failure(`The till core sent an unexpected answer to ${call.method}`));
    });
    current.addEventListener('close', () => {
      if (socket === current) socket = null;
      for (const [id, call] of pending) {
        pending.delete(id);
        call.resolve(failure(`The connection to the till core closed during ${call.method}; check whether it happened before trying again`));
      }
      later(connect, retryMs);
      retryMs = Math.min(retryMs * 2, RECONNECT_CAP_MS);
    });
  }

  function invoke<M extends Method>(method: M, input: InputOf<M>): Promise<Envelope<OutputOf<M>>> {
    const open = socket;
    if (!open || open.readyState !== OPEN) return options.fallback.invoke(method, input);
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, { method, resolve: resolve as (envelope: Envelope<unknown>) => void });
      try {
        open.send(JSON.stringify({ id, method, input }));
      } catch (error) {
        pending.delete(id);
        resolve(failure(`Cannot reach the till core (${method}): ${error instanceof Error ? error.message : String(error)}`));
      }
    });
  }

  connect();
  return { invoke, on: options.fallback.on };
}
