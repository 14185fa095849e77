import { describe, expect, it } from 'vitest';
import { windowOptions } from './window-options';

describe('windowOptions', () => {
  const options = windowOptions({ preloadPath: '/opt/tillpoint/dist/preload/preload.cjs', appVersion: '1.2.3', devTools: false });
  const prefs = options.webPreferences ?? {};

  it('isolates and sandboxes the renderer, with no Node', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and webviews off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.spellcheck).toBe(false);
  });

  it('loads our preload and hands it the version', () => {
    expect(prefs.preload).toBe('/opt/tillpoint/dist/preload/preload.cjs');
    expect(prefs.additionalArguments).toEqual(['--pos-version=1.2.3']);
  });

  it('turns developer tools off when asked (the packaged app)', () => {
    expect(prefs.devTools).toBe(false);
    const dev = windowOptions({ preloadPath: '/x/preload.cjs', appVersion: '0.0.0', devTools: true });
    expect(dev.webPreferences?.devTools).toBe(true);
  });

  it('stays hidden until the first paint', () => {
    expect(options.show).toBe(false);
  });
});
