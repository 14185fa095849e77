import { describe, expect, it } from 'vitest';
import { charForCode, WedgeDetector, type WedgeDecision, type WedgeKey } from './wedge-detector';

/** A key press as a US-layout keyboard would report it for one character. */
function usKey(char: string, timeStamp: number): WedgeKey {
  if (/^\d$/.test(char)) return { code: `Digit${char}`, key: char, timeStamp };
  if (/^[a-z]$/i.test(char)) return { code: `Key${char.toUpperCase()}`, key: char, timeStamp, shiftKey: char !== char.toLowerCase() };
  if (char === '\n') return { code: 'Enter', key: 'Enter', timeStamp };
  throw new Error(`no key for ${char}`);
}

/** Types `text` starting at `start` with `gapMs` between keys; returns every decision. */
function type(detector: WedgeDetector, text: string, start: number, gapMs: number): WedgeDecision[] {
  return [...text].map((char, index) => detector.handle(usKey(char, start + index * gapMs)));
}

const scans = (decisions: WedgeDecision[]) => decisions.flatMap((d) => (d.scan === null ? [] : [d.scan]));

describe('WedgeDetector', () => {
  it('recognises a fast burst ending in Enter as a scan and holds it back from the field', () => {
    const decisions = type(new WedgeDetector(), '3017620422003\n', 1000, 8);
    expect(scans(decisions)).toEqual(['3017620422003']);
    // The first two keys cannot be known to be a scan yet; everything after is suppressed.
    expect(decisions.map((d) => d.suppress)).toEqual([false, false, ...Array<boolean>(12).fill(true)]);
  });

  it('does not treat slow typing as a scan and never suppresses it', () => {
    const decisions = type(new WedgeDetector(), '3017620422003\n', 1000, 120);
    expect(scans(decisions)).toEqual([]);
    expect(decisions.every((d) => !d.suppress)).toBe(true);
  });

  it('reads digits from key codes on an AZERTY layout', () => {
    const detector = new WedgeDetector({ minLength: 3 });
    const keys: WedgeKey[] = [
      { code: 'Digit1', key: '&', timeStamp: 0 },
      { code: 'Digit2', key: 'é', timeStamp: 5 },
      { code: 'Digit3', key: '"', timeStamp: 10 },
      { code: 'Enter', key: 'Enter', timeStamp: 15 },
    ];
    expect(scans(keys.map((k) => detector.handle(k)))).toEqual(['123']);
  });

  it('maps numpad digits, letters with shift and barcode punctuation', () => {
    expect(charForCode('Numpad7')).toBe('7');
    expect(charForCode('KeyQ', true)).toBe('Q');
    expect(charForCode('KeyQ')).toBe('q');
    expect(charForCode('Minus')).toBe('-');
    expect(charForCode('Semicolon')).toBeNull();
    const detector = new WedgeDetector();
    const keys: WedgeKey[] = [
      { code: 'ShiftLeft', key: 'Shift', timeStamp: 0 },
      ...[...'AB-1234'].map((c, i) => (c === '-' ? { code: 'Minus', key: '-', timeStamp: 2 + i * 4 } : usKey(c, 2 + i * 4))),
      { code: 'NumpadEnter', key: 'Enter', timeStamp: 40 },
    ];
    expect(scans(keys.map((k) => detector.handle(k)))).toEqual(['AB-1234']);
  });

  it('lets a configured key-code prefix start a scan whatever the timing', () => {
    const detector = new WedgeDetector({ prefix: 'F13' });
    const prefix = detector.handle({ code: 'F13', key: 'F13', timeStamp: 0 });
    const rest = type(detector, '42\n', 100, 100);
    expect(prefix.suppress).toBe(true);
    expect(rest.every((d) => d.suppress)).toBe(true);
    expect(scans(rest)).toEqual(['42']);
    // Afterwards the detector is back to normal: slow typing passes.
    expect(type(detector, '12', 2000, 200).every((d) => !d.suppress)).toBe(true);
  });

  it('lets a character prefix start a scan, matched on event.key', () => {
    const detector = new WedgeDetector({ prefix: '$' });
    const decisions = [detector.handle({ code: 'Digit4', key: '$', timeStamp: 0 }), ...type(detector, '987\n', 60, 60)];
    expect(scans(decisions)).toEqual(['987']);
    expect(decisions.every((d) => d.suppress)).toBe(true);
  });

  it('abandons a prefixed scan that stalls', () => {
    const detector = new WedgeDetector({ prefix: 'F13', prefixTimeoutMs: 500 });
    detector.handle({ code: 'F13', key: 'F13', timeStamp: 0 });
    const late = detector.handle(usKey('1', 2000));
    expect(late.suppress).toBe(false);
    expect(scans(type(detector, '2\n', 3000, 300))).toEqual([]);
  });

  it('resets a partial burst: a pause splits it, and only the new run counts', () => {
    const detector = new WedgeDetector();
    const first = type(detector, '1234', 0, 10);
    // 200 ms pause, then a complete fast scan.
    const second = type(detector, '99887766\n', 240, 10);
    expect(scans([...first, ...second])).toEqual(['99887766']);
  });

  it('does not scan a burst that is too short, nor one whose Enter comes late', () => {
    expect(scans(type(new WedgeDetector(), '12345\n', 0, 10))).toEqual([]);
    const late = new WedgeDetector();
    type(late, '1234567', 0, 10);
    const enter = late.handle(usKey('\n', 900));
    expect(enter).toEqual({ suppress: false, scan: null });
  });

  it('breaks a burst on a key it cannot map, on a shortcut chord and on auto-repeat', () => {
    const unmapped = new WedgeDetector();
    type(unmapped, '1', 0, 5);
    expect(unmapped.handle({ code: 'Semicolon', key: ';', timeStamp: 5 }).suppress).toBe(false);
    expect(scans(type(unmapped, '23456\n', 10, 5))).toEqual([]);

    const chord = new WedgeDetector();
    type(chord, '1234', 0, 5);
    expect(chord.handle({ code: 'KeyC', key: 'c', ctrlKey: true, timeStamp: 25 }).suppress).toBe(false);

    const held = new WedgeDetector();
    const repeats = [0, 30, 60, 90].map((t) => held.handle({ code: 'Digit1', key: '1', timeStamp: t, repeat: t > 0 }));
    expect(repeats.every((d) => !d.suppress)).toBe(true);
  });

  it('honours a configured suffix and timing', () => {
    const detector = new WedgeDetector({ suffix: 'Tab', maxGapMs: 50, minLength: 4 });
    const decisions = [...type(detector, '1234', 0, 45), detector.handle({ code: 'Tab', key: 'Tab', timeStamp: 180 })];
    expect(scans(decisions)).toEqual(['1234']);
    expect(detector.handle({ code: 'Enter', key: 'Enter', timeStamp: 1000 }).scan).toBeNull();
  });

  it('keeps a scan whole when the PC stalls once the run is clearly a scanner', () => {
    const detector = new WedgeDetector();
    const head = type(detector, '5012345', 0, 5);
    // 120 ms pause (a busy main thread), then the rest of the barcode and Enter.
    const tail = type(detector, '001258\n', 150, 5);
    expect(scans([...head, ...tail])).toEqual(['5012345001258']);
    expect(tail.every((d) => d.suppress)).toBe(true);
  });

  it('accepts the suffix after a stall, but not long after', () => {
    const detector = new WedgeDetector();
    type(detector, '5012345001258', 0, 5);
    expect(detector.handle(usKey('\n', 60 + 300))).toEqual({ suppress: true, scan: '5012345001258' });
    type(detector, '5012345001258', 1000, 5);
    expect(detector.handle(usKey('\n', 1060 + 900)).scan).toBeNull();
  });

  it('reports a scanner run holding a key no barcode contains instead of a wrong code', () => {
    const detector = new WedgeDetector();
    const decisions = [
      ...type(detector, '123', 0, 5),
      detector.handle({ code: 'Slash', key: '/', timeStamp: 15 }),
      ...type(detector, '4567\n', 20, 5),
    ];
    expect(scans(decisions)).toEqual([]);
    expect(decisions.at(-1)).toEqual({ suppress: true, scan: null, unreadable: true });
  });

  it("does not let a human's slow typing continue a short fast run", () => {
    const detector = new WedgeDetector();
    // Three keys in a roll-over burst (the third is held back), then normal typing.
    type(detector, 'abc', 0, 10);
    const typing = type(detector, 'defg', 150, 150);
    expect(typing.every((d) => !d.suppress)).toBe(true);
  });
});
