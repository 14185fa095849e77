import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * main.ts only composes, but the composition is the security boundary: one privileged scheme,
 * exactly one invoke channel, a sender check before dispatch, the core closed on quit. The
 * Electron binary is not available, so 'electron' is a fake that records what main asks of it.
 */

type Listener = (...args: unknown[]) => void;

const state = vi.hoisted(() => ({
  lock: true,
  windows: [] as Array<{ options: unknown; loaded: string[]; webContents: { mainFrame: unknown; send: (...a: unknown[]) => void } }>,
}));

const fake = vi.hoisted(() => {
  const makeEmitter = () => {
    const listeners = new Map<string, Listener[]>();
    return {
      listeners,
      on(name: string, fn: Listener) {
        listeners.set(name, [...(listeners.get(name) ?? []), fn]);
        return this;
      },
      emit(name: string, ...args: unknown[]) {
        for (const fn of listeners.get(name) ?? []) fn(...args);
      },
    };
  };
  const app = Object.assign(makeEmitter(), {
    isPackaged: true,
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => state.lock),
    whenReady: vi.fn(async () => {}),
    isReady: vi.fn(() => true),
    getPath: vi.fn(() => '/home/cashier/.config/Tillpoint'),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  return {
    app,
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    ipcMain: { handle: vi.fn(), on: vi.fn() },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() } },
    dialog: { showErrorBox: vi.fn() },
    safeStorage: {
      isAsyncEncryptionAvailable: vi.fn(async () => true),
      getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
      encryptStringAsync: vi.fn(async (text: string) => Buffer.from(text)),
      decryptStringAsync: vi.fn(async (data: Buffer) => ({ result: data.toString(), shouldReEncrypt: false })),
    },
  };
});

const core = vi.hoisted(() => ({
  listeners: [] as Array<(name: string, payload: unknown) => void>,
  close: vi.fn(async () => {}),
  syncStart: vi.fn(),
  bootCore: vi.fn(),
}));

vi.mock('electron', () => {
  class BrowserWindow {
    readonly loaded: string[] = [];
    readonly webContents = { mainFrame: { url: 'app://tillpoint/index.html', parent: null }, isDestroyed: () => false, send: vi.fn() };
    constructor(readonly options: unknown) {
      state.windows.push(this);
    }
    on = () => this;
    once = () => this;
    isDestroyed = () => false;
    loadURL = async (url: string) => {
      this.loaded.push(url);
    };
  }
  return { ...fake, BrowserWindow };
});

vi.mock('../core/boot', () => ({ bootCore: core.bootCore }));

const updater = vi.hoisted(() => ({ checkForUpdates: vi.fn(async () => null), on: vi.fn(), autoDownload: false, autoInstallOnAppQuit: false, allowDowngrade: true, channel: null }));
vi.mock('electron-updater', () => ({ autoUpdater: updater }));

async function loadMain() {
  vi.resetModules();
  await import('./main');
}

beforeEach(() => {
  vi.clearAllMocks();
  // main logs JSON lines to stderr; the assertions below look at behaviour, not at the log.
  vi.spyOn(console, 'error').mockImplementation(() => {});
  state.lock = true;
  state.windows.length = 0;
  core.listeners.length = 0;
  fake.app.listeners.clear();
  core.bootCore.mockImplementation(async () => ({
    handlers: { 'app.info': async () => ({ version: 'x' }) },
    onEvent: (listener: (name: string, payload: unknown) => void) => {
      core.listeners.push(listener);
      return () => {};
    },
    close: core.close,
    sync: { start: core.syncStart, stop: async () => {}, wake: () => {} },
  }));
  vi.stubEnv('POS_DATA_DIR', '/srv/till-1');
  vi.stubEnv('POS_DEMO', '');
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('electron main', () => {
  it('registers app:// as a standard, secure, fetchable scheme and sandboxes every renderer', async () => {
    await loadMain();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.app.enableSandbox).toHaveBeenCalled();
  });

  it('quits without booting when another instance holds the lock', async () => {
    state.lock = false;
    await loadMain();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(core.bootCore).not.toHaveBeenCalled();
    expect(state.windows).toHaveLength(0);
  });

  it('boots the core on POS_DATA_DIR and opens one hardened window on app://tillpoint', async () => {
    await loadMain();
    await vi.waitFor(() => expect(state.windows).toHaveLength(1));
    expect(core.bootCore).toHaveBeenCalledWith(expect.objectContaining({ dataDir: '/srv/till-1', demo: false, secrets: expect.anything() }));
    expect(core.syncStart).toHaveBeenCalled();
    const [win] = state.windows;
    expect(win?.loaded).toEqual(['app://tillpoint/index.html']);
    expect(win?.options).toMatchObject({
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false, devTools: false },
    });
    const preload = (win?.options as { webPreferences: { preload: string } }).webPreferences.preload;
    expect(preload.endsWith(join('preload', 'preload.cjs'))).toBe(true);
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
  });

  it('handles exactly one IPC channel, pos:invoke, and checks the sender before dispatching', async () => {
    await loadMain();
    await vi.waitFor(() => expect(state.windows).toHaveLength(1));
    expect(fake.ipcMain.on).not.toHaveBeenCalled();
    expect(fake.ipcMain.handle).toHaveBeenCalledTimes(1);
    const [channel, handler] = fake.ipcMain.handle.mock.calls[0] as [string, (e: unknown, m: unknown, i: unknown) => Promise<unknown>];
    expect(channel).toBe('pos:invoke');

    const mainFrame = state.windows[0]?.webContents.mainFrame;
    await expect(handler({ senderFrame: mainFrame }, 'app.info', {})).resolves.toEqual({ ok: true, value: { version: 'x' } });
    const iframe = { url: 'app://tillpoint/index.html', parent: mainFrame };
    await expect(handler({ senderFrame: iframe }, 'app.info', {})).resolves.toMatchObject({ ok: false });
    await expect(handler({ senderFrame: mainFrame }, 'no.such', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('forwards core events on pos:event', async () => {
    await loadMain();
    await vi.waitFor(() => expect(state.windows).toHaveLength(1));
    core.listeners.forEach((listener) => listener('cart.changed', { id: 'c' }));
    expect(state.windows[0]?.webContents.send).toHaveBeenCalledWith('pos:event', 'cart.changed', { id: 'c' });
  });

  it('starts update checks in the packaged app, installing only on quit', async () => {
    await loadMain();
    await vi.waitFor(() => expect(updater.checkForUpdates).toHaveBeenCalled());
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, allowDowngrade: false });
  });

  it('closes the core before quitting', async () => {
    await loadMain();
    await vi.waitFor(() => expect(state.windows).toHaveLength(1));
    const preventDefault = vi.fn();
    fake.app.emit('before-quit', { preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    expect(core.close).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled());
  });

  it('shows why and exits when the core cannot boot', async () => {
    core.bootCore.mockRejectedValue(new Error('Tillpoint is already running with data directory /srv/till-1'));
    await loadMain();
    await vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalledWith(1));
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith('Tillpoint cannot start', expect.stringContaining('already running'));
    expect(state.windows).toHaveLength(0);
  });
});
