import type { HandlerSlice } from '../../../src-shared/contract';
import type { CartService } from './cart-service';

type CartMethods = 'cart.get' | 'cart.scan' | 'cart.addLine' | 'cart.setQuantity' | 'cart.removeLine' | 'cart.clear';

export const cartHandlers = (cart: CartService): HandlerSlice<CartMethods> => ({
  'cart.get': () => cart.get(),
  'cart.scan': ({ barcode }) => cart.scan(barcode),
  'cart.addLine': ({ productId, quantity }) => cart.addLine(productId, quantity),
  'cart.setQuantity': ({ lineId, quantity }) => cart.setQuantity(lineId, quantity),
  'cart.removeLine': ({ lineId }) => cart.removeLine(lineId),
  'cart.clear': () => cart.clear(),
});
