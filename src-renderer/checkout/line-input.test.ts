import { describe, expect, it } from 'vitest';
import { parseDiscountAmount, parseNote, parsePercentBp, parsePrice, parseQuantity } from './line-input';

describe('parseQuantity', () => {
  it('takes whole numbers from 1 to 9999', () => {
    expect(parseQuantity('3')).toEqual({ ok: true, value: 3 });
    expect(parseQuantity(' 0012 ')).toEqual({ ok: true, value: 12 });
    expect(parseQuantity('9999')).toEqual({ ok: true, value: 9999 });
  });

  it('refuses 0, absurd and non-numbers with the reason', () => {
    expect(parseQuantity('0')).toEqual({ ok: false, messageKey: 'input.quantity.zero' });
    expect(parseQuantity('000')).toEqual({ ok: false, messageKey: 'input.quantity.zero' });
    expect(parseQuantity('10000')).toEqual({ ok: false, messageKey: 'input.quantity.tooLarge' });
    expect(parseQuantity('1'.repeat(30))).toEqual({ ok: false, messageKey: 'input.quantity.tooLarge' });
    expect(parseQuantity('2.5')).toEqual({ ok: false, messageKey: 'input.quantity.invalid' });
    expect(parseQuantity('-1')).toEqual({ ok: false, messageKey: 'input.quantity.invalid' });
    expect(parseQuantity('')).toEqual({ ok: false, messageKey: 'input.quantity.empty' });
  });
});

describe('parsePercentBp', () => {
  it('reads percentages in the locale as basis points', () => {
    expect(parsePercentBp('10', 'en-GB')).toEqual({ ok: true, value: 1000 });
    expect(parsePercentBp('12,5', 'fr-FR')).toEqual({ ok: true, value: 1250 });
    expect(parsePercentBp('12.5 %', 'fr-FR')).toEqual({ ok: true, value: 1250 });
    expect(parsePercentBp('100', 'en-GB')).toEqual({ ok: true, value: 10_000 });
  });

  it('refuses more than 100 %, zero and too many decimals', () => {
    expect(parsePercentBp('100.01', 'en-GB')).toEqual({ ok: false, messageKey: 'input.percent.over100' });
    expect(parsePercentBp('150', 'en-GB')).toEqual({ ok: false, messageKey: 'input.percent.over100' });
    expect(parsePercentBp('0', 'en-GB')).toEqual({ ok: false, messageKey: 'input.discount.zero' });
    expect(parsePercentBp('1.234', 'en-GB')).toEqual({ ok: false, messageKey: 'input.percent.decimals' });
    expect(parsePercentBp('ten', 'en-GB')).toEqual({ ok: false, messageKey: 'input.percent.invalid' });
  });
});

describe('parseDiscountAmount and parsePrice', () => {
  it('bounds an amount discount by what it applies to', () => {
    expect(parseDiscountAmount('1.50', 'en-GB', 2, 310)).toEqual({ ok: true, value: 150 });
    expect(parseDiscountAmount('3.11', 'en-GB', 2, 310)).toEqual({ ok: false, messageKey: 'input.discount.overAmount' });
    expect(parseDiscountAmount('-1', 'en-GB', 2, 310)).toEqual({ ok: false, messageKey: 'tender.invalid.negative' });
  });

  it('allows a zero price but never a negative one', () => {
    expect(parsePrice('0', 'en-GB', 2)).toEqual({ ok: true, value: 0 });
    expect(parsePrice('1,99', 'fr-FR', 2)).toEqual({ ok: true, value: 199 });
    expect(parsePrice('-0.01', 'en-GB', 2)).toEqual({ ok: false, messageKey: 'tender.invalid.negative' });
  });
});

describe('parseNote', () => {
  it('keeps one printable line of at most 200 characters', () => {
    expect(parseNote('  gift wrap ')).toEqual({ ok: true, value: 'gift wrap' });
    expect(parseNote('a\nb')).toEqual({ ok: false, messageKey: 'input.note.invalid' });
    expect(parseNote('x'.repeat(201))).toEqual({ ok: false, messageKey: 'input.note.tooLong' });
    expect(parseNote('   ')).toEqual({ ok: false, messageKey: 'input.note.empty' });
  });
});
