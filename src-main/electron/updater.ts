import type { Logger } from '../core/deps';

/** The part of electron-updater's `AppUpdater` used here; `autoUpdater` satisfies it, tests pass a fake. */
export interface UpdaterPort {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  channel: string | null;
  checkForUpdates(): Promise<unknown>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
}

export interface UpdateCheckOptions {
  readonly logger: Logger;
  /** The store's update channel (e.g. a pilot channel); null keeps the one packaged in app-update.yml. */
  readonly channel: string | null;
  readonly intervalMs: number;
}

/** Four hours: a till picks up a release within a shift and still asks the server rarely. */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

/**
 * Checks the generic update server (electron-builder.yml `publish`) now and every `intervalMs`,
 * downloads in the background and installs only when the app quits: a till is never restarted
 * in the middle of a sale (https://www.electron.build/auto-update). Failing checks are normal
 * offline and only logged. Returns the function that stops checking.
 */
export function startUpdateChecks(updater: UpdaterPort, options: UpdateCheckOptions): () => void {
  const { logger } = options;
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  if (options.channel !== null) updater.channel = options.channel;
  // Setting a channel turns allowDowngrade on; a till never goes back a version, because the
  // older app would refuse the database the newer one already migrated.
  updater.allowDowngrade = false;
  updater.on('error', (error) => logger.warn('update check failed', { message: error.message }));
  updater.on('update-downloaded', (info) => logger.info('update downloaded; it installs when Tillpoint quits', { version: info.version }));

  const check = () => {
    updater.checkForUpdates().catch((error: unknown) => logger.warn('update check failed', { message: error instanceof Error ? error.message : String(error) }));
  };
  check();
  const timer = setInterval(check, options.intervalMs);
  // Never keeps the process alive on its own.
  timer.unref();
  return () => clearInterval(timer);
}
