import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../core/deps';
import { startUpdateChecks, type UpdaterPort } from './updater';

/** Mimics electron-updater: setting a channel turns allowDowngrade on. */
class FakeUpdater extends EventEmitter implements UpdaterPort {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  allowDowngrade = false;
  private current: string | null = null;
  readonly checkForUpdates = vi.fn(async (): Promise<unknown> => null);
  get channel() {
    return this.current;
  }
  set channel(value: string | null) {
    this.current = value;
    this.allowDowngrade = true;
  }
}

function recordingLogger() {
  const lines: string[] = [];
  const logger: Logger = { info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) };
  return { logger, lines };
}

describe('startUpdateChecks', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('downloads in the background, installs on quit, never downgrades', () => {
    const updater = new FakeUpdater();
    startUpdateChecks(updater, { logger: recordingLogger().logger, channel: 'pilot', intervalMs: 1000 })();
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.channel).toBe('pilot');
    expect(updater.allowDowngrade).toBe(false);
  });

  it('keeps the packaged channel when the store names none', () => {
    const updater = new FakeUpdater();
    startUpdateChecks(updater, { logger: recordingLogger().logger, channel: null, intervalMs: 1000 })();
    expect(updater.channel).toBeNull();
  });

  it('checks at once and then every interval until stopped', () => {
    const updater = new FakeUpdater();
    const stop = startUpdateChecks(updater, { logger: recordingLogger().logger, channel: null, intervalMs: 1000 });
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2500);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(3);
    stop();
    vi.advanceTimersByTime(5000);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(3);
  });

  it('only logs a failed check (offline is normal) and a downloaded update', async () => {
    const updater = new FakeUpdater();
    updater.checkForUpdates.mockRejectedValue(new Error('getaddrinfo ENOTFOUND updates.example'));
    const { logger, lines } = recordingLogger();
    const stop = startUpdateChecks(updater, { logger, channel: null, intervalMs: 1000 });
    await vi.waitFor(() => expect(lines).toEqual(['warn update check failed']));
    updater.emit('error', new Error('bad signature'));
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(lines).toEqual(['warn update check failed', 'warn update check failed', 'info update downloaded; it installs when Tillpoint quits']);
    stop();
  });
});
