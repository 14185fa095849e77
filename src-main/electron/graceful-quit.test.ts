import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/deps';
import { closeBeforeQuit, type QuittableApp } from './graceful-quit';

/** Mimics Electron: quit() emits 'before-quit' and exits unless a listener prevented it. */
class FakeApp extends EventEmitter implements QuittableApp {
  exited = false;
  quit(): void {
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) this.exited = true;
  }
}

describe('closeBeforeQuit', () => {
  it('holds the quit until the core has closed, then quits', async () => {
    const app = new FakeApp();
    let finishClose: () => void = () => {};
    const close = vi.fn(() => new Promise<void>((resolve) => (finishClose = resolve)));
    closeBeforeQuit(app, close, silentLogger);

    app.quit();
    expect(app.exited).toBe(false);
    app.quit(); // a second Ctrl+Q while closing neither exits early nor closes twice
    expect(close).toHaveBeenCalledOnce();
    expect(app.exited).toBe(false);

    finishClose();
    await vi.waitFor(() => expect(app.exited).toBe(true));
    expect(close).toHaveBeenCalledOnce();
  });

  it('still quits when closing the core fails, and logs it', async () => {
    const app = new FakeApp();
    const errors: string[] = [];
    closeBeforeQuit(app, () => Promise.reject(new Error('disk gone')), { ...silentLogger, error: (message) => errors.push(message) });
    app.quit();
    await vi.waitFor(() => expect(app.exited).toBe(true));
    expect(errors).toEqual(['core close failed']);
  });
});
