import { createHttpTransport } from './http-transport';
import { isPosBridge, type Transport } from './transport';

/** What boot needs from `window` (a structural type, so it is testable without a DOM). */
export interface TransportHost {
  readonly pos?: unknown;
  fetch(url: string, init: RequestInit): Promise<Response>;
  readonly EventSource?: new (url: string) => EventSource;
}

/** At boot: the Electron preload bridge when present, the loopback web host over HTTP + SSE otherwise. */
export function pickTransport(host: TransportHost): { kind: 'bridge' | 'http'; transport: Transport } {
  if (isPosBridge(host.pos)) return { kind: 'bridge', transport: host.pos };
  const EventSourceImpl = host.EventSource;
  return {
    kind: 'http',
    transport: createHttpTransport({
      fetch: (url, init) => host.fetch(url, init),
      openEvents: (url) => {
        if (!EventSourceImpl) throw new Error('This browser has no EventSource: live updates are unavailable');
        return new EventSourceImpl(url);
      },
    }),
  };
}
