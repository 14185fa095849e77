import type { Logger } from '../core/deps';

/** The part of Electron's `app` this needs. */
export interface QuittableApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/**
 * Holds the first quit until the core has closed (sync loop stopped, print queue drained, SQLite
 * checkpointed and closed), then quits for real. A failing close is logged and does not keep the
 * app alive. 'before-quit' is the hook that can be delayed this way:
 * https://www.electronjs.org/docs/latest/api/app#event-before-quit
 */
export function closeBeforeQuit(app: QuittableApp, close: () => Promise<void>, logger: Logger): void {
  let state: 'running' | 'closing' | 'closed' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    close()
      .catch((error: unknown) => logger.error('core close failed', { stack: error instanceof Error ? error.stack : String(error) }))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}
