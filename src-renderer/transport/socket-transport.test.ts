import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../src-shared/contract/index';
import { pickTransport } from './pick-transport';
import { createSocketTransport, type SocketLike } from './socket-transport';
import type { Transport } from './transport';

type Listener = (message: { data: unknown }) => void;

class FakeSocket implements SocketLike {
  readyState = 0;
  readonly sent: Array<{ id: number; method: string; input: unknown }> = [];
  private readonly listeners = new Map<string, Listener[]>();
  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  send(data: string): void {
    this.sent.push(JSON.parse(data) as { id: number; method: string; input: unknown });
  }
  fire(type: string, message?: { data: unknown }): void {
    if (type === 'open') this.readyState = 1;
    if (type === 'close') this.readyState = 3;
    for (const listener of this.listeners.get(type) ?? []) listener(message ?? { data: undefined });
  }
  answer(id: number | null, envelope: unknown): void {
    this.fire('message', { data: JSON.stringify({ id, envelope }) });
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const httpCalls: string[] = [];
  const timers: Array<{ run: () => void; ms: number }> = [];
  const fallback: Transport = {
    invoke: async (method) => {
      httpCalls.push(method);
      return { ok: true, value: 'over http' } as Envelope<never>;
    },
    on: () => () => undefined,
  };
  const transport = createSocketTransport({
    fallback,
    openSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    setTimeout: (run, ms) => timers.push({ run, ms }),
  });
  return { transport, sockets, httpCalls, timers };
}

describe('socket transport', () => {
  it('sends calls over HTTP until the socket is open, then over the socket, matching answers by id', async () => {
    const { transport, sockets, httpCalls } = setup();
    expect(await transport.invoke('cart.get', {})).toEqual({ ok: true, value: 'over http' });
    expect(httpCalls).toEqual(['cart.get']);

    const socket = sockets[0]!;
    socket.fire('open');
    const first = transport.invoke('cart.scan', { barcode: '5012345000213' });
    const second = transport.invoke('cart.get', {});
    expect(socket.sent).toEqual([
      { id: 1, method: 'cart.scan', input: { barcode: '5012345000213' } },
      { id: 2, method: 'cart.get', input: {} },
    ]);
    socket.answer(2, { ok: true, value: 'second' });
    socket.answer(1, { ok: false, error: { code: 'BARCODE_NOT_FOUND', message: 'No product' } });
    expect(await second).toEqual({ ok: true, value: 'second' });
    expect(await first).toEqual({ ok: false, error: { code: 'BARCODE_NOT_FOUND', message: 'No product' } });
    expect(httpCalls).toEqual(['cart.get']);
  });

  it('answers a call in flight with INTERNAL when the socket closes, never sends it again, and reconnects with backoff', async () => {
    const { transport, sockets, httpCalls, timers } = setup();
    sockets[0]!.fire('open');
    const inFlight = transport.invoke('sale.complete', { cartId: 'c1', payments: [] } as never);
    sockets[0]!.fire('close');
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('closed during sale.complete') } });
    expect(httpCalls).toEqual([]);
    // While closed, calls go over HTTP; a new socket is opened after the backoff.
    expect(await transport.invoke('cart.get', {})).toEqual({ ok: true, value: 'over http' });
    expect(timers.map((t) => t.ms)).toEqual([500]);
    timers[0]!.run();
    expect(sockets).toHaveLength(2);
    sockets[1]!.fire('close');
    expect(timers.map((t) => t.ms)).toEqual([500, 1000]);
  });

  it('turns an answer that is not an envelope into INTERNAL and ignores unknown ids and garbage', async () => {
    const { transport, sockets } = setup();
    sockets[0]!.fire('open');
    const call = transport.invoke('cart.get', {});
    sockets[0]!.fire('message', { data: 'not json' });
    sockets[0]!.answer(99, { ok: true, value: 'someone else' });
    sockets[0]!.answer(1, { nonsense: true });
    expect(await call).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: 'The till core sent an unexpected answer to cart.get' } });
  });

  it('is picked for a page served over http by a browser with WebSocket; plain HTTP otherwise', () => {
    const noFetch = async () => new Response('{}');
    class NoSocket {
      readyState = 0;
      addEventListener(): void {}
      send(): void {}
      constructor(readonly url: string) {
        opened.push(url);
      }
    }
    const opened: string[] = [];
    const picked = pickTransport({ fetch: noFetch, WebSocket: NoSocket as never, location: { host: '127.0.0.1:4321', protocol: 'http:' } });
    expect(picked.kind).toBe('socket');
    expect(opened).toEqual(['ws://127.0.0.1:4321/rpc-socket']);
    expect(pickTransport({ fetch: noFetch }).kind).toBe('http');
  });

  it("gives the page's socket and its event stream the same page id, so the host can leave out the echo of its answers", () => {
    const noFetch = async () => new Response('{}');
    const opened: string[] = [];
    class RecordingSocket {
      readyState = 0;
      addEventListener(): void {}
      send(): void {}
      constructor(readonly url: string) {
        opened.push(url);
      }
    }
    class RecordingEvents {
      addEventListener(): void {}
      removeEventListener(): void {}
      constructor(readonly url: string) {
        opened.push(url);
      }
    }
    const picked = pickTransport({
      fetch: noFetch, WebSocket: RecordingSocket as never, EventSource: RecordingEvents as never,
      location: { host: '127.0.0.1:4321', protocol: 'http:' }, crypto: { randomUUID: () => '0193f3a2-7c1e-7d4b-9a55-2b1f6e0c9d11' },
    });
    picked.transport.on('cart.changed', () => undefined);
    expect(opened).toEqual([
      'ws://127.0.0.1:4321/rpc-socket?page=0193f3a2-7c1e-7d4b-9a55-2b1f6e0c9d11',
      '/events?page=0193f3a2-7c1e-7d4b-9a55-2b1f6e0c9d11',
    ]);
  });
});
