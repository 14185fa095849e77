/**
 * The canonical encoding that audit and sale hashes are computed over: JSON with object keys
 * sorted by code unit, no whitespace, `undefined` members left out — the JSON Canonicalization
 * Scheme (RFC 8785, https://www.rfc-editor.org/rfc/rfc8785) for the values we hash (strings,
 * integers, booleans, null, arrays, plain objects). Pure, so the centre can verify the same bytes.
 */
export type CanonicalValue = string | number | boolean | null | readonly CanonicalValue[] | { readonly [key: string]: CanonicalValue | undefined };

export function canonicalJson(value: CanonicalValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    // Only finite numbers exist in JSON; RFC 8785 number form is ES's Number.prototype.toString.
    if (!Number.isFinite(value)) throw new RangeError('A hashed value must be a finite number.');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item: CanonicalValue) => canonicalJson(item)).join(',')}]`;
  const record = value as { readonly [key: string]: CanonicalValue | undefined };
  const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key] as CanonicalValue)}`).join(',')}}`;
}
