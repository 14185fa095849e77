import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../contract/envelope';
import { en } from './en';
import { fr } from './fr';
import { createMoneyFormatter, decimalSeparator, formatMajorPlain, parseMajorAmount } from './money-format';
import { createDateFormatters } from './date-format';
import { errorMessageKey, languageForLocale, translate, translatePlural } from './translate';

describe('catalogs', () => {
  it('fr has exactly the keys of en, none empty', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const value of Object.values(fr)) expect(value.trim()).not.toBe('');
  });

  it('fr keeps every {placeholder} of en', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect({ key, names: placeholders(fr[key]) }).toEqual({ key, names: placeholders(en[key]) });
    }
  });

  it('every error code has a translated message in both languages', () => {
    for (const code of ErrorCode.options) {
      const key = errorMessageKey(code);
      expect(en[key]).toBeTruthy();
      expect(fr[key]).toBeTruthy();
      expect(fr[key]).not.toBe(en[key]);
    }
  });
});

describe('translate', () => {
  it('interpolates {name} and leaves unknown placeholders visible', () => {
    expect(translate('en', 'error.barcodeNotFound', { barcode: '3017620422003' })).toBe(
      'No product with barcode 3017620422003 — search by name instead',
    );
    expect(translate('fr', 'header.terminal', { code: 'T01' })).toBe('Caisse T01');
    expect(translate('en', 'header.terminal')).toBe('Till {code}');
  });

  it('picks plural forms per language', () => {
    expect(translatePlural('en', 'cart.items', 1)).toBe('1 item');
    expect(translatePlural('en', 'cart.items', 0)).toBe('0 items');
    expect(translatePlural('fr', 'cart.items', 0)).toBe('0 article');
    expect(translatePlural('fr', 'cart.items', 3)).toBe('3 articles');
  });

  it('maps store locales to a UI language', () => {
    expect(languageForLocale('fr-FR')).toBe('fr');
    expect(languageForLocale('fr-CA')).toBe('fr');
    expect(languageForLocale('fr')).toBe('fr');
    expect(languageForLocale('en-GB')).toBe('en');
    expect(languageForLocale('de-DE')).toBe('en');
    expect(languageForLocale('fy-NL')).toBe('en');
  });
});

describe('money formatting', () => {
  it('formats en-GB GBP', () => {
    const money = createMoneyFormatter({ locale: 'en-GB', currency: 'GBP', currencyDigits: 2 });
    expect(money(1250)).toBe('£12.50');
    expect(money(123456)).toBe('£1,234.56');
    expect(money(5)).toBe('£0.05');
  });

  it('formats fr-FR EUR with the separators Intl uses (narrow no-break spaces)', () => {
    const money = createMoneyFormatter({ locale: 'fr-FR', currency: 'EUR', currencyDigits: 2 });
    const intl = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
    expect(money(123456)).toBe(intl.format(1234.56));
    // Spelled out once so a wrong scale or a plain space cannot pass: 1 234,56 € with U+202F and U+00A0.
    expect(money(123456)).toBe('1\u202f234,56\u00a0€');
    expect(money(1250)).toMatch(/^12,50\s€$/u);
  });

  it('formats a zero-digit currency without decimals', () => {
    const money = createMoneyFormatter({ locale: 'ja-JP', currency: 'JPY', currencyDigits: 0 });
    expect(money(1500)).toBe(new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' }).format(1500));
  });

  it('formats plain major amounts for inputs', () => {
    expect(formatMajorPlain(123450, { locale: 'fr-FR', currency: 'EUR', currencyDigits: 2 })).toBe('1234,50');
    expect(formatMajorPlain(5, { locale: 'en-GB', currency: 'GBP', currencyDigits: 2 })).toBe('0.05');
  });

  it('knows the decimal separator of a locale', () => {
    expect(decimalSeparator('fr-FR')).toBe(',');
    expect(decimalSeparator('en-GB')).toBe('.');
  });
});

describe('parseMajorAmount', () => {
  it('parses the locale decimal separator into integer minor units', () => {
    expect(parseMajorAmount('12,50', 'fr-FR', 2)).toEqual({ ok: true, minor: 1250 });
    expect(parseMajorAmount('12.5', 'en-GB', 2)).toEqual({ ok: true, minor: 1250 });
    expect(parseMajorAmount('20', 'en-GB', 2)).toEqual({ ok: true, minor: 2000 });
    expect(parseMajorAmount(' 0,05 ', 'fr-FR', 2)).toEqual({ ok: true, minor: 5 });
    expect(parseMajorAmount('12.', 'en-GB', 2)).toEqual({ ok: true, minor: 1200 });
    expect(parseMajorAmount(',5', 'fr-FR', 2)).toEqual({ ok: true, minor: 50 });
    expect(parseMajorAmount('1000', 'ja-JP', 0)).toEqual({ ok: true, minor: 1000 });
  });

  it('accepts "." from the numeric keypad in French too', () => {
    expect(parseMajorAmount('12.50', 'fr-FR', 2)).toEqual({ ok: true, minor: 1250 });
  });

  it('is exact where float multiplication is not', () => {
    // 1.15 * 100 === 114.99999999999999 and 4.35 * 100 === 434.99999999999994 in IEEE 754.
    expect(parseMajorAmount('1.15', 'en-GB', 2)).toEqual({ ok: true, minor: 115 });
    expect(parseMajorAmount('4,35', 'fr-FR', 2)).toEqual({ ok: true, minor: 435 });
    expect(parseMajorAmount('999999.99', 'en-GB', 2)).toEqual({ ok: true, minor: 99_999_999 });
  });

  it('rejects what is not an amount, with a reason', () => {
    expect(parseMajorAmount('abc', 'en-GB', 2)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseMajorAmount('-1', 'en-GB', 2)).toEqual({ ok: false, reason: 'negative' });
    expect(parseMajorAmount('1.234', 'en-GB', 2)).toEqual({ ok: false, reason: 'too-many-decimals' });
    expect(parseMajorAmount('12,5', 'ja-JP', 0)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseMajorAmount('12.5', 'ja-JP', 0)).toEqual({ ok: false, reason: 'too-many-decimals' });
    expect(parseMajorAmount('', 'en-GB', 2)).toEqual({ ok: false, reason: 'empty' });
    expect(parseMajorAmount('.', 'en-GB', 2)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseMajorAmount('1.2.3', 'en-GB', 2)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseMajorAmount('1e3', 'en-GB', 2)).toEqual({ ok: false, reason: 'invalid' });
    // "," is grouping in English: refused rather than guessed as 1234 or 1.234.
    expect(parseMajorAmount('1,234', 'en-GB', 2)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseMajorAmount('100000000.01', 'en-GB', 2)).toEqual({ ok: false, reason: 'too-large' });
    expect(parseMajorAmount('99999999999999999999', 'en-GB', 2)).toEqual({ ok: false, reason: 'too-large' });
  });
});

describe('date formatting', () => {
  it('shows the store time zone, not the machine one', () => {
    const instant = new Date('2025-01-15T23:30:00Z');
    expect(createDateFormatters({ locale: 'fr-FR', timeZone: 'Europe/Paris' }).time(instant)).toBe('00:30');
    expect(createDateFormatters({ locale: 'en-GB', timeZone: 'Europe/London' }).time(instant)).toBe('23:30');
  });
});
