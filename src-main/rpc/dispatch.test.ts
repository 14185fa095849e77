import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, DomainError, type Handlers } from '../../src-shared/contract';
import type { Logger } from '../core/deps';
import { dispatch } from './dispatch';

const logged: unknown[] = [];
const logger: Logger = { info: () => {}, warn: () => {}, error: (message, fields) => logged.push({ message, fields }) };
const base = { 'cart.get': async () => { throw new Error('disk on fire'); } } as unknown as Handlers;

describe('dispatch', () => {
  it('answers UNKNOWN_METHOD for a name outside the contract, including prototype names', async () => {
    for (const name of ['cart.explode', '__proto__', 'constructor', 'toString']) {
      const result = await dispatch(base, name, {}, { logger });
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('answers INVALID_INPUT with the field and the reason', async () => {
    const result = await dispatch(base, 'cart.setQuantity', { lineId: 'x', quantity: 0 }, { logger });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.message).toContain('quantity');
    }
  });

  it('keeps a DomainError code and message', async () => {
    const handlers = { 'cart.clear': async () => { throw new DomainError('CART_EMPTY', 'Nothing to clear'); } } as unknown as Handlers;
    expect(await dispatch(handlers, 'cart.clear', {}, { logger })).toEqual({ ok: false, error: { code: 'CART_EMPTY', message: 'Nothing to clear' } });
  });

  it('turns any other error into INTERNAL without leaking it, and logs the stack', async () => {
    logged.length = 0;
    const result = await dispatch(base, 'cart.get', {}, { logger });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!result.ok) expect(result.error.message).not.toContain('disk on fire');
    expect(JSON.stringify(logged)).toContain('disk on fire');
  });

  it('checks outputs against the contract when asked to', async () => {
    const handlers = { 'sale.listRecent': async () => [{ id: 1 }] } as unknown as Handlers;
    expect(await dispatch(handlers, 'sale.listRecent', {}, { logger, validateOutput: true })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(contract['sale.listRecent'].output).toBeInstanceOf(z.ZodType);
  });
});
