import { isAppUrl } from './app-protocol';

/**
 * Who may call `pos:invoke`. A renderer compromised by, say, an injected iframe or a navigation
 * to another page must not reach the core. Modelled on VS Code's `validateEvent`
 * (microsoft/vscode src/vs/base/parts/ipc/electron-main/ipcMain.ts) and Electron's checklist
 * https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages
 *
 * Plain TypeScript: `WebFrameMain` satisfies `SenderFrame` structurally, tests pass fakes.
 */
export interface SenderFrame {
  readonly url: string;
  readonly parent: SenderFrame | null;
}

export type SenderVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Accepts only our window's main frame (the very same object, top level) showing a page from
 * `app://tillpoint`. `senderFrame` is null when the frame navigated away or was destroyed
 * before the message was handled; that is refused too.
 */
export function checkSender(senderFrame: SenderFrame | null | undefined, expectedMainFrame: SenderFrame | null | undefined): SenderVerdict {
  if (!senderFrame) return { ok: false, reason: 'sender frame is gone' };
  if (!expectedMainFrame) return { ok: false, reason: 'no window to accept calls from' };
  if (senderFrame.parent !== null) return { ok: false, reason: 'sender is a subframe' };
  if (senderFrame !== expectedMainFrame) return { ok: false, reason: "sender is not our window's main frame" };
  if (!isAppUrl(senderFrame.url)) return { ok: false, reason: 'sender origin is not app://tillpoint' };
  return { ok: true };
}
