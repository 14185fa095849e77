import type { CartLine } from '../../src-shared/domain/cart';
import { CART_KEYS } from './checkout-keys';
import type { CheckoutDialog } from './CheckoutDialogs';
import { parseQuantity } from './line-input';
import type { Checkout } from './use-checkout';
import { useShortcuts } from './use-shortcuts';

interface CartKeysOptions {
  /** The cart view is showing (the payment and sale-done screens have their own keys). */
  readonly active: boolean;
  readonly checkout: Checkout;
  readonly lines: readonly CartLine[];
  readonly selected: CartLine | null;
  select(lineId: string): void;
  open(dialog: CheckoutDialog): void;
  /** What is typed in the search box: digits there then F2 or `*` set the quantity. */
  typedQuantity(): string;
  consumeTyped(): void;
  clear(): void;
  readonly canPay: boolean;
  back(): void;
}

/** The cart view's keys (checkout-keys.ts) and the line actions they share with the buttons. */
export function useCartKeys(options: CartKeysOptions) {
  const { active, checkout, lines, selected, select, open, typedQuantity, consumeTyped, clear, canPay, back } = options;
  const hasLines = lines.length > 0;

  const quantityFromText = (text: string) => {
    if (!selected) return checkout.refuse('checkout.noLine');
    if (text === '') return open('quantity');
    const parsed = parseQuantity(text);
    if (!parsed.ok) return checkout.refuse(parsed.messageKey);
    void checkout.setQuantity(selected.id, parsed.value);
  };
  const removeSelected = () => {
    if (selected) void checkout.removeLine(selected.id);
  };
  const toggleTaxExempt = () => {
    if (checkout.cart && hasLines) void checkout.setTaxExempt(!checkout.cart.taxExempt);
  };
  const move = (step: number) => () => {
    if (!hasLines) return;
    const index = selected ? lines.findIndex((line) => line.id === selected.id) : lines.length;
    select(lines[Math.min(lines.length - 1, Math.max(0, index + step))]!.id);
  };
  const onLine = (dialog: CheckoutDialog) => (selected ? () => open(dialog) : undefined);

  useShortcuts(
    active
      ? {
          [CART_KEYS.quantity]: selected
            ? () => {
                const typed = typedQuantity();
                if (/^\d+$/.test(typed)) consumeTyped();
                quantityFromText(/^\d+$/.test(typed) ? typed : '');
              }
            : undefined,
          [CART_KEYS.lineDiscount]: onLine('lineDiscount'),
          [CART_KEYS.price]: onLine('price'),
          [CART_KEYS.lineNote]: onLine('lineNote'),
          [CART_KEYS.remove]: selected ? removeSelected : undefined,
          [CART_KEYS.saleNote]: hasLines ? () => open('saleNote') : undefined,
          [CART_KEYS.cartDiscount]: hasLines ? () => open('cartDiscount') : undefined,
          [CART_KEYS.taxExempt]: hasLines ? toggleTaxExempt : undefined,
          [CART_KEYS.park]: () => open(hasLines ? 'park' : 'parked'),
          [CART_KEYS.parked]: () => open('parked'),
          [CART_KEYS.clear]: clear,
          [CART_KEYS.pay]: canPay ? checkout.openTender : undefined,
          NumpadAdd: canPay ? checkout.openTender : undefined,
          ArrowUp: move(-1),
          ArrowDown: move(1),
          Escape: back,
        }
      : {},
  );
  return { quantityFromText, removeSelected, toggleTaxExempt };
}
