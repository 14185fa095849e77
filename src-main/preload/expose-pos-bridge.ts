import type { Envelope, InputOf, Method, OutputOf } from '../../src-shared/contract';
import type { PosBridge } from '../../src-shared/contract/bridge';
import { POS_EVENT_CHANNEL, POS_INVOKE_CHANNEL, POS_VERSION_ARGUMENT } from '../../src-shared/contract/channels';

/**
 * The preload's logic without Electron, so tests can run it with fakes. preload.ts passes the
 * real `contextBridge` and `ipcRenderer`. Modelled on VS Code's sandboxed preload
 * (microsoft/vscode src/vs/base/parts/sandbox/electron-browser/preload.ts): fixed channels only,
 * and `ipcRenderer` itself never reaches the page
 * (https://www.electronjs.org/docs/latest/tutorial/context-isolation#security-considerations).
 */

export interface ContextBridgePort {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}

type Relay = (event: unknown, ...args: unknown[]) => void;

export interface IpcRendererPort {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: Relay): unknown;
  removeListener(channel: string, listener: Relay): unknown;
}

/** The version main passed in `additionalArguments` (see POS_VERSION_ARGUMENT), or '' if absent. */
export function versionFromArgv(argv: readonly string[]): string {
  const argument = argv.find((value) => value.startsWith(POS_VERSION_ARGUMENT));
  return argument === undefined ? '' : argument.slice(POS_VERSION_ARGUMENT.length);
}

export function createPosBridge(ipc: IpcRendererPort, version: string): PosBridge {
  // Main answers every pos:invoke with an Envelope (src-main/electron/ipc-bridge.ts), so the
  // cast only restates that; main validates method and input, the preload does not.
  function invoke<M extends Method>(method: M, input: InputOf<M>): Promise<Envelope<OutputOf<M>>> {
    return ipc.invoke(POS_INVOKE_CHANNEL, method, input) as Promise<Envelope<OutputOf<M>>>;
  }
  return {
    invoke,
    on: (event, listener) => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      // The IpcRendererEvent is dropped: its `sender` is ipcRenderer itself.
      const relay: Relay = (_event, name, payload) => {
        if (name === event) listener(payload as Parameters<typeof listener>[0]);
      };
      ipc.on(POS_EVENT_CHANNEL, relay);
      return () => {
        ipc.removeListener(POS_EVENT_CHANNEL, relay);
      };
    },
    version,
  };
}

/** `window.pos`: invoke, on, version, and nothing else. */
export function exposePosBridge(contextBridge: ContextBridgePort, ipc: IpcRendererPort, version: string): void {
  contextBridge.exposeInMainWorld('pos', createPosBridge(ipc, version));
}
