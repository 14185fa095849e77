import type { z } from 'zod';
import {
  EnrollResponse, HelloResponse, PullResponse, PushResponse, SyncError, SYNC_PATHS, WaitResponse,
  type EnrollRequest, type HelloRequest, type PullQuery, type SyncErrorCode, type WaitRequest,
} from '../../../src-shared/sync/protocol';
import { linkSignals } from './linked-signal';

/** Every request gets a deadline: a half-open connection must never hang the loop. */
export const REQUEST_TIMEOUT_MS = 10_000;
/** The long-poll may legitimately last its whole `timeoutSeconds`; this is on top of it. */
export const WAIT_GRACE_MS = 10_000;

export type FetchFn = (input: string | URL, init?: RequestInit) => Promise<Response>;

/**
 * Why a request failed. `network`: no answer (refused, reset, timeout, aborted): offline.
 * `http`: the server answered with an error (`code` from its `SyncError` body when it sent one).
 * `protocol`: a 2xx whose body does not parse: a server bug or a proxy in the way.
 */
export class SyncRequestError extends Error {
  override readonly name = 'SyncRequestError';
  constructor(
    readonly kind: 'network' | 'http' | 'protocol',
    message: string,
    readonly status?: number,
    readonly code?: SyncErrorCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** Worth retrying later with backoff (network trouble, 5xx, 429, a garbled answer). */
  get retryable(): boolean {
    if (this.kind !== 'http') return true;
    return this.status === undefined || this.status >= 500 || this.status === 429 || this.status === 408;
  }
}

export interface SyncTransportOptions {
  serverUrl: string;
  /** `Authorization: Bearer …`; absent only for enrollment. */
  credential?: string;
  fetch?: FetchFn;
  timeoutMs?: number;
}

/** Resolves `/sync/v1/x` under the server URL, keeping a path prefix (`https://host/pos/`). */
export function syncUrl(serverUrl: string, path: string): URL {
  const base = serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`;
  return new URL(path.replace(/^\//, ''), base);
}

/** The sync protocol over HTTP (../../../src-shared/sync/protocol.ts); every answer is parsed. */
export function createSyncTransport(options: SyncTransportOptions) {
  const fetchFn: FetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;

  async function request<T>(schema: z.ZodType<T>, method: 'GET' | 'POST', url: URL, body: string | undefined, signal: AbortSignal | undefined, deadlineMs = timeoutMs): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.credential) headers.Authorization = `Bearer ${options.credential}`;
    const timeout = AbortSignal.timeout(deadlineMs);
    // Not AbortSignal.any: `signal` is the loop's long-lived stop signal (linked-signal.ts says why).
    const link = linkSignals(signal ? [signal, timeout] : [timeout]);
    let response: Response;
    let text: string;
    try {
      response = await fetchFn(url, { method, headers, body, signal: link.signal });
      text = await response.text();
    } catch (error) {
      const why = timeout.aborted ? `no answer within ${deadlineMs} ms` : messageOf(error);
      throw new SyncRequestError('network', `${method} ${url.pathname}: ${why}`, undefined, undefined, { cause: error });
    } finally {
      link.dispose();
    }
    if (!response.ok) {
      const parsed = SyncError.safeParse(safeJson(text));
      const code = parsed.success ? parsed.data.error.code : undefined;
      const detail = parsed.success ? parsed.data.error.message : text.slice(0, 200);
      throw new SyncRequestError('http', `${method} ${url.pathname}: ${response.status} ${code ?? ''} ${detail}`.replace(/\s+/g, ' ').trim(), response.status, code);
    }
    const parsed = schema.safeParse(safeJson(text));
    if (!parsed.success) {
      throw new SyncRequestError('protocol', `${method} ${url.pathname}: unexpected answer (${parsed.error.issues[0]?.message ?? 'not JSON'})`, response.status);
    }
    return parsed.data;
  }

  const url = (path: string) => syncUrl(options.serverUrl, path);

  return {
    enroll: (body: EnrollRequest, signal?: AbortSignal) => request(EnrollResponse, 'POST', url(SYNC_PATHS.enroll), JSON.stringify(body), signal),
    hello: (body: HelloRequest, signal?: AbortSignal) => request(HelloResponse, 'POST', url(SYNC_PATHS.hello), JSON.stringify(body), signal),
    /** `body` is a serialized `PushRequest` (built by the outbox reader, which measures its size). */
    push: (body: string, signal?: AbortSignal) => request(PushResponse, 'POST', url(SYNC_PATHS.push), body, signal),
    pull: (query: Omit<PullQuery, 'limit'> & { limit?: number }, signal?: AbortSignal) => {
      const target = url(SYNC_PATHS.pull);
      target.searchParams.set('stream', query.stream);
      if (query.cursor !== undefined) target.searchParams.set('cursor', query.cursor);
      if (query.limit !== undefined) target.searchParams.set('limit', String(query.limit));
      return request(PullResponse, 'GET', target, undefined, signal);
    },
    wait: (body: WaitRequest, signal?: AbortSignal) =>
      request(WaitResponse, 'POST', url(SYNC_PATHS.wait), JSON.stringify(body), signal, body.timeoutSeconds * 1000 + WAIT_GRACE_MS),
  };
}

export type SyncTransport = ReturnType<typeof createSyncTransport>;

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
