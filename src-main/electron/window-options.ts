import type { BrowserWindowConstructorOptions } from 'electron';
import { POS_VERSION_ARGUMENT } from '../../src-shared/contract/channels';

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (`dist/preload/preload.cjs`). */
  readonly preloadPath: string;
  /** Handed to the preload as `window.pos.version`. */
  readonly appVersion: string;
  /**
   * Developer tools: on in development, off in the packaged app, where a console in our origin
   * would let anyone at the counter call `window.pos` directly.
   */
  readonly devTools: boolean;
}

/**
 * The till's one window. Every webPreferences flag below is the secure value spelled out, even
 * where it is Electron's default, so that a reader (and the test) sees the decision:
 * https://www.electronjs.org/docs/latest/tutorial/security#checklist-security-recommendations
 * Plain data with a type-only Electron import: tested without Electron.
 */
export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: 'Tillpoint',
    backgroundColor: '#ffffff',
    // Shown on 'ready-to-show' so the cashier never sees an empty white frame.
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: input.devTools,
      additionalArguments: [`${POS_VERSION_ARGUMENT}${input.appVersion}`],
    },
  };
}
