import { useState } from 'react';
import type { CheckoutSettings } from '../../src-shared/contract/checkout-contract';
import type { PaymentInput } from '../../src-shared/contract/sale-contract';
import type { Tender } from '../../src-shared/domain/sale';
import { formatMajorPlain } from '../../src-shared/i18n/index';
import { quickCashAmounts, stillDue } from '../../src-shared/pricing/settle';
import { useApp } from '../app/app-context';
import { evaluateTender } from './tender';

/**
 * The payment screen's state: the split so far, the tender being taken, what was typed. Card,
 * mobile and credit start with the exact remainder filled in (the usual case: "the rest on card").
 */
export function useTender(totalMinor: number, settings: CheckoutSettings, onComplete: (payments: PaymentInput[]) => void) {
  const { info } = useApp();
  const [payments, setPayments] = useState<PaymentInput[]>([]);
  const [method, setMethod] = useState<Tender>('cash');
  const [amountText, setAmountText] = useState('');
  const [reference, setReference] = useState('');
  const [tried, setTried] = useState(false);
  const { locale, currencyDigits } = info.store;
  const evaluation = evaluateTender({
    totalMinor, payments, rounding: settings.cashRounding, method, amountText, reference, locale, digits: currencyDigits,
  });

  const prefillFor = (tender: Tender, taken: readonly PaymentInput[]) => {
    const due = stillDue(totalMinor, taken, settings.cashRounding);
    setAmountText(tender === 'cash' || due.exactMinor === 0 ? '' : formatMajorPlain(due.exactMinor, info.store));
    setReference('');
    setTried(false);
  };

  return {
    payments,
    method,
    amountText,
    reference,
    evaluation,
    /** The reference message waits for a first try; an amount that cannot be taken shows at once. */
    messageKey: evaluation.messageKey === 'tender.referenceRequired' && !tried ? null : evaluation.messageKey,
    quickCash: quickCashAmounts(evaluation.due.cashMinor, settings.cashNotesMinor),
    setAmountText: (text: string) => {
      setAmountText(text);
      setTried(false);
    },
    setReference,
    choose(tender: Tender) {
      if (!settings.tenders.includes(tender) || evaluation.paidUp) return;
      setMethod(tender);
      prefillFor(tender, payments);
    },
    quick(amountMinor: number) {
      setMethod('cash');
      setAmountText(formatMajorPlain(amountMinor, info.store));
    },
    /** Enter: complete when that settles the sale, otherwise add the payment to the split. */
    submit() {
      setTried(true);
      const { action } = evaluation;
      if (!action) return;
      if (action.kind === 'complete') return onComplete(action.payments);
      const next = [...payments, action.payment];
      setPayments(next);
      setMethod('cash');
      prefillFor('cash', next);
    },
    remove(index: number) {
      const next = payments.filter((_, i) => i !== index);
      setPayments(next);
      prefillFor(method, next);
    },
  };
}

export type TenderModel = ReturnType<typeof useTender>;
