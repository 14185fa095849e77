export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 30_000;

/**
 * "Full jitter": a uniformly random wait in [0, min(cap, base · 2^attempt)). Spreads the retries
 * of many terminals that lost the server at the same moment, so they do not come back in waves
 * (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
 * `attempt` counts failures in a row, from 0; `random` returns [0, 1) like Math.random.
 */
export function fullJitterDelay(attempt: number, random: () => number = Math.random, baseMs = BACKOFF_BASE_MS, capMs = BACKOFF_CAP_MS): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(Math.max(attempt, 0), 30));
  return Math.floor(random() * ceiling);
}

/** setTimeout capped at 2^31−1 ms (Node's limit) that resolves early on abort. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, Math.min(Math.max(0, ms), 2 ** 31 - 1));
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
