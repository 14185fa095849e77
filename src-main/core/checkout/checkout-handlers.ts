import type { HandlerSlice } from '../../../src-shared/contract';
import type { DiscountInput } from '../../../src-shared/contract/checkout-contract';
import type { Discount } from '../../../src-shared/domain/cart';
import type { StoreInfo } from '../../../src-shared/domain/store';
import type { StoreSettings } from '../../../src-shared/domain/store-settings';
import { minor } from '../../../src-shared/money';
import { quickCashAmounts, stillDue } from '../../../src-shared/pricing/settle';
import type { CartService } from '../cart/cart-service';
import type { ParkedCarts } from '../cart/parked-carts';
import type { CatalogService } from '../catalog/catalog-service';

type CheckoutMethods =
  | 'cart.setLineDiscount' | 'cart.setCartDiscount' | 'cart.overridePrice' | 'cart.setNote' | 'cart.setTaxExempt'
  | 'cart.park' | 'cart.listParked' | 'cart.resume' | 'cart.deleteParked' | 'catalog.quickKeys' | 'checkout.settings' | 'checkout.due';

const toDiscount = (input: DiscountInput | null): Discount | null =>
  input === null ? null : input.kind === 'percent' ? input : { kind: 'amount', amountMinor: minor(input.amountMinor) };

export interface CheckoutHandlerDeps {
  cart: CartService;
  parked: ParkedCarts;
  catalog: CatalogService;
  store: StoreInfo;
  settings: StoreSettings;
}

export const checkoutHandlers = ({ cart, parked, catalog, store, settings }: CheckoutHandlerDeps): HandlerSlice<CheckoutMethods> => ({
  'cart.setLineDiscount': ({ lineId, discount }) => cart.setLineDiscount(lineId, toDiscount(discount)),
  'cart.setCartDiscount': ({ discount }) => cart.setCartDiscount(toDiscount(discount)),
  'cart.overridePrice': ({ lineId, unitPriceMinor }) => cart.overridePrice(lineId, unitPriceMinor),
  'cart.setNote': ({ lineId, note }) => cart.setNote(lineId, note),
  'cart.setTaxExempt': ({ taxExempt }) => cart.setTaxExempt(taxExempt),
  'cart.park': ({ note }) => parked.park(note),
  'cart.listParked': () => parked.list(),
  'cart.resume': ({ parkedId }) => parked.resume(parkedId),
  'cart.deleteParked': ({ parkedId, reason }) => parked.delete(parkedId, reason),
  'catalog.quickKeys': async ({ perCategory }) => ({
    categories: await catalog.quickKeys(perCategory ?? settings.quickKeys.perCategory, settings.quickKeys.pinned),
  }),
  'checkout.settings': async () => ({
    pricesIncludeTax: store.pricesIncludeTax,
    taxRounding: settings.taxRounding,
    cashRounding: settings.cashRounding,
    discountThresholdBp: settings.discountThresholdBp,
    cashNotesMinor: settings.cashNotesMinor,
    tenders: settings.tenders,
    receiptWidthChars: settings.receipt.widthChars,
  }),
  'checkout.due': async ({ payments }) => {
    const current = await cart.get();
    const total = current.totals.totalMinor;
    const due = stillDue(total, payments, settings.cashRounding);
    return {
      cartId: current.id,
      totalMinor: total,
      paidMinor: minor(payments.reduce((sum, p) => sum + p.amountMinor, 0)),
      exactMinor: minor(due.exactMinor),
      cashMinor: minor(due.cashMinor),
      quickCashMinor: quickCashAmounts(due.cashMinor, settings.cashNotesMinor).map(minor),
    };
  },
});
