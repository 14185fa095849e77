import type { z } from 'zod';
import { Cart } from '../domain/cart';
import { SaleSummary } from '../domain/sale';
import { appContract } from './app-contract';
import { cartContract } from './cart-contract';
import { catalogContract } from './catalog-contract';
import { saleContract } from './sale-contract';
import { SyncStatus, syncContract } from './sync-contract';
import { DrawerLeftOpen, PrintJob, PrinterStatus, printingContract } from './printing-contract';
import { ScannerInfo, ScannerScanned, scannerContract } from './scanner-contract';
import { peopleContract } from './people-contract';
import { cashContract } from './cash-contract';
import { returnsContract } from './returns-contract';
import { checkoutContract } from './checkout-contract';

export * from './domain-error';
export * from './envelope';
export { MAX_LINE_QUANTITY } from './cart-contract';

/**
 * The contract between the checkout UI and the terminal core: method name → input and output
 * schemas, one slice per feature. Both hosts (Electron IPC and the loopback web host) carry
 * exactly this object; handler and client types are derived from it. Inputs are parsed with these
 * schemas before a handler runs; a bad input returns `INVALID_INPUT` and changes nothing.
 */
export const contract = {
  ...appContract,
  ...catalogContract,
  ...cartContract,
  ...saleContract,
  ...syncContract,
  ...printingContract,
  ...scannerContract,
  ...peopleContract,
  ...cashContract,
  ...returnsContract,
  ...checkoutContract,
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
  'sync.statusChanged': SyncStatus,
  'printer.statusChanged': PrinterStatus,
  'printer.jobChanged': PrintJob,
  'drawer.leftOpen': DrawerLeftOpen,
  'scanner.scanned': ScannerScanned,
  'scanner.statusChanged': ScannerInfo,
} as const;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const isMethod = (name: string): name is Method => Object.hasOwn(contract, name);
