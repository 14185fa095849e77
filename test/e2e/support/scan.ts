// Types a barcode the way a keyboard-wedge scanner does: a burst of key presses a few
// milliseconds apart (Shift around shifted characters, as a US-layout scanner sends them), then
// a terminator key, into whatever has focus. The terminal detects such scans wherever focus is
// (docs/architecture.md section 6), so tests do not pick a field first.
//
// Why not `page.keyboard.press` per character: each press waits for Chromium to acknowledge the
// key, which took 15–125 ms per key on the 2-core build machines, the rhythm of a person, not a
// scanner. Sending the keys through the DevTools protocol without waiting for each reply delivers
// them 1–5 ms apart, like real scanners. https://chromedevtools.github.io/devtools-protocol/tot/Input/#method-dispatchKeyEvent
import type { CDPSession, Page } from '@playwright/test';

export interface WedgeScanOptions {
  /**
   * Pause between characters. Default 0: back to back, which Chromium delivered 1–5 ms apart
   * (a scanner's rhythm); a 5 ms timer here became 10–35 ms gaps on a loaded 2-core machine,
   * too close to the renderer's 30 ms scan threshold. People type one key every 50 ms or more.
   */
  interKeyDelayMs?: number;
  /** The suffix key the scanner is configured to send; null for none. Default 'Enter'. */
  terminator?: 'Enter' | 'Tab' | null;
  /**
   * A DevTools session on the page to send the keys through, kept open by the caller. Default: one
   * opened for this scan and detached after it (the detach then travels while the page handles the
   * scan, which a benchmark of that handling does not want).
   */
  session?: CDPSession;
}

interface KeyStroke {
  key: string;
  code: string;
  keyCode: number;
  shift: boolean;
  /** What the key types; absent for keys that type nothing. */
  text?: string;
}

// US layout, https://www.w3.org/TR/uievents-code/ (code) and the Windows virtual-key codes Chromium expects.
const PUNCTUATION: Record<string, [code: string, keyCode: number]> = {
  '`': ['Backquote', 192], '-': ['Minus', 189], '=': ['Equal', 187], '[': ['BracketLeft', 219], ']': ['BracketRight', 221],
  '\\': ['Backslash', 220], ';': ['Semicolon', 186], "'": ['Quote', 222], ',': ['Comma', 188], '.': ['Period', 190], '/': ['Slash', 191],
};
/** Each shifted character and the unshifted key it sits on. */
const SHIFTED = '~!@#$%^&*()_+{}|:"<>?';
const UNSHIFTED = '`1234567890-=[]\\;\',./';

const SHIFT: KeyStroke = { key: 'Shift', code: 'ShiftLeft', keyCode: 16, shift: false };
const TERMINATORS: Record<'Enter' | 'Tab', KeyStroke> = {
  Enter: { key: 'Enter', code: 'Enter', keyCode: 13, shift: false, text: '\r' },
  Tab: { key: 'Tab', code: 'Tab', keyCode: 9, shift: false },
};

function strokeFor(char: string): KeyStroke {
  if (/^[0-9]$/.test(char)) return { key: char, code: `Digit${char}`, keyCode: char.charCodeAt(0), shift: false, text: char };
  if (/^[a-zA-Z]$/.test(char)) {
    const upper = char.toUpperCase();
    return { key: char, code: `Key${upper}`, keyCode: upper.charCodeAt(0), shift: char !== char.toLowerCase(), text: char };
  }
  if (char === ' ') return { key: ' ', code: 'Space', keyCode: 32, shift: false, text: ' ' };
  const shiftedIndex = SHIFTED.indexOf(char);
  const shift = shiftedIndex >= 0;
  const base = shift ? UNSHIFTED.charAt(shiftedIndex) : char;
  if (/^[0-9]$/.test(base)) return { key: char, code: `Digit${base}`, keyCode: base.charCodeAt(0), shift, text: char };
  const punctuation = PUNCTUATION[base];
  if (punctuation) return { key: char, code: punctuation[0], keyCode: punctuation[1], shift, text: char };
  throw new Error(`wedgeScan has no US-layout key for ${JSON.stringify(char)} (U+${char.charCodeAt(0).toString(16).padStart(4, '0')})`);
}

/** A typical wedge scanner sends a key every few milliseconds. */
const SCANNER_KEY_GAP_MS = 4;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * `timestamp` (seconds since the epoch) becomes the DOM event's `timeStamp`, so the renderer sees
 * a scanner's rhythm (SCANNER_KEY_GAP_MS between keys) however busy this machine is when the
 * events are delivered. https://chromedevtools.github.io/devtools-protocol/tot/Input/#method-dispatchKeyEvent
 */
function send(session: CDPSession, type: 'keyDown' | 'keyUp', stroke: KeyStroke, shiftHeld: boolean, timestamp: number): Promise<unknown> {
  return session.send('Input.dispatchKeyEvent', {
    type,
    timestamp,
    key: stroke.key,
    code: stroke.code,
    windowsVirtualKeyCode: stroke.keyCode,
    nativeVirtualKeyCode: stroke.keyCode,
    modifiers: shiftHeld ? 8 : 0,
    ...(type === 'keyDown' && stroke.text !== undefined ? { text: stroke.text, unmodifiedText: stroke.text } : {}),
  });
}

export async function wedgeScan(page: Page, code: string, options: WedgeScanOptions = {}): Promise<void> {
  const delay = options.interKeyDelayMs ?? 0;
  const terminator = options.terminator === undefined ? 'Enter' : options.terminator;
  // Map everything first: an unsupported character fails before any key reaches the page.
  const strokes = Array.from(code, strokeFor);
  if (terminator) strokes.push(TERMINATORS[terminator]);

  const session = options.session ?? (await page.context().newCDPSession(page));
  const pending: Promise<unknown>[] = [];
  const start = Date.now() / 1000;
  const gapSeconds = Math.max(delay, SCANNER_KEY_GAP_MS) / 1000;
  try {
    for (const [i, stroke] of strokes.entries()) {
      if (i > 0 && delay > 0) await sleep(delay);
      const at = start + i * gapSeconds;
      // Replies are collected at the end; the protocol keeps the events in order.
      if (stroke.shift) pending.push(send(session, 'keyDown', SHIFT, true, at));
      pending.push(send(session, 'keyDown', stroke, stroke.shift, at));
      pending.push(send(session, 'keyUp', stroke, stroke.shift, at + 0.001));
      if (stroke.shift) pending.push(send(session, 'keyUp', SHIFT, false, at + 0.001));
    }
    await Promise.all(pending);
  } finally {
    if (!options.session) await session.detach().catch(() => undefined);
  }
}
