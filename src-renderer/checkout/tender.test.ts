import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PaymentInput } from '../../src-shared/contract/sale-contract';
import { minor } from '../../src-shared/money';
import { settle } from '../../src-shared/pricing/settle';
import { evaluateTender, svgDataUrl, type TenderInput } from './tender';

const noRounding = { incrementMinor: 1, mode: 'nearest' } as const;
const base: TenderInput = { totalMinor: 1230, payments: [], rounding: noRounding, method: 'cash', amountText: '', reference: '', locale: 'en-GB', digits: 2 };
const card = (amount: number, reference = 'A1'): PaymentInput => ({ tender: 'card', amountMinor: minor(amount), reference });

describe('evaluateTender: cash', () => {
  it('completes when the cash covers the total and shows the change, in integers', () => {
    const e = evaluateTender({ ...base, amountText: '20' });
    expect(e).toMatchObject({ changeMinor: 770, shortMinor: null, messageKey: null });
    expect(e.action).toEqual({ kind: 'complete', payments: [{ tender: 'cash', amountMinor: 2000 }] });
    expect(evaluateTender({ ...base, amountText: '12,30', locale: 'fr-FR' }).changeMinor).toBe(0);
  });

  it('takes less cash as a partial payment of a split, and says what is left', () => {
    const e = evaluateTender({ ...base, amountText: '5' });
    expect(e).toMatchObject({ shortMinor: 730, changeMinor: null, action: { kind: 'add', payment: { tender: 'cash', amountMinor: 500 } } });
  });

  it('explains an amount that is not one, and does nothing', () => {
    expect(evaluateTender({ ...base, amountText: 'abc' })).toMatchObject({ action: null, messageKey: 'tender.invalid.invalid' });
    expect(evaluateTender({ ...base, amountText: '0' })).toMatchObject({ action: null, messageKey: 'tender.zero' });
    expect(evaluateTender({ ...base, amountText: '' })).toMatchObject({ action: null, messageKey: null });
  });

  it('asks for the rounded cash due when the store rounds cash (0.05, nearest)', () => {
    const rounding = { incrementMinor: 5, mode: 'nearest' } as const;
    const e = evaluateTender({ ...base, totalMinor: 1232, rounding, amountText: '12.30' });
    expect(e.due).toEqual({ exactMinor: 1232, cashMinor: 1230 });
    expect(e.action?.kind).toBe('complete');
  });
});

describe('evaluateTender: card, mobile money, store credit', () => {
  it('never takes more than what is left (no change from a card)', () => {
    expect(evaluateTender({ ...base, method: 'card', amountText: '12.31', reference: 'X' })).toMatchObject({ action: null, messageKey: 'tender.over' });
  });

  it('needs the approval reference, printable and at most 64 characters', () => {
    expect(evaluateTender({ ...base, method: 'card', amountText: '12.30' })).toMatchObject({ action: null, messageKey: 'tender.referenceRequired' });
    expect(evaluateTender({ ...base, method: 'mobile', amountText: '1', reference: 'é' })).toMatchObject({ action: null, messageKey: 'tender.referenceInvalid' });
    expect(evaluateTender({ ...base, method: 'card', amountText: '10', reference: ' 0042 ' }).action).toEqual({ kind: 'add', payment: card(1000, '0042') });
  });

  it('a split of card and cash: the card part, then the rest in cash with change', () => {
    const afterCard = evaluateTender({ ...base, payments: [card(1000)], amountText: '5' });
    expect(afterCard.due).toEqual({ exactMinor: 230, cashMinor: 230 });
    expect(afterCard.action).toEqual({ kind: 'complete', payments: [card(1000), { tender: 'cash', amountMinor: 500 }] });
    expect(afterCard.changeMinor).toBe(270);
  });

  it('is paid up once non-cash payments cover the total exactly: Enter completes', () => {
    const e = evaluateTender({ ...base, payments: [card(1000), { tender: 'mobile', amountMinor: minor(230), reference: 'M' }] });
    expect(e.paidUp).toBe(true);
    expect(e.action?.kind).toBe('complete');
  });
});

describe('evaluateTender agrees with settle (what sale.complete applies)', () => {
  it('whatever it offers to complete settles, with the same change', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500_00 }),
        fc.array(fc.integer({ min: 1, max: 200_00 }), { maxLength: 3 }),
        fc.integer({ min: 0, max: 600_00 }),
        fc.constantFrom(1, 5, 10),
        (total, cards, cashTyped, increment) => {
          const rounding = { incrementMinor: increment, mode: 'nearest' } as const;
          const payments = cards.map((amount) => card(amount));
          const e = evaluateTender({ ...base, totalMinor: total, payments, rounding, amountText: (cashTyped / 100).toFixed(2) });
          if (e.action?.kind !== 'complete') return;
          const result = settle(total, e.action.payments, rounding);
          expect(result.ok).toBe(true);
          if (result.ok && e.changeMinor !== null) expect(result.changeMinor).toBe(e.changeMinor);
        },
      ),
    );
  });
});

describe('svgDataUrl', () => {
  it('percent-encodes the SVG into a data URL that decodes back to it', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>#1 & "café" 100%</text></svg>';
    const url = svgDataUrl(svg);
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(url).not.toMatch(/[<>"#\s]/);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(svg);
  });
});
