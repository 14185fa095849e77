import { useEffect, useState } from 'react';
import type { QuickKeyCategory } from '../../src-shared/contract/checkout-contract';
import type { ProductSummary } from '../../src-shared/domain/catalog';
import { useApp } from '../app/app-context';
import { anyModalOpen } from '../components/modal-stack';

/**
 * The quick-keys grid (`catalog.quickKeys`): a tab per category and a button per product, for
 * items without a barcode (loose fruit, bakery). Shown while the search box is empty; PageUp /
 * PageDown change the category.
 */
export function QuickKeys({ onAdd }: { onAdd(product: ProductSummary): void }) {
  const { client, t, money } = useApp();
  const [categories, setCategories] = useState<readonly QuickKeyCategory[] | null>(null);
  const [active, setActive] = useState(0);

  useEffect(() => {
    let live = true;
    client.call('catalog.quickKeys', {}).then(
      ({ categories: list }) => live && setCategories(list),
      () => live && setCategories([]),
    );
    return () => {
      live = false;
    };
  }, [client]);
  const count = categories?.length ?? 0;
  useEffect(() => {
    if (count < 2) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || anyModalOpen() || (event.key !== 'PageDown' && event.key !== 'PageUp')) return;
      event.preventDefault();
      const step = event.key === 'PageDown' ? 1 : -1;
      setActive((index) => (index + step + count) % count);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [count]);

  if (!categories || categories.length === 0) return null;
  const category = categories[Math.min(active, categories.length - 1)]!;
  return (
    <div className="quick-keys" data-testid="quick-keys">
      <div className="quick-tabs" role="tablist" aria-label={t('quick.label')}>
        {categories.map((item, index) => (
          <button
            key={item.id}
            type="button"
            role="tab"
            className="quick-tab"
            aria-selected={item.id === category.id}
            onClick={() => setActive(index)}
            data-testid="quick-tab"
          >
            {item.name}
          </button>
        ))}
      </div>
      <div className="quick-grid" role="tabpanel" aria-label={category.name}>
        {category.products.map((product) => (
          <button key={product.id} type="button" className="quick-key" onClick={() => onAdd(product)} data-testid="quick-key" data-product-id={product.id}>
            <span className="quick-key-name">{product.name}</span>
            <span className="amount quick-key-price">{money(product.priceMinor)}</span>
          </button>
        ))}
      </div>
      <p className="search-hint">{t('quick.hint')}</p>
    </div>
  );
}
