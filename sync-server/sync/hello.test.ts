import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideEpoch } from './hello';

describe('decideEpoch (E = terminal epoch, L = its last seq, M = server max epoch, S = server seq in E)', () => {
  it('ok when both sides hold the same history', () => {
    expect(decideEpoch(1, 10, 1, 10)).toEqual({ action: 'ok', installEpoch: 1, cloneSuspected: false });
  });
  it('replay when the terminal holds more than the server (pending, or a server restored from backup)', () => {
    expect(decideEpoch(1, 12, 1, 10)).toEqual({ action: 'replay', installEpoch: 1, cloneSuspected: false });
  });
  it('newEpoch when the terminal database is an old copy', () => {
    expect(decideEpoch(1, 5, 1, 10)).toEqual({ action: 'newEpoch', installEpoch: 2, cloneSuspected: false });
  });
  it('accepts a higher epoch the terminal moved to by itself', () => {
    expect(decideEpoch(3, 0, 2, 0)).toEqual({ action: 'ok', installEpoch: 3, cloneSuspected: false });
  });
  it('suspects a clone when an old epoch grows history after the identity moved on', () => {
    expect(decideEpoch(1, 15, 2, 10)).toEqual({ action: 'newEpoch', installEpoch: 3, cloneSuspected: true });
    expect(decideEpoch(1, 10, 2, 10)).toEqual({ action: 'newEpoch', installEpoch: 3, cloneSuspected: false });
  });
  it('never hands out an epoch the server has already seen, and never asks a terminal to go back', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 50 }), fc.nat(100), fc.integer({ min: 1, max: 50 }), fc.nat(100), (e, l, m, s) => {
      const d = decideEpoch(e, l, m, s);
      if (d.action === 'newEpoch') expect(d.installEpoch).toBeGreaterThan(Math.max(e, m));
      else expect(d.installEpoch).toBe(e);
      expect(d.installEpoch).toBeGreaterThanOrEqual(e);
    }));
  });
});
