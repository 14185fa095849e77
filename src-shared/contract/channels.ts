/**
 * The two Electron IPC channels, shared by the main process (src-main/electron) and the preload
 * (src-main/preload). Nothing else crosses between the renderer and main: every call goes
 * through `pos:invoke` and `dispatch`, every push event through `pos:event`.
 */
export const POS_INVOKE_CHANNEL = 'pos:invoke';
export const POS_EVENT_CHANNEL = 'pos:event';

/**
 * How main hands the app version to the sandboxed preload: as an extra renderer argument
 * (`webPreferences.additionalArguments` are appended to `process.argv`, which sandboxed preloads
 * may read: https://www.electronjs.org/docs/latest/api/process#sandbox). This avoids a third
 * channel just to ask for a string.
 */
export const POS_VERSION_ARGUMENT = '--pos-version=';
