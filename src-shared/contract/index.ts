import { z } from 'zod';
import { Cart } from '../domain/cart';
import { ProductSummary } from '../domain/catalog';
import { Sale, SaleSummary, Tender } from '../domain/sale';
import { StoreInfo, TerminalInfo } from '../domain/store';
import { Minor } from '../money';

export * from './envelope';

const none = z.object({}).strict();
const id = z.string().min(1).max(64);
/** A single line of the cart may hold at most this many units (a typo guard, not a business rule). */
export const MAX_LINE_QUANTITY = 9_999;

/**
 * The contract between the checkout UI and the terminal core: method name → input and output
 * schemas. Both hosts (Electron IPC and the loopback web host) carry exactly this object; handler
 * and client types are derived from it. Inputs are parsed with these schemas before a handler
 * runs; a bad input returns `INVALID_INPUT` and changes nothing.
 */
export const contract = {
  /** Who and where this terminal is, plus how much of the catalog it holds. Cheap; call at boot. */
  'app.info': {
    input: none,
    output: z.object({
      version: z.string(),
      store: StoreInfo,
      terminal: TerminalInfo,
      catalog: z.object({ products: z.number().int() }),
    }),
  },
  /** Ranked product search by name prefix, SKU or barcode (FTS5; never scans the catalog). */
  'catalog.search': {
    input: z.object({ query: z.string().trim().min(1).max(100), limit: z.number().int().min(1).max(50).default(20) }).strict(),
    output: z.array(ProductSummary),
  },
  /** The cart in progress (persisted: it survives a crash of the terminal). */
  'cart.get': { input: none, output: Cart },
  /** Adds the product with this barcode (quantity 1, or a pack's quantity). `BARCODE_NOT_FOUND` otherwise. */
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
  /**
   * Takes payment and completes the sale in one durable transaction: sale, lines, payments, stock
   * movements and the outbox event commit together, with the next gap-free receipt number.
   * `cartId` must be the cart the cashier saw (`CART_CHANGED` otherwise), so a double click or a
   * resend can never sell twice. `TENDER_SHORT` when the payments do not cover the total.
   */
  'sale.complete': {
    input: z.object({
      cartId: id,
      payments: z.array(z.object({ tender: Tender, amountMinor: Minor.refine((v) => v > 0 && v <= 100_000_000_00, 'amount must be positive and at most 100,000,000.00') })).min(1).max(10),
    }).strict(),
    output: Sale,
  },
  /** One completed sale, by id or by receipt number. */
  'sale.get': {
    input: z.union([z.object({ saleId: id }).strict(), z.object({ receiptNo: z.string().min(1).max(40) }).strict()]),
    output: Sale,
  },
  /** The most recent sales of this terminal, newest first. */
  'sale.listRecent': {
    input: z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict(),
    output: z.array(SaleSummary),
  },
  /** The receipt of a sale as SVG for the on-screen preview (receiptline). */
  'receipt.preview': {
    input: z.object({ saleId: id, copy: z.boolean().default(false) }).strict(),
    output: z.object({ svg: z.string(), receiptNo: z.string() }),
  },
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
/** What a caller may pass (defaults still optional). */
export type InputOf<M extends Method> = z.input<Contract[M]['input']>;
/** What a handler receives (after parsing and defaults). */
export type ParsedInputOf<M extends Method> = z.output<Contract[M]['input']>;
export type OutputOf<M extends Method> = z.output<Contract[M]['output']>;

/** One handler per method; `createCore` spreads feature slices into this and `satisfies` it. */
export type Handlers = { [M in Method]: (input: ParsedInputOf<M>) => Promise<OutputOf<M>> };
export type HandlerSlice<K extends Method> = Pick<Handlers, K>;

/** Push events from main to the renderer: `domain.pastTense`. */
export const events = {
  'cart.changed': Cart,
  'sale.completed': SaleSummary,
} as const;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const isMethod = (name: string): name is Method => Object.hasOwn(contract, name);

export { Minor };
export * from './domain-error';
