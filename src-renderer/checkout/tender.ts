import type { PaymentInput } from '../../src-shared/contract/sale-contract';
import type { Tender } from '../../src-shared/domain/sale';
import type { CashRounding } from '../../src-shared/domain/store-settings';
import { parseMajorAmount, type MessageKey } from '../../src-shared/i18n/index';
import { minor } from '../../src-shared/money';
import { settle, stillDue } from '../../src-shared/pricing/settle';

/** The contract's limit on payments per sale (`sale.complete`). */
export const MAX_PAYMENTS = 10;

/** What the amount field of the payment screen says right now, and what Enter would do. */
export interface TenderEvaluation {
  /** Still to pay after the payments taken: exactly (card, mobile, credit) and in cash (rounded). */
  readonly due: { readonly exactMinor: number; readonly cashMinor: number };
  /** What the chosen tender may still take (cash: the rounded cash due). */
  readonly remainingMinor: number;
  /** The payments taken already settle the sale: Enter completes it. */
  readonly paidUp: boolean;
  /** The typed amount in minor units, when it is one. */
  readonly amountMinor: number | null;
  /** Cash given back once the typed cash covers the cash due. */
  readonly changeMinor: number | null;
  /** What the typed amount leaves unpaid. */
  readonly shortMinor: number | null;
  /** `complete`: Enter completes the sale with `payments`; `add`: Enter adds `payment` to the split. */
  readonly action: { kind: 'complete'; payments: PaymentInput[] } | { kind: 'add'; payment: PaymentInput } | null;
  /** Why Enter does nothing (shown at once for a wrong amount, after a try for a missing reference). */
  readonly messageKey: MessageKey | null;
}

export interface TenderInput {
  readonly totalMinor: number;
  readonly payments: readonly PaymentInput[];
  readonly rounding: CashRounding;
  readonly method: Tender;
  readonly amountText: string;
  readonly reference: string;
  readonly locale: string;
  readonly digits: number;
}

/**
 * The payment screen's rules, pure: only cash may exceed what is due (it gives change); card,
 * mobile money and store credit take at most the exact remainder and need a reference; cash that
 * covers the (rounded) cash due completes the sale, less cash is a partial payment of a split.
 * Mirrors `settle` in src-shared/pricing/settle.ts, which `sale.complete` applies again.
 */
export function evaluateTender(input: TenderInput): TenderEvaluation {
  const { totalMinor, payments, rounding, method, amountText, reference, locale, digits } = input;
  const due = stillDue(totalMinor, payments, rounding);
  const remainingMinor = method === 'cash' ? due.cashMinor : due.exactMinor;
  const settled = settle(totalMinor, payments, rounding);
  const paidUp = payments.length > 0 && settled.ok;
  const base = { due, remainingMinor, paidUp, amountMinor: null, changeMinor: null, shortMinor: null, action: null, messageKey: null };
  if (paidUp) return { ...base, action: { kind: 'complete', payments: [...payments] } };
  // Only reachable if the total fell under the card payments taken: remove one (nothing more can be added).
  if (!settled.ok && settled.code === 'TENDER_OVER') return { ...base, messageKey: 'tender.over' };

  const parsed = parseMajorAmount(amountText, locale, digits);
  if (!parsed.ok) return { ...base, messageKey: parsed.reason === 'empty' ? null : `tender.invalid.${parsed.reason}` };
  const amountMinor = parsed.minor;
  if (amountMinor === 0) return { ...base, amountMinor, messageKey: 'tender.zero' };
  const full = payments.length + 1 >= MAX_PAYMENTS;

  if (method === 'cash') {
    const payment: PaymentInput = { tender: 'cash', amountMinor: minor(amountMinor) };
    if (amountMinor >= due.cashMinor) {
      return { ...base, amountMinor, changeMinor: amountMinor - due.cashMinor, action: { kind: 'complete', payments: [...payments, payment] } };
    }
    return { ...base, amountMinor, shortMinor: due.cashMinor - amountMinor, action: full ? null : { kind: 'add', payment }, messageKey: full ? 'tender.tooMany' : null };
  }
  if (amountMinor > due.exactMinor) return { ...base, amountMinor, messageKey: 'tender.over' };
  const shortMinor = due.exactMinor - amountMinor;
  const ref = reference.trim();
  if (ref === '') return { ...base, amountMinor, shortMinor, messageKey: 'tender.referenceRequired' };
  if (ref.length > 64 || !/^[\x20-\x7e]+$/.test(ref)) return { ...base, amountMinor, shortMinor, messageKey: 'tender.referenceInvalid' };
  if (full && shortMinor > 0) return { ...base, amountMinor, shortMinor, messageKey: 'tender.tooMany' };
  return { ...base, amountMinor, shortMinor, action: { kind: 'add', payment: { tender: method, amountMinor: minor(amountMinor), reference: ref } } };
}

/**
 * The receipt SVG as an image URL. An SVG shown through `<img>` cannot run script or fetch
 * anything (https://www.w3.org/TR/SVG2/conform.html#secure-static-mode), unlike inlined markup;
 * CSP allows `img-src data:` (src-main/security/content-security-policy.ts).
 */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
