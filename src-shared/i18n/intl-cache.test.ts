import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat } from './intl-cache';

describe('Intl formatter cache', () => {
  it('reuses one formatter per locale and options, and keeps them apart otherwise', () => {
    const pounds = numberFormat('en-GB', { style: 'currency', currency: 'GBP' });
    expect(numberFormat('en-GB', { style: 'currency', currency: 'GBP' })).toBe(pounds);
    expect(numberFormat('en-GB', { style: 'currency', currency: 'EUR' })).not.toBe(pounds);
    expect(numberFormat('fr-FR', { style: 'currency', currency: 'GBP' })).not.toBe(pounds);
    expect(pounds.format(12.5)).toBe('£12.50');
    expect(numberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(12.5)).toBe('12,50\u00a0€');
  });

  it('formats dates in the time zone it was made for', () => {
    const at = new Date('2026-11-23T23:30:00Z');
    expect(dateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(at)).toBe('23:30');
    expect(dateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(at)).toBe('00:30');
  });
});
