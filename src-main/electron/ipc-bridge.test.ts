import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../src-shared/contract';
import type { Logger } from '../core/deps';
import { createEventForwarder, createInvokeHandler, type BoundDispatch } from './ipc-bridge';
import type { SenderFrame } from './ipc-sender-policy';

const frame = (url: string, parent: SenderFrame | null = null): SenderFrame => ({ url, parent });

function setup(dispatchImpl?: BoundDispatch) {
  const main = frame('app://tillpoint/index.html');
  const warnings: Array<[string, Record<string, unknown> | undefined]> = [];
  const errors: string[] = [];
  const logger: Logger = { info: () => {}, warn: (m, f) => warnings.push([m, f]), error: (m) => errors.push(m) };
  const dispatch = vi.fn<BoundDispatch>(dispatchImpl ?? (async (method, input) => ({ ok: true, value: { method, input } })));
  const handle = createInvokeHandler({ mainFrame: () => main, dispatch, logger });
  return { main, handle, dispatch, warnings, errors };
}

describe('createInvokeHandler', () => {
  it('dispatches a call from our main frame and returns its envelope', async () => {
    const { main, handle, dispatch } = setup();
    const result = await handle({ senderFrame: main }, 'cart.get', {});
    expect(result).toEqual({ ok: true, value: { method: 'cart.get', input: {} } });
    expect(dispatch).toHaveBeenCalledWith('cart.get', {});
  });

  it('refuses a subframe with an error envelope, logs it and never dispatches', async () => {
    const { main, handle, dispatch, warnings } = setup();
    const result = await handle({ senderFrame: frame('app://tillpoint/index.html', main) }, 'sale.complete', {});
    expect(result).toMatchObject({ ok: false, error: { message: 'call refused: sender is a subframe' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(warnings).toEqual([['ipc call refused', { reason: 'sender is a subframe', url: 'app://tillpoint/index.html', method: 'sale.complete' }]]);
  });

  it('refuses a foreign origin and a vanished frame', async () => {
    const { handle, dispatch } = setup();
    expect(await handle({ senderFrame: frame('https://evil.example/') }, 'cart.get', {})).toMatchObject({ ok: false });
    expect(await handle({ senderFrame: null }, 'cart.get', {})).toMatchObject({ ok: false });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('answers a non-string method with UNKNOWN_METHOD', async () => {
    const { main, handle, dispatch } = setup();
    expect(await handle({ senderFrame: main }, { toString: 1 }, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('turns a throwing dispatch into INTERNAL instead of a rejected invoke', async () => {
    const { main, handle, errors } = setup(async () => {
      throw new Error('boom');
    });
    const result: Envelope<unknown> = await handle({ senderFrame: main }, 'cart.get', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
    expect(errors).toEqual(['dispatch threw']);
  });
});

describe('createEventForwarder', () => {
  it('sends (name, payload) on the event channel', () => {
    const send = vi.fn();
    const forward = createEventForwarder('pos:event', () => ({ isDestroyed: () => false, send }));
    forward('cart.changed', { id: 'c1' });
    expect(send).toHaveBeenCalledWith('pos:event', 'cart.changed', { id: 'c1' });
  });

  it('drops events while there is no live window', () => {
    const send = vi.fn();
    createEventForwarder('pos:event', () => null)('cart.changed', {});
    createEventForwarder('pos:event', () => ({ isDestroyed: () => true, send }))('cart.changed', {});
    expect(send).not.toHaveBeenCalled();
  });
});
