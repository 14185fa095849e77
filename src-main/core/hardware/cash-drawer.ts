/** Why a drawer opened: a cash sale, a permitted "no sale", or a test from the device settings. */
export type DrawerReason = 'sale' | 'noSale' | 'test';

/** How the kick went out: `ESC p` in the data stream, or the real-time `DLE DC4` form. */
export type DrawerKick = 'escp' | 'realtime';

/**
 * A cash drawer behind a receipt printer's drawer connector. `open` is bounded by the printer's
 * timeouts and throws when the kick could not be sent.
 */
export interface CashDrawer {
  open(reason: DrawerReason): Promise<DrawerKick>;
  /** The drawer sensor through its configured polarity; `null` without a sensor or an answer. */
  isOpen(): Promise<boolean | null>;
}
