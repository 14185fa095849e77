import { describe, expect, it } from 'vitest';
import { countTotal } from '../../src-shared/cash/denominations';
import { countedMinor, MAX_PIECES, piecesOf, toCashCount } from './count';

describe('cash count grid', () => {
  it('turns the grid into the contract count, zeros dropped, largest first', () => {
    expect(toCashCount({ 100: 3, 2000: 1, 50: 0, 5: 7 })).toEqual([
      { valueMinor: 2000, count: 1 },
      { valueMinor: 100, count: 3 },
      { valueMinor: 5, count: 7 },
    ]);
  });

  it('totals exactly like the core does', () => {
    const counts = { 5000: 2, 2000: 1, 1000: 3, 200: 4, 1: 9, 2: 13 };
    expect(countedMinor(counts)).toBe(countTotal('GBP', toCashCount(counts)));
    expect(countedMinor(counts)).toBe(10000 + 2000 + 3000 + 800 + 9 + 26);
  });

  it('reads typed counts as digits only and bounds them', () => {
    expect(piecesOf('')).toBe(0);
    expect(piecesOf('12')).toBe(12);
    expect(piecesOf('1a2')).toBe(12);
    expect(piecesOf('-4')).toBe(4);
    expect(piecesOf('99999999')).toBe(MAX_PIECES);
  });
});
