import { createHttpTransport } from './http-transport';
import { createSocketTransport } from './socket-transport';
import { isPosBridge, type Transport } from './transport';

/** What boot needs from `window` (a structural type, so it is testable without a DOM). */
export interface TransportHost {
  readonly pos?: unknown;
  fetch(url: string, init: RequestInit): Promise<Response>;
  readonly EventSource?: new (url: string) => EventSource;
  readonly WebSocket?: new (url: string) => WebSocket;
  /** The page's address: the socket goes to the same host. */
  readonly location?: { readonly host: string; readonly protocol: string };
}

/**
 * At boot: the Electron preload bridge when present; otherwise the loopback web host, with calls
 * over its WebSocket when the browser has one (socket-transport.ts) and HTTP + SSE for the rest.
 */
export function pickTransport(host: TransportHost): { kind: 'bridge' | 'http' | 'socket'; transport: Transport } {
  if (isPosBridge(host.pos)) return { kind: 'bridge', transport: host.pos };
  const EventSourceImpl = host.EventSource;
  const http = createHttpTransport({
    fetch: (url, init) => host.fetch(url, init),
    openEvents: (url) => {
      if (!EventSourceImpl) throw new Error('This browser has no EventSource: live updates are unavailable');
      return new EventSourceImpl(url);
    },
  });
  const WebSocketImpl = host.WebSocket;
  const location = host.location;
  if (!WebSocketImpl || !location || location.protocol !== 'http:') return { kind: 'http', transport: http };
  return {
    kind: 'socket',
    transport: createSocketTransport({ fallback: http, openSocket: () => new WebSocketImpl(`ws://${location.host}/rpc-socket`) }),
  };
}
