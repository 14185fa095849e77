import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { PosBridge } from '../../src-shared/contract/bridge';
import { POS_EVENT_CHANNEL, POS_INVOKE_CHANNEL } from '../../src-shared/contract/channels';
import { exposePosBridge, versionFromArgv, type ContextBridgePort, type IpcRendererPort } from './expose-pos-bridge';

/** An ipcRenderer stand-in: `emit` plays main sending on a channel. */
class FakeIpcRenderer extends EventEmitter implements IpcRendererPort {
  readonly invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ ok: true, value: 'pong' }));
}

function expose(version = '1.0.0') {
  const exposed = new Map<string, unknown>();
  const contextBridge: ContextBridgePort = { exposeInMainWorld: (key, api) => exposed.set(key, api) };
  const ipc = new FakeIpcRenderer();
  exposePosBridge(contextBridge, ipc, version);
  return { exposed, ipc, pos: exposed.get('pos') as PosBridge };
}

describe('exposePosBridge', () => {
  it('exposes window.pos with exactly invoke, on and version', () => {
    const { exposed, pos } = expose('2.5.0');
    expect([...exposed.keys()]).toEqual(['pos']);
    expect(Object.keys(pos).sort()).toEqual(['invoke', 'on', 'version']);
    expect(pos.version).toBe('2.5.0');
  });

  it('never hands out ipcRenderer', () => {
    const { ipc, pos } = expose();
    for (const value of Object.values(pos)) expect(value).not.toBe(ipc);
  });

  it('invoke forwards (method, input) on pos:invoke and returns the envelope', async () => {
    const { ipc, pos } = expose();
    await expect(pos.invoke('cart.scan', { barcode: '4006381333931' })).resolves.toEqual({ ok: true, value: 'pong' });
    expect(ipc.invoke).toHaveBeenCalledWith(POS_INVOKE_CHANNEL, 'cart.scan', { barcode: '4006381333931' });
  });

  it('on delivers only the named event, without the IPC event object', () => {
    const { ipc, pos } = expose();
    const listener = vi.fn();
    pos.on('sale.completed', listener);
    ipc.emit(POS_EVENT_CHANNEL, { sender: ipc }, 'cart.changed', { id: 'cart-1' });
    expect(listener).not.toHaveBeenCalled();
    ipc.emit(POS_EVENT_CHANNEL, { sender: ipc }, 'sale.completed', { id: 'sale-1' });
    expect(listener).toHaveBeenCalledOnce();
    expect(listener).toHaveBeenCalledWith({ id: 'sale-1' });
  });

  it('listens on pos:event only', () => {
    const { ipc, pos } = expose();
    const listener = vi.fn();
    pos.on('cart.changed', listener);
    ipc.emit('pos:other', {}, 'cart.changed', {});
    expect(listener).not.toHaveBeenCalled();
    expect(ipc.eventNames()).toEqual([POS_EVENT_CHANNEL]);
  });

  it('the returned function unsubscribes', () => {
    const { ipc, pos } = expose();
    const listener = vi.fn();
    const off = pos.on('cart.changed', listener);
    expect(ipc.listenerCount(POS_EVENT_CHANNEL)).toBe(1);
    off();
    expect(ipc.listenerCount(POS_EVENT_CHANNEL)).toBe(0);
    ipc.emit(POS_EVENT_CHANNEL, {}, 'cart.changed', {});
    expect(listener).not.toHaveBeenCalled();
  });

  it('refuses a listener that is not a function', () => {
    const { pos } = expose();
    expect(() => pos.on('cart.changed', 'alert(1)' as unknown as () => void)).toThrow(TypeError);
  });
});

describe('versionFromArgv', () => {
  it('reads --pos-version= and is empty without it', () => {
    expect(versionFromArgv(['/opt/tillpoint/tillpoint', '--type=renderer', '--pos-version=0.1.0'])).toBe('0.1.0');
    expect(versionFromArgv(['/opt/tillpoint/tillpoint'])).toBe('');
  });
});
