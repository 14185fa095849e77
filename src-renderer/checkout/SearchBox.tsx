import { memo, useEffect, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import type { ProductSummary } from '../../src-shared/domain/catalog';
import { useApp } from '../app/app-context';
import type { SearchPrefill } from './use-checkout';
import { useProductSearch } from './use-product-search';

interface SearchBoxProps {
  readonly inputRef: Ref<HTMLInputElement>;
  /** Bumped by the screen to empty the box (after a scan, whose first keys may have landed here). */
  readonly resetToken: number;
  /** A barcode nobody knows, shown in the box so the cashier can search or correct it. */
  readonly prefill: SearchPrefill | null;
  onAdd(product: ProductSummary): Promise<boolean>;
  /** Digits then `*` (or ×, numpad *): the quantity for the selected line. */
  onQuantity(text: string): void;
  /** Shown under the box while it is empty (the quick keys). */
  readonly whenEmpty?: ReactNode;
}

/**
 * Product search: type-ahead, ↑/↓ to choose, Enter or click to add; the box empties on success.
 * Digits then `*` set the selected line's quantity. With no results, ↑/↓ are left to the cart.
 */
export const SearchBox = memo(function SearchBox({ inputRef, resetToken, prefill, onAdd, onQuantity, whenEmpty }: SearchBoxProps) {
  const { client, t, money } = useApp();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const results = useProductSearch(client, query);
  const products = results?.products ?? [];

  useEffect(() => {
    setQuery('');
  }, [resetToken]);
  useEffect(() => setSelected(0), [results]);
  useEffect(() => {
    if (prefill) setQuery(prefill.text);
  }, [prefill]);

  const add = async (product: ProductSummary | undefined) => {
    if (product && (await onAdd(product))) setQuery('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && products.length > 0) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setSelected((index) => (index + step + products.length) % products.length);
    } else if ((event.key === '*' || event.key === '×' || event.code === 'NumpadMultiply') && /^\d*$/.test(query.trim())) {
      event.preventDefault();
      onQuantity(query.trim());
      setQuery('');
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void add(products[selected]);
    } else if (event.key === 'Escape' && query !== '') {
      event.stopPropagation();
      setQuery('');
    }
  };

  const showNoResults = results !== null && products.length === 0 && query.trim() !== '';
  return (
    <div className="search">
      <label className="search-label" htmlFor="product-search">
        {t('search.label')}
      </label>
      <input
        id="product-search"
        ref={inputRef}
        className="search-input"
        type="search"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('search.placeholder')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
        aria-controls="search-results"
        aria-activedescendant={products.length > 0 ? `search-result-${selected}` : undefined}
        data-testid="search-input"
      />
      {showNoResults && <p className="search-empty">{t('search.noResults', { query: query.trim() })}</p>}
      {products.length > 0 && (
        <>
          <ul id="search-results" className="search-results" role="listbox" aria-label={t('search.label')}>
            {products.map((product, index) => (
              <li
                key={product.id}
                id={`search-result-${index}`}
                role="option"
                aria-selected={index === selected}
                className={index === selected ? 'search-result search-result-selected' : 'search-result'}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => void add(product)}
                data-testid="search-result"
                data-product-id={product.id}
              >
                <span className="search-result-name">
                  {product.name}
                  {!product.active && <span className="search-result-inactive"> {t('search.inactive')}</span>}
                </span>
                <span className="search-result-sku">{product.sku}</span>
                <span className="amount search-result-price">{money(product.priceMinor)}</span>
              </li>
            ))}
          </ul>
          <p className="search-hint">{t('search.hint')}</p>
        </>
      )}
      {query.trim() === '' && whenEmpty}
    </div>
  );
});
