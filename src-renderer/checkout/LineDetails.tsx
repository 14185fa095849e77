import { useMemo } from 'react';
import type { CartLine, Discount } from '../../src-shared/domain/cart';
import { useApp } from '../app/app-context';

/**
 * "10 %" or "£0.50": a discount as the cashier gave it, in the store's locale. The percent format
 * is made once per locale and only when a percentage is shown: an `Intl.NumberFormat` costs a
 * fraction of a millisecond to build, and every cart line renders this hook.
 */
export function useDiscountLabel(): (discount: Discount) => string {
  const { info, money } = useApp();
  const { locale } = info.store;
  return useMemo(() => {
    let percent: Intl.NumberFormat | null = null;
    // Display only: basis points / 10 000 never feeds back into arithmetic.
    return (discount: Discount) => {
      if (discount.kind !== 'percent') return money(discount.amountMinor);
      percent ??= new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
      return percent.format(discount.bp / 10_000);
    };
  }, [locale, money]);
}

/** What was done to a line, under its name: weight, price change, discount, note. */
export function LineDetails({ line }: { line: CartLine }) {
  const { t, money, info } = useApp();
  const discountLabel = useDiscountLabel();
  const items: { key: string; text: string; tone?: 'saving' | 'changed' | 'note' }[] = [];
  if (line.weightGrams !== null) {
    const kg = new Intl.NumberFormat(info.store.locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(line.weightGrams / 1000);
    items.push({ key: 'weight', text: t('line.weighed', { weight: kg, price: money(line.unitPriceMinor) }) });
  }
  if (line.catalogPriceMinor !== null) {
    items.push({ key: 'price', text: t('line.priceChanged', { price: money(line.catalogPriceMinor) }), tone: 'changed' });
  }
  if (line.discount !== null) {
    items.push({ key: 'discount', text: t('line.discount', { what: discountLabel(line.discount), amount: money(line.discountMinor) }), tone: 'saving' });
  }
  if (line.note !== null) items.push({ key: 'note', text: t('line.note', { note: line.note }), tone: 'note' });
  if (items.length === 0) return null;
  return (
    <span className="line-details">
      {items.map((item) => (
        <span key={item.key} className={item.tone ? `line-detail line-detail-${item.tone}` : 'line-detail'} data-testid={`line-${item.key}`}>
          {item.text}
        </span>
      ))}
    </span>
  );
}
