// Types a barcode the way a keyboard-wedge scanner does: one key press per character a few
// milliseconds apart, then a terminator key, into whatever has focus. The terminal detects such
// scans wherever focus is (docs/architecture.md section 6), so tests do not pick a field first.
import type { Page } from '@playwright/test';

export interface WedgeScanOptions {
  /** Pause between key presses; scanners send a character every few ms, people every 50 ms or more. */
  interKeyDelayMs?: number;
  /** The suffix key the scanner is configured to send; null for none. Default 'Enter'. */
  terminator?: 'Enter' | 'Tab' | null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Playwright key names for characters that are not their own key name (https://playwright.dev/docs/api/class-keyboard#keyboard-press). */
function keyFor(char: string): string {
  if (char === ' ') return 'Space';
  const code = char.charCodeAt(0);
  if (code < 0x20 || code === 0x7f) {
    throw new Error(`wedgeScan cannot press control character U+${code.toString(16).padStart(4, '0')}`);
  }
  return char;
}

export async function wedgeScan(page: Page, code: string, options: WedgeScanOptions = {}): Promise<void> {
  const delay = options.interKeyDelayMs ?? 5;
  const terminator = options.terminator === undefined ? 'Enter' : options.terminator;
  const keys = Array.from(code, keyFor);
  for (const key of keys) {
    await page.keyboard.press(key);
    await sleep(delay);
  }
  if (terminator) await page.keyboard.press(terminator);
}
