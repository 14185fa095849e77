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
  /** For the page's id (`crypto.randomUUID`, available on a loopback origin). */
  readonly crypto?: { randomUUID(): string };
}

/**
 * At boot: the Electron preload bridge when present; otherwise the loopback web host, with calls
 * over its WebSocket when the browser has one (socket-transport.ts) and HTTP + SSE for the rest.
 */
export function pickTransport(host: TransportHost): { kind: 'bridge' | 'http' | 'socket'; transport: Transport } {
  if (isPosBridge(host.pos)) return { kind: 'bridge', transport: host.pos };
  const EventSourceImpl = host.EventSource;
  const WebSocketImpl = host.WebSocket;
  const location = host.location;
  const socketUsable = !!WebSocketImpl && !!location && location.protocol === 'http:';
  // One id for this page's event stream and its socket: the host then knows that an event repeats
  // what this page's own call just answered, and leaves it out (src-main/web-host/cart-echo.ts).
  const pageId = socketUsable ? host.crypto?.randomUUID() : undefined;
  const http = createHttpTransport({
    pageId,
    fetch: (url, init) => host.fetch(url, init),
    openEvents: (url) => {
      if (!EventSourceImpl) throw new Error('This browser has no EventSource: live updates are unavailable');
      return new EventSourceImpl(url);
    },
  });
  if (!socketUsable) return { kind: 'http', transport: http };
  const socketUrl = `ws://${location.host}/rpc-socket${pageId ? `?page=${encodeURIComponent(pageId)}` : ''}`;
  return {
    kind: 'socket',
    transport: createSocketTransport({ fallback: http, openSocket: () => new WebSocketImpl(socketUrl) }),
  };
}
