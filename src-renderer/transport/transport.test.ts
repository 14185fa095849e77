import { describe, expect, it } from 'vitest';
import type { PosBridge } from '../../src-shared/contract/bridge';
import { CallError, createClient } from './client';
import { createHttpTransport, type EventSourceLike } from './http-transport';
import { pickTransport } from './pick-transport';

type Listener = (message: { data: string }) => void;

class FakeEventSource implements EventSourceLike {
  readonly listeners = new Map<string, Set<Listener>>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: Listener): void {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
  }
  removeEventListener(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener);
  }
  emit(type: string, data: string): void {
    for (const listener of this.listeners.get(type) ?? []) listener({ data });
  }
}

const emptyCart = { id: 'c1', lines: [], totals: { itemCount: 0, subtotalMinor: 0, taxMinor: 0, totalMinor: 0, taxes: [] }, lastLineId: null };

function httpClient(respond: (url: string, init: RequestInit) => Promise<Response>) {
  const requests: { url: string; init: RequestInit }[] = [];
  const sources: FakeEventSource[] = [];
  const transport = createHttpTransport({
    fetch: (url, init) => {
      requests.push({ url, init });
      return respond(url, init);
    },
    openEvents: (url) => {
      const source = new FakeEventSource(url);
      sources.push(source);
      return source;
    },
  });
  return { client: createClient(transport), requests, sources };
}

describe('HTTP transport + client', () => {
  it('POSTs the input as JSON to /rpc/<method> and unwraps ok: true', async () => {
    const { client, requests } = httpClient(async () => Response.json({ ok: true, value: emptyCart }));
    await expect(client.call('cart.scan', { barcode: '3017620422003' })).resolves.toEqual(emptyCart);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe('/rpc/cart.scan');
    expect(requests[0]?.init.method).toBe('POST');
    expect(JSON.parse(String(requests[0]?.init.body))).toEqual({ barcode: '3017620422003' });
  });

  it('throws a CallError carrying the domain code on ok: false (HTTP 200)', async () => {
    const { client } = httpClient(async () =>
      Response.json({ ok: false, error: { code: 'BARCODE_NOT_FOUND', message: 'No product has barcode 123' } }),
    );
    const error = await client.call('cart.scan', { barcode: '123' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallError);
    expect(error).toMatchObject({ code: 'BARCODE_NOT_FOUND', message: 'No product has barcode 123', method: 'cart.scan' });
  });

  it('turns a non-200 status, a network failure and a non-envelope body into INTERNAL', async () => {
    const status = httpClient(async () => new Response('boom', { status: 502, statusText: 'Bad Gateway' }));
    await expect(status.client.call('cart.get', {})).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('HTTP 502') });

    const network = httpClient(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(network.client.call('cart.get', {})).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('Failed to fetch') });

    const garbage = httpClient(async () => new Response('<html>', { status: 200 }));
    await expect(garbage.client.call('cart.get', {})).rejects.toMatchObject({ code: 'INTERNAL' });

    const wrongShape = httpClient(async () => Response.json({ hello: 1 }));
    await expect(wrongShape.client.call('cart.get', {})).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('delivers named server-sent events to listeners over one EventSource, until unsubscribed', () => {
    const { client, sources } = httpClient(async () => Response.json({ ok: true, value: null }));
    const received: unknown[] = [];
    const stopCart = client.on('cart.changed', (cart) => received.push(['cart', cart.id]));
    client.on('sale.completed', (sale) => received.push(['sale', sale.receiptNo]));
    expect(sources).toHaveLength(1);
    expect(sources[0]?.url).toBe('/events');
    sources[0]?.emit('cart.changed', JSON.stringify(emptyCart));
    sources[0]?.emit('sale.completed', JSON.stringify({ id: 's', receiptNo: 'T01-1-7', createdAt: '', totalMinor: 1, itemCount: 1 }));
    sources[0]?.emit('cart.changed', 'not json');
    stopCart();
    sources[0]?.emit('cart.changed', JSON.stringify(emptyCart));
    expect(received).toEqual([
      ['cart', 'c1'],
      ['sale', 'T01-1-7'],
    ]);
  });
});

describe('pickTransport', () => {
  const bridge: PosBridge = {
    invoke: async () => ({ ok: false, error: { code: 'CART_EMPTY', message: 'empty' } }),
    on: () => () => undefined,
    version: '0.1.0',
  };
  const noFetch = () => Promise.reject(new Error('fetch must not be used'));

  it('prefers window.pos and passes its envelopes through the client', async () => {
    const picked = pickTransport({ pos: bridge, fetch: noFetch });
    expect(picked.kind).toBe('bridge');
    await expect(createClient(picked.transport).call('sale.complete', { cartId: 'c', payments: [] })).rejects.toMatchObject({ code: 'CART_EMPTY' });
  });

  it('falls back to HTTP when there is no bridge', async () => {
    let called = '';
    const picked = pickTransport({
      pos: { invoke: 'not a function' },
      fetch: async (url) => {
        called = url;
        return Response.json({ ok: true, value: [] });
      },
    });
    expect(picked.kind).toBe('http');
    await expect(createClient(picked.transport).call('sale.listRecent', {})).resolves.toEqual([]);
    expect(called).toBe('/rpc/sale.listRecent');
  });

  it('reports a rejected bridge invoke as INTERNAL', async () => {
    const failing: PosBridge = { ...bridge, invoke: () => Promise.reject(new Error('IPC closed')) };
    await expect(createClient(pickTransport({ pos: failing, fetch: noFetch }).transport).call('cart.get', {})).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('IPC closed'),
    });
  });
});
