/**
 * Keyboard-wedge barcode scanner detection, as pure logic over key events (no DOM here, so it is
 * tested with synthetic timestamps). A wedge scanner "types" the barcode as key presses, so the
 * detector decides per key whether it belongs to a scan and whether it must be kept away from
 * the focused field.
 *
 * Rules, in order (docs ARCHITECTURE.md §6 "prefix/suffix first, timing second"):
 * 1. Prefix: when a prefix is configured (a key code such as `F13`, or a character such as `$`),
 *    the prefix starts scan mode whatever the timing; every key up to the suffix is held back.
 * 2. Timing: a run of at least `minLength` mapped keys, each at most `maxGapMs` after the
 *    previous one, followed by the suffix, is a scan. Once a run is that long (no person types
 *    six keys 30 ms apart) a pause up to `stallTimeoutMs` no longer splits it, so a busy PC does
 *    not cut a barcode in two. A run that short of `minLength` is cut by any slow key: a stall
 *    inside the first keys yields a shorter code, which the core's check-digit validation refuses.
 *
 * Characters come from `event.code` (the physical key), not `event.key`: a scanner emulating a US
 * keyboard on a French AZERTY PC sends the Digit1 key, which the layout turns into "&"; the code
 * still says Digit1 (LESSONS.md: AZERTY turns `112` into `&&é`).
 * https://developer.mozilla.org/en-US/docs/Web/API/UI_Events/Keyboard_event_code_values
 *
 * Trade-off of timing detection: nobody can know that a key starts a scan until the next keys
 * arrive. The first `passThrough` keys of a run (default 2) always reach the focused field;
 * from the next fast key on, keys are held back (default prevented). If the run then turns out to
 * be human typing (a slow key, a key we do not map, a too-short run before the suffix), the held
 * keys are dropped, not replayed: replaying synthetic key events into a field is unreliable
 * (untrusted events do not type text). Two human key presses within 30 ms happen (roll-over),
 * three in a row almost never, hence 2. Callers clear the search box on a scan to remove the
 * leaked first characters. A configured prefix has no such leak.
 */

export interface WedgeConfig {
  /** A key that starts every scan (`event.code` like `F13`, or `event.key` like `$`); null = none. */
  readonly prefix: string | null;
  /** The key that ends every scan (`event.code` or `event.key`); `Enter` also matches `NumpadEnter`. */
  readonly suffix: string;
  /** Shortest barcode recognised by timing (EAN-8 is 8; 6 leaves room for short internal codes). */
  readonly minLength: number;
  /** Longest gap between two keys of a scan, in milliseconds. */
  readonly maxGapMs: number;
  /** How many keys of a fast run reach the focused field before the rest is held back. */
  readonly passThrough: number;
  /** A prefixed scan that stalls longer than this is abandoned (a prefix key pressed by hand). */
  readonly prefixTimeoutMs: number;
  /**
   * Once a run has `minLength` fast keys it can only be a scanner, so a later pause up to this
   * long (the PC stalled, not the scanner) continues it instead of splitting it into two.
   */
  readonly stallTimeoutMs: number;
}

export const DEFAULT_WEDGE_CONFIG: WedgeConfig = {
  prefix: null,
  suffix: 'Enter',
  minLength: 6,
  maxGapMs: 30,
  passThrough: 2,
  prefixTimeoutMs: 500,
  stallTimeoutMs: 500,
};

/** The parts of a `KeyboardEvent` the detector reads. */
export interface WedgeKey {
  readonly code: string;
  readonly key: string;
  /** `event.timeStamp`, in milliseconds. */
  readonly timeStamp: number;
  readonly shiftKey?: boolean;
  readonly ctrlKey?: boolean;
  readonly altKey?: boolean;
  readonly metaKey?: boolean;
  /** Auto-repeat of a held key: typing, never a scanner. */
  readonly repeat?: boolean;
}

export interface WedgeDecision {
  /** Prevent the default action and stop the event: the key belongs to a (probable) scan. */
  readonly suppress: boolean;
  /** The barcode, when this key completed a scan. */
  readonly scan: string | null;
  /** A scan ended but held a key no barcode contains (a scanner set to another keyboard layout?). */
  readonly unreadable?: boolean;
}

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock']);
const PUNCTUATION_CODES: Readonly<Record<string, string>> = {
  Minus: '-',
  NumpadSubtract: '-',
  Period: '.',
  NumpadDecimal: '.',
};

/** The barcode character of a physical key, or null for a key a barcode cannot contain. */
export function charForCode(code: string, shiftKey = false): string | null {
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(code);
  if (digit) return digit[1] ?? null;
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter?.[1]) return shiftKey ? letter[1] : letter[1].toLowerCase();
  return PUNCTUATION_CODES[code] ?? null;
}

/** Stands in the buffer for a key a barcode cannot contain, inside a run that is clearly a scanner's. */
const UNREADABLE = '\u0000';
const NO: WedgeDecision = { suppress: false, scan: null };
const HOLD: WedgeDecision = { suppress: true, scan: null };

export class WedgeDetector {
  private readonly config: WedgeConfig;
  private buffer = '';
  private lastTime = Number.NEGATIVE_INFINITY;
  private prefixed = false;

  constructor(config: Partial<WedgeConfig> = {}) {
    this.config = { ...DEFAULT_WEDGE_CONFIG, ...config };
  }

  /** Feeds one keydown; says whether to suppress it and whether it completed a scan. */
  handle(event: WedgeKey): WedgeDecision {
    if (MODIFIER_KEYS.has(event.key)) return this.prefixed ? HOLD : NO;
    const gap = event.timeStamp - this.lastTime;
    if (this.prefixed) return this.handlePrefixed(event, gap);
    if (this.config.prefix !== null && this.matches(event, this.config.prefix)) {
      this.reset();
      this.prefixed = true;
      this.lastTime = event.timeStamp;
      return HOLD;
    }
    return this.handleTimed(event, gap);
  }

  /** Forgets any run in progress (e.g. when the window loses focus). */
  reset(): void {
    this.buffer = '';
    this.lastTime = Number.NEGATIVE_INFINITY;
    this.prefixed = false;
  }

  private handlePrefixed(event: WedgeKey, gap: number): WedgeDecision {
    if (gap > this.config.prefixTimeoutMs) {
      this.reset();
      return this.handle(event);
    }
    this.lastTime = event.timeStamp;
    if (this.isSuffix(event)) {
      const code = this.buffer;
      this.reset();
      return { suppress: true, scan: code === '' ? null : code };
    }
    const char = charForCode(event.code, event.shiftKey);
    if (char !== null) this.buffer += char;
    return HOLD;
  }

  private handleTimed(event: WedgeKey, gap: number): WedgeDecision {
    const { maxGapMs, minLength, passThrough, stallTimeoutMs } = this.config;
    const established = this.buffer.length >= minLength;
    if (this.isSuffix(event)) {
      const code = this.buffer;
      this.reset();
      if (!established || gap > stallTimeoutMs) return NO;
      return code.includes(UNREADABLE) ? { suppress: true, scan: null, unreadable: true } : { suppress: true, scan: code };
    }
    if (event.repeat || event.ctrlKey || event.altKey || event.metaKey) {
      this.reset();
      return NO;
    }
    const char = charForCode(event.code, event.shiftKey);
    const continues = gap <= maxGapMs || (established && gap <= stallTimeoutMs);
    if (char === null && !(continues && this.buffer.length >= passThrough)) {
      this.reset();
      return NO;
    }
    if (!continues) this.buffer = '';
    this.buffer += char ?? UNREADABLE;
    this.lastTime = event.timeStamp;
    return this.buffer.length > passThrough ? HOLD : NO;
  }

  private isSuffix(event: WedgeKey): boolean {
    if (this.config.suffix === 'Enter' && event.code === 'NumpadEnter') return true;
    return this.matches(event, this.config.suffix);
  }

  private matches(event: WedgeKey, spec: string): boolean {
    return event.code === spec || event.key === spec;
  }
}
