import { useEffect, useState } from 'react';
import type { ProductSummary } from '../../src-shared/domain/catalog';
import type { Client } from '../transport/client';

/** Search runs this long after the last keystroke: fast enough to feel live, few enough calls to stay cheap. */
export const SEARCH_DEBOUNCE_MS = 80;
const RESULT_LIMIT = 8;

export type SearchResults = { query: string; products: readonly ProductSummary[] };

/**
 * Type-ahead over `catalog.search`, debounced. Answers for an older query are dropped, so results
 * never flash back to what was typed before (the effect's cleanup marks them stale).
 */
export function useProductSearch(client: Client, query: string): SearchResults | null {
  const [results, setResults] = useState<SearchResults | null>(null);
  const trimmed = query.trim();

  useEffect(() => {
    if (trimmed === '') {
      setResults(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      client.call('catalog.search', { query: trimmed.slice(0, 100), limit: RESULT_LIMIT }).then(
        (products) => {
          if (current) setResults({ query: trimmed, products });
        },
        () => {
          if (current) setResults({ query: trimmed, products: [] });
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, trimmed]);

  return results;
}
