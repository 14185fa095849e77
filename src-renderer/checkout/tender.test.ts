import { describe, expect, it } from 'vitest';
import { quickCashAmounts, svgDataUrl, tenderState } from './tender';

describe('quickCashAmounts', () => {
  it('suggests the next notes above the total', () => {
    expect(quickCashAmounts(1230, 'EUR', 2)).toEqual([1500, 2000, 5000, 10000]);
    expect(quickCashAmounts(4720, 'GBP', 2)).toEqual([5000, 6000]);
    expect(quickCashAmounts(6720, 'GBP', 2)).toEqual([7000, 8000, 10000]);
  });

  it('never suggests the exact total (the Exact button does) or less', () => {
    expect(quickCashAmounts(2000, 'EUR', 2)).toEqual([2500, 3000, 4000, 5000]);
    for (const amount of quickCashAmounts(2000, 'EUR', 2)) expect(amount).toBeGreaterThan(2000);
  });

  it('works for zero-digit and unknown currencies', () => {
    expect(quickCashAmounts(1500, 'JPY', 0)).toEqual([2000, 5000, 10000]);
    expect(quickCashAmounts(999, 'XYZ', 2)).toEqual([1000, 2000, 5000, 10000]);
  });
});

describe('tenderState', () => {
  it('computes change in integers', () => {
    expect(tenderState('20', 1230, 'en-GB', 2)).toMatchObject({ changeMinor: 770, shortMinor: null, canComplete: true });
    expect(tenderState('12,30', 1230, 'fr-FR', 2)).toMatchObject({ changeMinor: 0, canComplete: true });
  });

  it('says what is still due and refuses to complete when short or invalid', () => {
    expect(tenderState('10', 1230, 'en-GB', 2)).toMatchObject({ changeMinor: null, shortMinor: 230, canComplete: false });
    expect(tenderState('abc', 1230, 'en-GB', 2)).toMatchObject({ parsed: { ok: false, reason: 'invalid' }, canComplete: false });
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
