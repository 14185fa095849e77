/**
 * Splits an ESC/POS byte stream into commands, text and line feeds, incrementally (bytes arrive
 * in arbitrary TCP chunks). Command lengths follow the Epson ESC/POS reference
 * (https://download4.epson.biz/sec_pubs/pos/reference_en/escpos/): the tokenizer knows where each
 * command's parameters and data end, so bytes inside an image are never read as commands.
 */

export type Token =
  | { type: 'text'; bytes: Buffer }
  | { type: 'lf' }
  | { type: 'control'; byte: number }
  /** `name` is readable: `ESC a`, `GS ( k`, `GS 8 L`, `DLE EOT`. `args` are the bytes after the name. */
  | { type: 'command'; name: string; args: Buffer; raw: Buffer };

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const LF = 0x0a;

/** Bytes needed after the prefix byte; `undefined` while more input is needed. `name` describes it. */
type Measure = (buf: Buffer, at: number) => { length: number; name: string } | undefined;

const char = (b: number | undefined) => (b === undefined ? '?' : b >= 0x21 && b <= 0x7e ? String.fromCharCode(b) : `0x${b.toString(16).padStart(2, '0')}`);

/** A command of `n` fixed parameter bytes after a two-byte name. */
const fixed = (buf: Buffer, at: number, prefix: string, n: number) =>
  buf.length >= at + 2 + n ? { length: 2 + n, name: `${prefix} ${char(buf[at + 1])}` } : undefined;

/** `<name> pL pH data…` (GS ( x, FS ( x): two-byte length after the function letter. */
const lengthPrefixed = (buf: Buffer, at: number, prefix: string) => {
  if (buf.length < at + 5) return undefined;
  const length = 5 + buf[at + 3]! + buf[at + 4]! * 256;
  return buf.length >= at + length ? { length, name: `${prefix} ( ${char(buf[at + 2])}` } : undefined;
};

const escLengths: Record<string, number> = {
  '@': 0, a: 1, E: 1, M: 1, t: 1, '-': 1, '2': 0, '3': 1, '{': 1, ' ': 1, d: 1, J: 1, '!': 1, G: 1, R: 1,
  V: 1, r: 1, $: 2, '\\': 2, p: 3, i: 0, m: 0, U: 1, L: 0, S: 0, T: 1, W: 8, B: 2, e: 1, K: 1, '=': 1, '%': 1, c: 2,
};
const gsLengths: Record<string, number> = {
  '!': 1, B: 1, L: 2, W: 2, r: 1, a: 1, I: 1, h: 1, w: 1, H: 1, f: 1, '/': 1, E: 1, P: 2, b: 1, $: 2, '\\': 2, T: 1, '^': 3,
};
const fsLengths: Record<string, number> = { C: 1, '.': 0, '&': 0, '-': 1, S: 2, '!': 1, p: 2, W: 1 };

const measureEsc: Measure = (buf, at) => {
  const c = buf[at + 1];
  if (c === undefined) return undefined;
  const key = String.fromCharCode(c);
  if (key === '*') {
    if (buf.length < at + 5) return undefined;
    const m = buf[at + 2]!;
    const columns = buf[at + 3]! + buf[at + 4]! * 256;
    const length = 5 + columns * (m >= 32 ? 3 : 1);
    return buf.length >= at + length ? { length, name: 'ESC *' } : undefined;
  }
  if (key === 'D') {
    const end = buf.indexOf(0, at + 2);
    return end < 0 ? undefined : { length: end - at + 1, name: 'ESC D' };
  }
  return fixed(buf, at, 'ESC', escLengths[key] ?? 0);
};

const measureGs: Measure = (buf, at) => {
  const c = buf[at + 1];
  if (c === undefined) return undefined;
  const key = String.fromCharCode(c);
  if (key === '(') return lengthPrefixed(buf, at, 'GS');
  if (key === 'V') {
    const m = buf[at + 2];
    if (m === undefined) return undefined;
    return fixed(buf, at, 'GS', [65, 66, 97, 98, 103, 104].includes(m) ? 2 : 1);
  }
  if (key === '8') {
    // GS 8 L p1 p2 p3 p4 …: a four-byte length (the large form of GS ( L).
    if (buf.length < at + 7) return undefined;
    const length = 7 + buf.readUInt32LE(at + 3);
    return buf.length >= at + length ? { length, name: `GS 8 ${char(buf[at + 2])}` } : undefined;
  }
  if (key === 'v') {
    // GS v 0 m xL xH yL yH d…: raster bit image, (xL + xH·256) bytes × (yL + yH·256) rows.
    if (buf.length < at + 8) return undefined;
    const length = 8 + (buf[at + 4]! + buf[at + 5]! * 256) * (buf[at + 6]! + buf[at + 7]! * 256);
    return buf.length >= at + length ? { length, name: 'GS v 0' } : undefined;
  }
  if (key === 'k') {
    const m = buf[at + 2];
    if (m === undefined) return undefined;
    if (m <= 6) {
      const end = buf.indexOf(0, at + 3);
      return end < 0 ? undefined : { length: end - at + 1, name: 'GS k' };
    }
    const n = buf[at + 3];
    if (n === undefined) return undefined;
    return buf.length >= at + 4 + n ? { length: 4 + n, name: 'GS k' } : undefined;
  }
  return fixed(buf, at, 'GS', gsLengths[key] ?? 0);
};

const measureFs: Measure = (buf, at) => {
  const c = buf[at + 1];
  if (c === undefined) return undefined;
  const key = String.fromCharCode(c);
  if (key === '(') return lengthPrefixed(buf, at, 'FS');
  return fixed(buf, at, 'FS', fsLengths[key] ?? 0);
};

const measureDle: Measure = (buf, at) => {
  const c = buf[at + 1];
  if (c === undefined) return undefined;
  if (c === 0x04) return buf.length >= at + 3 ? { length: 3, name: 'DLE EOT' } : undefined;
  if (c === 0x05) return buf.length >= at + 3 ? { length: 3, name: 'DLE ENQ' } : undefined;
  if (c === 0x14) return buf.length >= at + 5 ? { length: 5, name: 'DLE DC4' } : undefined;
  return { length: 2, name: `DLE ${char(c)}` };
};

const measures: Record<number, Measure> = { [ESC]: measureEsc, [GS]: measureGs, [FS]: measureFs, [DLE]: measureDle };

export class EscPosTokenizer {
  private pending = Buffer.alloc(0);

  /** Tokens complete so far; an incomplete command waits for the next chunk. */
  push(chunk: Uint8Array): Token[] {
    const buf = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : Buffer.from(chunk);
    const out: Token[] = [];
    let at = 0;
    while (at < buf.length) {
      const byte = buf[at]!;
      const measure = measures[byte];
      if (measure) {
        const found = measure(buf, at);
        if (!found) break;
        const raw = buf.subarray(at, at + found.length);
        out.push({ type: 'command', name: found.name, args: Buffer.from(raw.subarray(found.name.split(' ').length >= 3 && !found.name.startsWith('DLE') ? 3 : 2)), raw: Buffer.from(raw) });
        at += found.length;
      } else if (byte === LF) {
        out.push({ type: 'lf' });
        at += 1;
      } else if (byte < 0x20) {
        out.push({ type: 'control', byte });
        at += 1;
      } else {
        let end = at;
        while (end < buf.length && buf[end]! >= 0x20) end++;
        out.push({ type: 'text', bytes: Buffer.from(buf.subarray(at, end)) });
        at = end;
      }
    }
    this.pending = Buffer.from(buf.subarray(at));
    return out;
  }
}
