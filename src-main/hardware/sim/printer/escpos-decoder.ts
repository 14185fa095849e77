import { decodeByte } from './code-pages';
import type { Token } from './escpos-tokenizer';

/** One run of text at a horizontal position (dots from the paper's left edge). */
export interface TextRun {
  x: number;
  text: string;
  bold: boolean;
  /** Character magnification (GS !): 1 to 8 each. */
  width: number;
  height: number;
}

/** A 1-bit image (GS 8 L / GS ( L, GS v 0): `rows[y][x]` is true for a black dot. */
export interface Raster {
  x: number;
  width: number;
  height: number;
  rows: boolean[][];
}

export type Block = { kind: 'text'; runs: TextRun[] } | { kind: 'image'; image: Raster };

export interface DecodedJob {
  /** Printed text, one string per printed line (rules become ─, columns keep their spacing). */
  lines: string[];
  blocks: Block[];
  /** Data of QR codes sent as GS ( k (receiptline sends its QR codes as images: see `blocks`). */
  qrCodes: string[];
  cuts: number;
  drawerKicks: { pin: 2 | 5; onMs: number; offMs: number }[];
}

/** Font A: 12 × 24 dots (TM-T88/T20 at 180/203 dpi). */
export const CHAR_WIDTH = 12;

/**
 * Interprets the tokens of one job the way a printer would lay them out: code page (ESC t),
 * emphasis (ESC E), size (GS !), alignment (ESC a), left margin and area (GS L, GS W), absolute
 * and relative positions (ESC $, ESC \), raster images and QR codes.
 */
export function decodeJob(tokens: readonly Token[], paperWidthDots: number): DecodedJob {
  const job: DecodedJob = { lines: [], blocks: [], qrCodes: [], cuts: 0, drawerKicks: [] };
  let page = 0;
  let bold = false;
  let scale = { width: 1, height: 1 };
  let align = 0;
  let margin = 0;
  let area = paperWidthDots;
  let x = 0;
  let runs: TextRun[] = [];
  let stored: Omit<Raster, 'x'> | undefined;
  let qrData: string | undefined;

  const endLine = () => {
    const aligned = alignRuns(runs, align, margin, area);
    job.blocks.push({ kind: 'text', runs: aligned });
    job.lines.push(lineText(aligned));
    runs = [];
    x = 0;
  };
  const placeImage = (image: Omit<Raster, 'x'>) => {
    const free = Math.max(0, area - image.width);
    const left = margin + (align === 1 ? Math.floor(free / 2) : align === 2 ? free : 0);
    job.blocks.push({ kind: 'image', image: { ...image, x: left } });
  };

  for (const token of tokens) {
    if (token.type === 'text') {
      let text = '';
      for (const byte of token.bytes) text += decodeByte(page, byte);
      runs.push({ x, text, bold, width: scale.width, height: scale.height });
      x += text.length * CHAR_WIDTH * scale.width;
    } else if (token.type === 'lf') {
      endLine();
    } else if (token.type === 'command') {
      const a = token.args;
      switch (token.name) {
        case 'ESC @': page = 0; bold = false; scale = { width: 1, height: 1 }; align = 0; margin = 0; area = paperWidthDots; break;
        case 'ESC t': page = a[0]!; break;
        case 'ESC E': bold = (a[0]! & 1) === 1; break;
        case 'GS !': scale = { width: (a[0]! >> 4) + 1, height: (a[0]! & 0x0f) + 1 }; break;
        case 'ESC a': align = a[0]! % 48; break;
        case 'GS L': margin = a[0]! + a[1]! * 256; break;
        case 'GS W': area = a[0]! + a[1]! * 256; break;
        case 'ESC $': x = a[0]! + a[1]! * 256; break;
        case 'ESC \\': x += a.readInt16LE(0); break;
        case 'ESC d': for (let i = 0; i < a[0]!; i++) endLine(); break;
        case 'ESC p': job.drawerKicks.push({ pin: a[0]! % 48 === 0 ? 2 : 5, onMs: a[1]! * 2, offMs: a[2]! * 2 }); break;
        case 'GS V': job.cuts += 1; break;
        case 'GS 8 L': stored = graphics(a.subarray(4)) ?? stored; break;
        case 'GS ( L': {
          const fn = a[3];
          if (fn === 112 || fn === 0x70) stored = graphics(a.subarray(2)) ?? stored;
          if ((fn === 50 || fn === 2) && stored) {
            placeImage(stored);
            stored = undefined;
          }
          break;
        }
        case 'GS v 0': placeImage(rasterV(a)); break;
        case 'GS ( k': {
          const [cn, fn] = [a[2], a[3]];
          if (cn === 49 && fn === 80) qrData = a.subarray(5).toString('latin1');
          if (cn === 49 && fn === 81 && qrData !== undefined) job.qrCodes.push(qrData);
          break;
        }
        default: break;
      }
    }
  }
  if (runs.length > 0) endLine();
  return job;
}

/** `m fn a bx by c xL xH yL yH d…` of GS 8 L / GS ( L fn 112: store a 1-bit raster graphic. */
function graphics(p: Buffer): Omit<Raster, 'x'> | undefined {
  if (p.length < 10 || p[1] !== 112) return undefined;
  const width = p[6]! + p[7]! * 256;
  const height = p[8]! + p[9]! * 256;
  return { width, height, rows: bitRows(p.subarray(10), width, height) };
}

function rasterV(a: Buffer): Omit<Raster, 'x'> {
  const bytesWide = a[1]! + a[2]! * 256;
  const height = a[3]! + a[4]! * 256;
  return { width: bytesWide * 8, height, rows: bitRows(a.subarray(5), bytesWide * 8, height) };
}

function bitRows(data: Buffer, width: number, height: number): boolean[][] {
  const stride = (width + 7) >> 3;
  return Array.from({ length: height }, (_, y) => Array.from({ length: width }, (_, x) => ((data[y * stride + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0));
}

/** ESC a moves whole lines that receiptline did not position itself (rare: it uses ESC $). */
function alignRuns(runs: TextRun[], align: number, margin: number, area: number): TextRun[] {
  const shifted = runs.map((r) => ({ ...r, x: r.x + margin }));
  if (align === 0 || shifted.length === 0) return shifted;
  const end = Math.max(...shifted.map((r) => r.x + r.text.length * CHAR_WIDTH * r.width));
  const free = Math.max(0, margin + area - end);
  const offset = align === 1 ? Math.floor(free / 2) : free;
  return shifted.map((r) => ({ ...r, x: r.x + offset }));
}

/** A line as text: runs at their character columns; a wide character is written once. */
function lineText(runs: readonly TextRun[]): string {
  let out = '';
  let column = 0;
  for (const run of [...runs].sort((p, q) => p.x - q.x)) {
    const at = Math.round(run.x / CHAR_WIDTH);
    if (at > column) out += ' '.repeat(at - column);
    else if (at < column && out.length > 0 && !out.endsWith(' ') && run.text.trim() !== '') out += ' ';
    out += run.text;
    column = Math.max(at, column) + run.text.length * run.width;
  }
  return out.trimEnd();
}
