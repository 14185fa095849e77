import type { Session, WebContents } from 'electron';
import type { Logger } from '../core/deps';
import { isAppUrl } from './app-protocol';

/**
 * The till shows our pages and nothing else. Each rule is an item of Electron's security
 * checklist (https://www.electronjs.org/docs/latest/tutorial/security):
 * #13 limit navigation, #14 limit new windows, #12 verify webview options (we allow none),
 * #5 handle permission requests. Type-only Electron imports: tests pass fakes.
 */
export function hardenWebContents(contents: WebContents, logger: Logger): void {
  const allowOnlyApp = (kind: string) => (event: { url: string; preventDefault(): void }) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    logger.warn('navigation blocked', { kind, url: event.url.slice(0, 200) });
  };
  // 'will-navigate' is the main frame; 'will-frame-navigate' also covers subframes (which the
  // CSP already refuses) and 'will-redirect' a server redirect mid-navigation.
  contents.on('will-navigate', allowOnlyApp('will-navigate'));
  contents.on('will-frame-navigate', allowOnlyApp('will-frame-navigate'));
  contents.on('will-redirect', allowOnlyApp('will-redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('webview blocked');
  });
  contents.setWindowOpenHandler(({ url }) => {
    logger.warn('window.open blocked', { url: url.slice(0, 200) });
    return { action: 'deny' };
  });
}

/**
 * Camera, microphone, geolocation, notifications, HID, serial, USB …: the renderer gets none.
 * Devices are read in main (src-main/hardware), never in the page. Both handlers are needed:
 * the check handler answers synchronous permission queries, the request handler prompts.
 * https://www.electronjs.org/docs/latest/api/session#sessetpermissioncheckhandlerhandler
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
