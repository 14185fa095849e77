import type { Envelope, EventName, EventPayload, InputOf, Method, OutputOf } from '../../src-shared/contract/index';
import type { Transport } from './transport';

/** The part of `EventSource` the transport uses (a structural type so tests can pass a fake). */
export interface EventSourceLike {
  addEventListener(type: string, listener: (message: { data: string }) => void): void;
  removeEventListener(type: string, listener: (message: { data: string }) => void): void;
}

export interface HttpTransportOptions {
  /** `window.fetch`, bound. */
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** Opens the server-sent event stream (`new EventSource(url)`), once, on the first `on`. */
  readonly openEvents: (url: string) => EventSourceLike;
  /** Prefix of `/rpc` and `/events`; '' for the page's own origin. */
  readonly baseUrl?: string;
  /**
   * This page's id, sent with the event stream (and the socket, pick-transport.ts), so the host
   * can leave out the events that only repeat this page's own answers (src-main/web-host/cart-echo.ts).
   */
  readonly pageId?: string;
}

export const failure = (message: string): Envelope<never> => ({ ok: false, error: { code: 'INTERNAL', message } });

export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (body.ok === true) return 'value' in body;
  return body.ok === false && typeof body.error?.code === 'string' && typeof body.error.message === 'string';
}

/**
 * The web host transport: `POST /rpc/<method>` with the input as JSON, answered (HTTP 200) by the
 * same envelope the Electron host returns; `GET /events` as server-sent events named after the
 * contract events. A transport failure (network, non-200, a body that is not an envelope) becomes
 * an `INTERNAL` envelope with a readable message, so callers handle one shape.
 */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const base = options.baseUrl ?? '';
  let events: EventSourceLike | null = null;

  async function invoke<M extends Method>(method: M, input: InputOf<M>): Promise<Envelope<OutputOf<M>>> {
    const url = `${base}/rpc/${encodeURIComponent(method)}`;
    let response: Response;
    try {
      response = await options.fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
    } catch (error) {
      return failure(`Cannot reach the till core (${method}): ${error instanceof Error ? error.message : String(error)}`);
    }
    if (response.status !== 200) {
      return failure(`The till core answered HTTP ${response.status} ${response.statusText} to ${method}`.trim());
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return failure(`The till core sent an unreadable answer to ${method}`);
    }
    // The core validated its output before sending (dispatch); only the envelope shape is checked here.
    return isEnvelope(body) ? (body as Envelope<OutputOf<M>>) : failure(`The till core sent an unexpected answer to ${method}`);
  }

  function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    events ??= options.openEvents(options.pageId ? `${base}/events?page=${encodeURIComponent(options.pageId)}` : `${base}/events`);
    const source = events;
    const onMessage = (message: { data: string }) => {
      let payload: unknown;
      try {
        payload = JSON.parse(message.data);
      } catch {
        return;
      }
      listener(payload as EventPayload<E>);
    };
    source.addEventListener(event, onMessage);
    return () => source.removeEventListener(event, onMessage);
  }

  return { invoke, on };
}
