import { z } from 'zod';

/**
 * The people, cash and control settings of the store, kept in the local store (table `setting`,
 * one row per key, beside the checkout settings under the key `checkout`), editable in admin mode
 * now and authored centrally later. Every key has a default. The discount threshold is a checkout
 * setting (src-shared/domain/store-settings.ts `discountThresholdBp`).
 */
export const ControlSettings = z.object({
  /** Checkout, cash and returns need a signed-in person. The demo store starts with false until the sign-in screen exists. */
  requireSignIn: z.boolean(),
  /** A sale needs an open shift. The demo store starts with false until the shift screens exist. */
  requireShift: z.boolean(),
  /** Seconds without activity before the session locks itself (the cart is kept). */
  idleLockSeconds: z.number().int().min(15).max(3_600),
  /** A close whose count is off by more than this (minor units) on any tender needs `shift.approveVariance`. */
  varianceThresholdMinor: z.number().int().min(0).max(100_000_00),
}).strict();
export type ControlSettings = z.infer<typeof ControlSettings>;

export const DEFAULT_CONTROL_SETTINGS: ControlSettings = {
  requireSignIn: true,
  requireShift: true,
  idleLockSeconds: 120,
  varianceThresholdMinor: 500,
};

/** Suggested reason codes per purpose; any code of the same form is accepted. */
export const REASON_CODES = {
  override: ['customerService', 'priceMatch', 'damagedItem', 'staffError', 'managerDiscretion'],
  return: ['damaged', 'wrongItem', 'notAsDescribed', 'changedMind', 'other'],
  void: ['wrongItems', 'customerCancelled', 'paymentProblem', 'training'],
  payIn: ['change', 'floatTopUp', 'other'],
  payOut: ['supplies', 'supplierPayment', 'refundOutsideTill', 'other'],
  drop: ['safeDrop', 'bankDeposit'],
} as const;

export const ReasonCode = z.string().trim().min(1).max(40).regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'a reason code is letters, digits, _ . and -');
export type ReasonCode = z.infer<typeof ReasonCode>;
