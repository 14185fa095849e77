import type { PosBridge } from '../../src-shared/contract/bridge';

/**
 * How the renderer reaches the core: the two members of `window.pos` that carry calls and events.
 * Electron's preload provides them over IPC; `createHttpTransport` provides the same over the
 * loopback web host (ARCHITECTURE.md §3, "one contract, two hosts").
 */
export type Transport = Pick<PosBridge, 'invoke' | 'on'>;

/** True when `value` looks like the preload bridge (a structural check: the renderer has no Electron types). */
export function isPosBridge(value: unknown): value is PosBridge {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate['invoke'] === 'function' && typeof candidate['on'] === 'function';
}
