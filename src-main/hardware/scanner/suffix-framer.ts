/**
 * Cuts a byte stream from a serial or TCP scanner into barcodes. A serial scanner sends
 * `[prefix] data suffix` per barcode (suffix CR by default on most scanners, configurable), and
 * the OS hands the bytes over in whatever chunks it likes: one barcode can arrive in three reads,
 * or two barcodes in one. Frames are split on the suffix; the prefix, when configured, is removed.
 */

/** Names for the framing characters scanner manuals use. */
const NAMED: Readonly<Record<string, string>> = {
  CR: '\r', LF: '\n', CRLF: '\r\n', TAB: '\t', STX: '\x02', ETX: '\x03', EOT: '\x04', NONE: '',
};

/** Reads a framing setting: a name (`CR`, `CRLF`, `ETX` …), `\xNN` escapes, or literal text. */
export function parseFraming(spec: string): string {
  const named = NAMED[spec.toUpperCase()];
  if (named !== undefined) return named;
  return spec.replace(/\\x([0-9a-fA-F]{2})|\\r|\\n|\\t/g, (m, hex: string | undefined) =>
    hex ? String.fromCharCode(parseInt(hex, 16)) : m === '\\r' ? '\r' : m === '\\n' ? '\n' : '\t');
}

export interface SuffixFramerOptions {
  /** The bytes that end every barcode (after parseFraming): `\r`, `\r\n` … */
  suffix: string;
  /** The bytes the scanner sends before every barcode, removed when present. */
  prefix?: string;
  /** A frame longer than this is noise (a scanner set to another suffix): dropped. */
  maxFrameBytes?: number;
  /** A partial frame older than this when new bytes arrive is dropped (a glitch, a replug). */
  staleMs?: number;
  now?: () => number;
}

export class SuffixFramer {
  private buffer = Buffer.alloc(0);
  private lastAt = 0;
  private readonly suffix: Buffer;
  private readonly prefix: string;
  private readonly maxFrameBytes: number;
  private readonly staleMs: number;
  private readonly now: () => number;

  constructor(options: SuffixFramerOptions) {
    if (options.suffix === '') throw new RangeError('a serial scanner needs a suffix to end each barcode');
    this.suffix = Buffer.from(options.suffix, 'latin1');
    this.prefix = options.prefix ?? '';
    this.maxFrameBytes = options.maxFrameBytes ?? 4_096;
    this.staleMs = options.staleMs ?? 2_000;
    this.now = options.now ?? Date.now;
  }

  /** Feeds a chunk; returns the barcodes it completed, in order. */
  push(chunk: Uint8Array): string[] {
    const now = this.now();
    if (this.buffer.length > 0 && now - this.lastAt > this.staleMs) this.buffer = Buffer.alloc(0);
    this.lastAt = now;
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const frames: string[] = [];
    for (let end = this.buffer.indexOf(this.suffix); end >= 0; end = this.buffer.indexOf(this.suffix)) {
      const frame = this.buffer.subarray(0, end);
      this.buffer = this.buffer.subarray(end + this.suffix.length);
      const code = this.clean(frame.toString('latin1'));
      if (code !== '' && frame.length <= this.maxFrameBytes) frames.push(code);
    }
    if (this.buffer.length > this.maxFrameBytes) this.buffer = Buffer.alloc(0);
    return frames;
  }

  reset(): void {
    this.buffer = Buffer.alloc(0);
  }

  /** Removes the prefix and stray line ends (a scanner sending CRLF to a port set to CR). */
  private clean(frame: string): string {
    let code = frame.replace(/^[\r\n]+|[\r\n]+$/g, '');
    if (this.prefix !== '' && code.startsWith(this.prefix)) code = code.slice(this.prefix.length);
    return code;
  }
}
