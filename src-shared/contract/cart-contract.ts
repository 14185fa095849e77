import { z } from 'zod';
import { Cart } from '../domain/cart';
import { id, none } from './common';

/** A single line of the cart may hold at most this many units (a typo guard, not a business rule). */
export const MAX_LINE_QUANTITY = 9_999;

export const cartContract = {
  /** The cart in progress (persisted: it survives a crash of the terminal). */
  'cart.get': { input: none, output: Cart },
  /**
   * Adds the product with this barcode (quantity 1, or a pack's quantity; any form the normaliser
   * knows, and the store's in-store price/weight codes). `BARCODE_NOT_FOUND` (offer a search),
   * `BARCODE_INVALID` (misread: scan again), `PRODUCT_INACTIVE` (with the reason) otherwise.
   */
  'cart.scan': {
    input: z.object({ barcode: z.string().trim().min(1).max(64).regex(/^[0-9A-Za-z\-.]+$/, 'barcode may hold digits, letters, - and . only') }).strict(),
    output: Cart,
  },
  /** Adds a product found by search. */
  'cart.addLine': {
    input: z.object({ productId: id, quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY).default(1) }).strict(),
    output: Cart,
  },
  /** Sets a line's quantity (1 … MAX_LINE_QUANTITY); removing is its own call. */
  'cart.setQuantity': {
    input: z.object({ lineId: id, quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY) }).strict(),
    output: Cart,
  },
  'cart.removeLine': { input: z.object({ lineId: id }).strict(), output: Cart },
  /** Empties the cart in progress. */
  'cart.clear': { input: none, output: Cart },
} as const;
