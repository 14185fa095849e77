import { commands } from 'receiptline';

/**
 * Bytes 0x80-0xFF back to characters, per ESC t code page, for the simulator's decoder.
 * The tables are receiptline's own "multilingual" mapping run backwards (every character it can
 * print, through `multiconv`), so what it encodes always decodes to the same character; pages it
 * never picks fall back to the WHATWG decoders (windows-1252 for page 16, ibm866 for 17).
 * Page 1 (Katakana on Epson) is where receiptline draws its rules: 0x95 is "─", 0x96 "│".
 */
type PageTable = Map<number, string>;

let tables: Map<number, PageTable> | undefined;

interface MultiConv {
  multiconv(text: string): string;
}

function build(): Map<number, PageTable> {
  const out = new Map<number, PageTable>();
  const escpos = commands.escpos as unknown as MultiConv;
  for (let code = 0xa0; code < 0x2600; code++) {
    const encoded = escpos.multiconv(String.fromCodePoint(code));
    if (encoded.length !== 4 || encoded.charCodeAt(0) !== 0x1b || encoded[1] !== 't') continue;
    const page = encoded.charCodeAt(2);
    const table = out.get(page) ?? new Map<number, string>();
    const byte = encoded.charCodeAt(3);
    if (!table.has(byte)) table.set(byte, String.fromCodePoint(code));
    out.set(page, table);
  }
  return out;
}

const fallbackDecoders: Record<number, string> = { 16: 'windows-1252', 17: 'ibm866' };
const rules: Record<number, string> = { 0x95: '─', 0x96: '│', 0x90: '┴', 0x91: '┬', 0x8f: '┼', 0x98: '├', 0x99: '┤', 0x9a: '├', 0x9b: '┤', 0x9c: '┌', 0x9d: '┐', 0x9e: '└', 0x9f: '┘' };

export function decodeByte(page: number, byte: number): string {
  if (byte < 0x80) return String.fromCharCode(byte);
  if (page === 1) return rules[byte] ?? '?';
  tables ??= build();
  const found = tables.get(page)?.get(byte);
  if (found) return found;
  const label = fallbackDecoders[page];
  return label ? new TextDecoder(label).decode(Uint8Array.of(byte)) : '?';
}
