import type { Envelope, EventName, EventPayload, InputOf, Method, OutputOf } from './index';

/**
 * `window.pos`: the whole surface the Electron preload exposes to the renderer (three members,
 * src-main/preload/expose-pos-bridge.ts). The web host offers the same calls over HTTP + SSE, so
 * the renderer treats `window.pos` as optional and falls back to HTTP when it is absent.
 */
export interface PosBridge {
  /** Calls one contract method in main. Resolves with the envelope; a domain error is `ok: false`, not a rejection. */
  invoke<M extends Method>(method: M, input: InputOf<M>): Promise<Envelope<OutputOf<M>>>;
  /** Listens to one push event; returns the function that stops listening. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** The app version (package.json `version`), for the about box and bug reports. */
  readonly version: string;
}
