// The Electron host: composes the core with one hardened window. Logic lives in the modules
// imported below (tested in plain Node); this file only wires them to Electron.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session } from 'electron';
import { autoUpdater } from 'electron-updater';
import { POS_EVENT_CHANNEL, POS_INVOKE_CHANNEL } from '../../src-shared/contract/channels';
import { appVersion } from '../app-version';
import { bootCore } from '../core/boot';
import { stderrLogger } from '../core/deps';
import { createPrinterConnector } from '../hardware/printer/connect-printer';
import { discoverScanners, scannersFromConfig } from '../hardware/scanner/scanners-from-config';
import { dispatch } from '../rpc/dispatch';
import { contentSecurityPolicy } from '../security/content-security-policy';
import { APP_ENTRY_URL, APP_SCHEME, createAppProtocolHandler } from './app-protocol';
import { closeBeforeQuit } from './graceful-quit';
import { hardenSession, hardenWebContents } from './hardening';
import { distPaths, isDemo, resolveDataDir } from './host-config';
import { createEventForwarder, createInvokeHandler } from './ipc-bridge';
import { createSafeStorageSecretStore } from './safe-storage-secret-store';
import { startUpdateChecks, UPDATE_CHECK_INTERVAL_MS } from './updater';
import { windowOptions } from './window-options';

const logger = stderrLogger;

// Must run before 'ready'. standard: real origin and relative URLs; secure: a secure context;
// supportFetchAPI: fetch() of our own files. https://www.electronjs.org/docs/latest/api/protocol#protocolregisterschemesasprivilegedcustomschemes
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
// Every renderer sandboxed, whatever a future window forgets to set.
app.enableSandbox();

if (app.requestSingleInstanceLock()) {
  start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    logger.error('start failed', { stack: error instanceof Error ? error.stack : message });
    if (app.isReady()) dialog.showErrorBox('Tillpoint cannot start', message);
    app.exit(1);
  });
} else {
  // Another Tillpoint owns this profile; it gets focused through 'second-instance'.
  app.quit();
}

async function start(): Promise<void> {
  let mainWindow: BrowserWindow | null = null;
  const liveWindow = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null);

  app.on('second-instance', () => {
    const win = liveWindow();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, logger));
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  hardenSession(session.defaultSession);

  const dataDir = resolveDataDir(process.env, app.getPath('userData'));
  const core = await bootCore({
    dataDir,
    appVersion,
    demo: isDemo(process.env, process.argv),
    logger,
    printerConnector: createPrinterConnector(),
    printerUrl: process.env.POS_PRINTER,
    scanning: { scanners: scannersFromConfig(process.env.POS_SCANNER), discover: () => discoverScanners() },
    // The sync credential stays in the OS secret store (safeStorage); it refuses plain text.
    secrets: createSafeStorageSecretStore(path.join(dataDir, 'secrets'), safeStorage),
  });
  closeBeforeQuit(app, () => core.close(), logger);
  core.sync.start();

  const paths = distPaths(__dirname);
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir: paths.rendererDir, csp: contentSecurityPolicy() }));
  ipcMain.handle(
    POS_INVOKE_CHANNEL,
    createInvokeHandler({
      mainFrame: () => liveWindow()?.webContents.mainFrame,
      // Outputs are checked against the contract in development, not in the packaged app.
      dispatch: (method, input) => dispatch(core.handlers, method, input, { logger, validateOutput: !app.isPackaged }),
      logger,
    }),
  );
  core.onEvent(createEventForwarder(POS_EVENT_CHANNEL, () => liveWindow()?.webContents));

  const win = new BrowserWindow(windowOptions({ preloadPath: paths.preloadPath, appVersion, devTools: !app.isPackaged }));
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
  });
  // A renderer that fails to load leaves the window up with the error logged; the core is
  // already running and still closes cleanly on quit.
  win.loadURL(APP_ENTRY_URL).catch((error: unknown) => logger.error('renderer failed to load', { message: String(error) }));

  // Only a packaged app has an app-update.yml to read; the store's own channel comes later.
  if (app.isPackaged) startUpdateChecks(autoUpdater, { logger, channel: null, intervalMs: UPDATE_CHECK_INTERVAL_MS });
}
