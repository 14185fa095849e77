import type { Envelope, ErrorCode, EventName } from '../../src-shared/contract';
import type { Logger } from '../core/deps';
import { checkSender, type SenderFrame } from './ipc-sender-policy';

/**
 * The main-process ends of the two IPC channels, without Electron: main.ts wires them to
 * `ipcMain.handle('pos:invoke', …)` and to `webContents.send('pos:event', …)`.
 */

/** `dispatch` with the core's handlers and logger already bound (src-main/rpc/dispatch.ts). */
export type BoundDispatch = (method: string, rawInput: unknown) => Promise<Envelope<unknown>>;

/** The part of `IpcMainInvokeEvent` the check reads. */
export interface InvokeEventLike {
  readonly senderFrame: SenderFrame | null;
}

export interface InvokeHandlerOptions {
  /** The main frame of the one window allowed to call, or null while there is none. */
  readonly mainFrame: () => SenderFrame | null | undefined;
  readonly dispatch: BoundDispatch;
  readonly logger: Logger;
}

/**
 * The contract has no code for a refused caller because a genuine renderer never sees one;
 * the message, not the code, is what the log and a developer need.
 */
const REFUSED_SENDER_CODE: ErrorCode = 'INTERNAL';

/** Never rejects: a refused sender, a bad method name or a throwing dispatch all become an error envelope. */
export function createInvokeHandler(options: InvokeHandlerOptions): (event: InvokeEventLike, method: unknown, input: unknown) => Promise<Envelope<unknown>> {
  return async (event: InvokeEventLike, method: unknown, input: unknown): Promise<Envelope<unknown>> => {
    const verdict = checkSender(event.senderFrame, options.mainFrame());
    if (!verdict.ok) {
      options.logger.warn('ipc call refused', { reason: verdict.reason, url: event.senderFrame?.url.slice(0, 200), method: String(method).slice(0, 100) });
      return { ok: false, error: { code: REFUSED_SENDER_CODE, message: `call refused: ${verdict.reason}` } };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'method must be a string' } };
    }
    try {
      return await options.dispatch(method, input);
    } catch (error) {
      // dispatch promises never to throw; if it does anyway, the renderer still gets an envelope.
      options.logger.error('dispatch threw', { method, stack: error instanceof Error ? error.stack : String(error) });
      return { ok: false, error: { code: 'INTERNAL', message: 'internal error' } };
    }
  };
}

/** The part of `WebContents` that push events need. */
export interface EventSink {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/**
 * Relays core events to the window on `channel` as `(name, payload)`. Events raised while the
 * window is closed or reloading are dropped: the renderer re-reads state (`cart.get`) at boot.
 */
export function createEventForwarder(channel: string, target: () => EventSink | null | undefined): (name: EventName, payload: unknown) => void {
  return (name: EventName, payload: unknown): void => {
    const contents = target();
    if (!contents || contents.isDestroyed()) return;
    contents.send(channel, name, payload);
  };
}
