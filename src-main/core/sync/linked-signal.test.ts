import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { dependantsOf } from '../../../test/support/abort-dependants';
import { linkSignals } from './linked-signal';

describe('linkSignals', () => {
  it('aborts with the reason of whichever source aborts first', () => {
    const a = new AbortController();
    const b = new AbortController();
    const link = linkSignals([a.signal, b.signal]);
    expect(link.signal.aborted).toBe(false);
    b.abort(new Error('woken'));
    expect(link.signal.aborted).toBe(true);
    expect((link.signal.reason as Error).message).toBe('woken');
    a.abort(new Error('later'));
    expect((link.signal.reason as Error).message).toBe('woken');
    expect(getEventListeners(a.signal, 'abort')).toHaveLength(0);
  });

  it('is aborted at once when a source already is', () => {
    const a = new AbortController();
    a.abort('stopped');
    const link = linkSignals([new AbortController().signal, a.signal]);
    expect(link.signal.aborted).toBe(true);
    expect(link.signal.reason).toBe('stopped');
    link.dispose();
  });

  it('leaves nothing on a long-lived source once disposed (AbortSignal.any keeps every composite)', () => {
    const stop = new AbortController();
    for (let i = 0; i < 1_000; i++) {
      const link = linkSignals([stop.signal, new AbortController().signal]);
      link.signal.addEventListener('abort', () => undefined);
      link.dispose();
    }
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
    expect(dependantsOf(stop.signal)).toBe(0);
    // What the helper replaces: each observed composite stays in the source's dependants.
    for (let i = 0; i < 10; i++) AbortSignal.any([stop.signal, new AbortController().signal]).addEventListener('abort', () => undefined);
    expect(dependantsOf(stop.signal)).toBe(10);
  });

  it('after dispose, a source aborting no longer reaches the linked signal', () => {
    const a = new AbortController();
    const link = linkSignals([a.signal]);
    link.dispose();
    link.dispose();
    a.abort();
    expect(link.signal.aborted).toBe(false);
  });
});
