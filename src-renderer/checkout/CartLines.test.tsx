import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Cart } from '../../src-shared/domain/cart';
import type { Minor } from '../../src-shared/money';
import { createMoneyFormatter, translate, translatePlural } from '../../src-shared/i18n/index';
import { AppContext, type AppContextValue } from '../app/app-context';
import { CartLines } from './CartLines';

const m = (value: number) => value as Minor;
const line = (id: string, name: string, quantity: number, unit: number) => ({
  id, productId: `p-${id}`, sku: `SKU-${id}`, name, quantity, unitPriceMinor: m(unit), taxRateBp: 2000, lineTotalMinor: m(unit * quantity),
});
const cart: Cart = {
  id: 'cart-1',
  lines: [line('a', 'Apple Juice 1L', 2, 120), line('b', 'Baked <Beans>', 1, 95)],
  totals: { itemCount: 3, subtotalMinor: m(335), taxMinor: m(56), totalMinor: m(335), taxes: [] },
  lastLineId: 'b',
};

function render(value: Cart | null): string {
  const context = {
    language: 'en',
    t: (key, params) => translate('en', key, params),
    plural: (base, count) => translatePlural('en', base, count),
    money: createMoneyFormatter({ locale: 'en-GB', currency: 'GBP', currencyDigits: 2 }),
  } as Partial<AppContextValue> as AppContextValue;
  return renderToStaticMarkup(
    <AppContext value={context}>
      <CartLines cart={value} onSetQuantity={() => undefined} onRemove={() => undefined} />
    </AppContext>,
  );
}

describe('CartLines (server-rendered, no DOM)', () => {
  it('renders one cart-line per line with its id, and highlights only the newest', () => {
    const html = render(cart);
    const lines = [...html.matchAll(/<li class="([^"]+)" data-testid="cart-line" data-line-id="([^"]+)"/g)].map((x) => [x[2], x[1]]);
    expect(lines).toEqual([
      ['a', 'cart-line'],
      ['b', 'cart-line cart-line-newest'],
    ]);
    expect(html).toContain('£2.40');
    expect(html).toContain('£0.95');
  });

  it('escapes product names and disables minus at quantity 1', () => {
    const html = render(cart);
    expect(html).toContain('Baked &lt;Beans&gt;');
    expect(html).not.toContain('<Beans>');
    expect(html).toMatch(/aria-label="One less Baked &lt;Beans&gt;" disabled=""/);
  });

  it('invites a scan when the cart is empty', () => {
    expect(render({ ...cart, lines: [], lastLineId: null })).toContain(translate('en', 'cart.empty'));
  });
});
