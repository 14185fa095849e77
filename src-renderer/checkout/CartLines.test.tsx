import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CartLine, type Cart } from '../../src-shared/domain/cart';
import type { Minor } from '../../src-shared/money';
import { createMoneyFormatter, translate, translatePlural } from '../../src-shared/i18n/index';
import { AppContext, type AppContextValue } from '../app/app-context';
import { CartLines } from './CartLines';

const m = (value: number) => value as Minor;
const line = (id: string, name: string, quantity: number, unit: number, extra: Partial<CartLine> = {}) =>
  CartLine.parse({ id, productId: `p-${id}`, sku: `SKU-${id}`, name, quantity, unitPriceMinor: m(unit), taxRateBp: 2000, lineTotalMinor: m(unit * quantity), ...extra });
const cart: Cart = {
  id: 'cart-1',
  lines: [line('a', 'Apple Juice 1L', 2, 120), line('b', 'Baked <Beans>', 1, 95)],
  totals: { itemCount: 3, subtotalMinor: m(335), taxMinor: m(56), totalMinor: m(335), taxes: [], discountMinor: m(0), cartDiscountMinor: m(0), taxExempt: false, exemptTaxMinor: m(0) },
  lastLineId: 'b',
  discount: null,
  taxExempt: false,
  note: null,
};

function render(value: Cart | null, selected: string | null = null): string {
  const store = { locale: 'en-GB', currency: 'GBP', currencyDigits: 2 };
  const context = {
    info: { store },
    language: 'en',
    t: (key, params) => translate('en', key, params),
    plural: (base, count) => translatePlural('en', base, count),
    money: createMoneyFormatter(store),
  } as Partial<AppContextValue> as AppContextValue;
  return renderToStaticMarkup(
    <AppContext value={context}>
      <CartLines cart={value} selectedLineId={selected} onSelect={() => undefined} onSetQuantity={() => undefined} onRemove={() => undefined} />
    </AppContext>,
  );
}

const classesById = (html: string) => [...html.matchAll(/<li class="([^"]+)" data-testid="cart-line" data-line-id="([^"]+)"/g)].map((x) => [x[2], x[1]]);

describe('CartLines (server-rendered, no DOM)', () => {
  it('renders one cart-line per line with its id, and highlights only the newest', () => {
    const html = render(cart);
    expect(classesById(html)).toEqual([
      ['a', 'cart-line'],
      ['b', 'cart-line cart-line-newest'],
    ]);
    expect(html).toContain('£2.40');
    expect(html).toContain('£0.95');
  });

  it('outlines the selected line only', () => {
    expect(classesById(render(cart, 'a'))).toEqual([
      ['a', 'cart-line cart-line-selected'],
      ['b', 'cart-line cart-line-newest'],
    ]);
    expect(render(cart, 'a').match(/data-selected="true"/g)).toHaveLength(1);
  });

  it('escapes product names and disables minus at quantity 1', () => {
    const html = render(cart);
    expect(html).toContain('Baked &lt;Beans&gt;');
    expect(html).not.toContain('<Beans>');
    expect(html).toMatch(/aria-label="One less Baked &lt;Beans&gt;" disabled=""/);
  });

  it('says what was done to a line: discount with its amount, changed price, note (escaped)', () => {
    const edited = line('c', 'Cola 2L', 2, 200, {
      lineTotalMinor: m(360), discount: { kind: 'percent', bp: 1000 }, discountMinor: m(40), catalogPriceMinor: m(225), note: 'no <ice>',
    });
    const html = render({ ...cart, lines: [edited], lastLineId: 'c' });
    expect(html).toContain('Discount 10%: −£0.40');
    expect(html).toContain('Price changed (was £2.25)');
    expect(html).toContain('Note: no &lt;ice&gt;');
    expect(html).toContain('£3.60');
  });

  it('invites a scan when the cart is empty', () => {
    expect(render({ ...cart, lines: [], lastLineId: null })).toContain(translate('en', 'cart.empty'));
  });
});
