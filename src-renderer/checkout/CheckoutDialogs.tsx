import type { CartLine } from '../../src-shared/domain/cart';
import { useApp } from '../app/app-context';
import { DiscountDialog } from './DiscountDialog';
import { NoteDialog } from './NoteDialog';
import { ParkDialog } from './ParkDialog';
import { ParkedList } from './ParkedList';
import { PriceDialog } from './PriceDialog';
import { QuantityDialog } from './QuantityDialog';
import type { Checkout } from './use-checkout';

export type CheckoutDialog = 'quantity' | 'lineDiscount' | 'price' | 'lineNote' | 'saleNote' | 'cartDiscount' | 'park' | 'parked';

interface CheckoutDialogsProps {
  readonly dialog: CheckoutDialog | null;
  readonly checkout: Checkout;
  readonly line: CartLine | null;
  onClose(): void;
}

/** The one dialog open over the checkout, wired to the cart call it makes. */
export function CheckoutDialogs({ dialog, checkout, line, onClose }: CheckoutDialogsProps) {
  const { t } = useApp();
  const { cart } = checkout;
  if (dialog === null || !cart) return null;
  switch (dialog) {
    case 'park':
      return <ParkDialog onPark={checkout.park} onClose={onClose} />;
    case 'parked':
      return <ParkedList cartHasLines={cart.lines.length > 0} onResume={checkout.resume} onClose={onClose} />;
    case 'saleNote':
      return <NoteDialog title={t('note.saleTitle')} current={cart.note} onSubmit={(note) => checkout.setNote(undefined, note)} onClose={onClose} />;
    case 'cartDiscount': {
      const lineDiscounts = cart.totals.discountMinor - cart.totals.cartDiscountMinor;
      return (
        <DiscountDialog
          title={t('discount.cartTitle')}
          baseMinor={cart.totals.subtotalMinor - lineDiscounts}
          current={cart.discount}
          onSubmit={checkout.setCartDiscount}
          onClose={onClose}
          testId="cart-discount-dialog"
        />
      );
    }
  }
  if (!line) return null;
  switch (dialog) {
    case 'quantity':
      return <QuantityDialog line={line} onSubmit={(quantity) => checkout.setQuantity(line.id, quantity)} onClose={onClose} />;
    case 'lineDiscount':
      return (
        <DiscountDialog
          title={t('discount.lineTitle', { name: line.name })}
          baseMinor={line.lineTotalMinor + line.discountMinor}
          current={line.discount}
          onSubmit={(discount) => checkout.setLineDiscount(line.id, discount)}
          onClose={onClose}
          testId="line-discount-dialog"
        />
      );
    case 'price':
      return <PriceDialog line={line} onSubmit={(price) => checkout.overridePrice(line.id, price)} onClose={onClose} />;
    case 'lineNote':
      return <NoteDialog title={t('note.lineTitle', { name: line.name })} current={line.note} onSubmit={(note) => checkout.setNote(line.id, note)} onClose={onClose} />;
  }
}
