/**
 * Turns what a cashier typed into a safe FTS5 query: every word becomes a quoted prefix term
 * (`"app"*`), joined by AND. Quoting means FTS5 syntax in the input (`NEAR`, `*`, `"`, `:`)
 * is never interpreted (https://sqlite.org/fts5.html#full_text_query_syntax).
 * Returns null when nothing searchable is left.
 */
export function toFtsPrefixQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replaceAll('"', '""')}"*`).join(' AND ');
}
