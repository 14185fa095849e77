import { describe, expect, it } from 'vitest';
import { checkSender, type SenderFrame } from './ipc-sender-policy';

const frame = (url: string, parent: SenderFrame | null = null): SenderFrame => ({ url, parent });

describe('checkSender', () => {
  const main = frame('app://tillpoint/index.html');

  it("accepts our window's top frame at app://tillpoint", () => {
    expect(checkSender(main, main)).toEqual({ ok: true });
    const atRoot = frame('app://tillpoint/');
    expect(checkSender(atRoot, atRoot)).toEqual({ ok: true });
  });

  it('rejects a subframe, even one showing our own origin', () => {
    const child = frame('app://tillpoint/index.html', main);
    expect(checkSender(child, main)).toEqual({ ok: false, reason: 'sender is a subframe' });
  });

  it('rejects our main frame once it shows another origin', () => {
    for (const url of ['https://evil.example/', 'https://evil.example/app://tillpoint', 'app://evil/index.html', 'app://tillpoint:1234/', 'about:blank', '']) {
      const navigated = frame(url);
      expect(checkSender(navigated, navigated), url).toEqual({ ok: false, reason: 'sender origin is not app://tillpoint' });
    }
  });

  it('rejects a file:// page', () => {
    const local = frame('file:///opt/tillpoint/resources/app/dist/renderer/index.html');
    expect(checkSender(local, local)).toMatchObject({ ok: false });
  });

  it('rejects another top frame at our origin (a second window)', () => {
    const other = frame('app://tillpoint/index.html');
    expect(checkSender(other, main)).toEqual({ ok: false, reason: "sender is not our window's main frame" });
  });

  it('rejects a missing frame and calls while there is no window', () => {
    expect(checkSender(null, main)).toEqual({ ok: false, reason: 'sender frame is gone' });
    expect(checkSender(undefined, main)).toMatchObject({ ok: false });
    expect(checkSender(main, null)).toEqual({ ok: false, reason: 'no window to accept calls from' });
  });
});
