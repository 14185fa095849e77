import { describe, expect, it } from 'vitest';
import { WedgeDetector, type WedgeKey } from './wedge-detector';

/**
 * A scanner emulating a US keyboard on a PC set to French AZERTY: it presses the Digit keys
 * without Shift, which that layout turns into the characters of the top row (LESSONS.md: AZERTY
 * turns `112` into `&&é`). `event.key` is that character; `event.code` still names the digit.
 * https://developer.mozilla.org/en-US/docs/Web/API/UI_Events/Keyboard_event_code_values
 */
const AZERTY_TOP_ROW: Readonly<Record<string, string>> = {
  '1': '&', '2': 'é', '3': '"', '4': "'", '5': '(', '6': '-', '7': 'è', '8': '_', '9': 'ç', '0': 'à',
};

const azertyScan = (digits: string, start = 0, gapMs = 4): WedgeKey[] => [
  ...[...digits].map((d, i) => ({ code: `Digit${d}`, key: AZERTY_TOP_ROW[d] ?? d, timeStamp: start + i * gapMs })),
  { code: 'Enter', key: 'Enter', timeStamp: start + digits.length * gapMs },
];

const scansOf = (detector: WedgeDetector, keys: WedgeKey[]) => keys.map((k) => detector.handle(k)).flatMap((d) => (d.scan === null ? [] : [d.scan]));

describe('keyboard-wedge scans on an AZERTY layout', () => {
  it("reads & é \" ' ( on Digit1…Digit5 as 12345", () => {
    const keys = azertyScan('12345');
    expect(keys.slice(0, 5).map((k) => k.key).join('')).toBe('&é"\'(');
    expect(scansOf(new WedgeDetector({ minLength: 5 }), keys)).toEqual(['12345']);
  });

  it('reads a whole EAN-13 typed as AZERTY characters, with every key held back from the field', () => {
    const detector = new WedgeDetector();
    const keys = azertyScan('5012345000015');
    expect(keys.slice(0, 4).map((k) => k.key).join('')).toBe('(à&é');
    const decisions = keys.map((k) => detector.handle(k));
    expect(decisions.at(-1)).toMatchObject({ suppress: true, scan: '5012345000015' });
  });

  it('reads AZERTY digits after a configured prefix key, whatever the timing', () => {
    const detector = new WedgeDetector({ prefix: 'F13' });
    const keys: WedgeKey[] = [{ code: 'F13', key: 'F13', timeStamp: 0 }, ...azertyScan('112', 50, 60)];
    expect(scansOf(detector, keys)).toEqual(['112']);
  });
});
