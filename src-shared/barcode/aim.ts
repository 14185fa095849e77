/**
 * AIM symbology identifiers (ISO/IEC 15424): a scanner may prefix what it decoded with `]cm`,
 * where `c` names the symbology and `m` a modifier. HID-POS scanners report them in the
 * "Symbology Identifier 1–3" usages; serial and keyboard scanners send them in the data when
 * configured to. We keep the identifier (it says how to read the data) and never let it reach a
 * product lookup (LESSONS.md: scans that keep prefixes).
 */

export type SymbologyFamily =
  | 'ean-upc' | 'ean-8' | 'code-128' | 'gs1-128' | 'code-39' | 'itf' | 'gs1-databar'
  | 'data-matrix' | 'gs1-data-matrix' | 'qr' | 'gs1-qr' | 'pdf417' | 'other';

/** Identifier → family, for the identifiers a till meets. Unknown ones are `other`. */
const KNOWN: Readonly<Record<string, SymbologyFamily>> = {
  ']E0': 'ean-upc', // EAN-13, UPC-A or UPC-E, no add-on
  ']E1': 'ean-upc', // two-digit add-on alone
  ']E2': 'ean-upc', // five-digit add-on alone
  ']E3': 'ean-upc', // EAN-13/UPC-A/UPC-E followed by its add-on
  ']E4': 'ean-8',
  ']C0': 'code-128',
  ']C1': 'gs1-128', // FNC1 in first position: GS1 element strings
  ']A0': 'code-39',
  ']A1': 'code-39',
  ']I0': 'itf',
  ']I1': 'itf',
  ']e0': 'gs1-databar',
  ']d1': 'data-matrix',
  ']d2': 'gs1-data-matrix',
  ']Q1': 'qr',
  ']Q3': 'gs1-qr',
  ']L0': 'pdf417',
};

const AIM = /^\][A-Za-z][0-9A-Za-z]/;

/** Splits a leading AIM identifier off `data`: `]E05012345000015` → `{ id: ']E0', rest: '5012…' }`. */
export function splitAim(data: string): { id: string | null; rest: string } {
  const match = AIM.exec(data);
  return match ? { id: match[0], rest: data.slice(3) } : { id: null, rest: data };
}

export function symbologyFamily(id: string | null): SymbologyFamily | null {
  if (id === null) return null;
  return KNOWN[id] ?? 'other';
}

/** Symbologies whose data are GS1 element strings (application identifiers). */
export const isGs1ElementString = (family: SymbologyFamily | null): boolean =>
  family === 'gs1-128' || family === 'gs1-databar' || family === 'gs1-data-matrix' || family === 'gs1-qr';
