import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEMO_BARCODES } from '../../src-main/core/demo/seed-demo-store';
import { MAX_BODY_BYTES } from '../../src-main/web-host/http-server';
import { RPC_SOCKET_PATH } from '../../src-main/web-host/rpc-socket';
import { databaseDigest, type CoreFixture } from '../support/core-fixture';
import { inProcessWebHost, type InProcessWebHost } from '../support/in-process-web-host';

// The web host's WebSocket for contract calls (src-main/web-host/rpc-socket.ts), over a real socket.

describe('web host RPC socket', () => {
  let web: InProcessWebHost;
  let fx: CoreFixture;
  let port: number;
  const open: WebSocket[] = [];

  /** Opens the socket as a page would; resolves with it open, or rejects with the refused status. */
  function connect(headers: Record<string, string> = { Origin: `http://127.0.0.1:${port}` }, path = RPC_SOCKET_PATH, host = `127.0.0.1:${port}`): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, { headers: { Host: host, ...headers } });
      open.push(ws);
      ws.once('open', () => resolve(ws));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  function call(ws: WebSocket, message: unknown): Promise<{ id: number | null; envelope: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }> {
    return new Promise((resolve) => {
      ws.once('message', (data) => resolve(JSON.parse(String(data))));
      ws.send(typeof message === 'string' ? message : JSON.stringify(message));
    });
  }

  beforeAll(async () => {
    web = await inProcessWebHost();
    ({ fx, port } = web);
  });
  afterAll(() => web.close(() => { for (const ws of open) ws.terminate(); }));

  it('answers calls with the same envelope as POST /rpc, matched by id, several on one socket', async () => {
    const ws = await connect();
    const scanned = await call(ws, { id: 7, method: 'cart.scan', input: { barcode: DEMO_BARCODES.milk } });
    expect(scanned).toMatchObject({ id: 7, envelope: { ok: true, value: { lines: [{ quantity: 1 }] } } });
    expect(await call(ws, { id: 8, method: 'cart.explode', input: {} })).toMatchObject({ id: 8, envelope: { ok: false, error: { code: 'UNKNOWN_METHOD' } } });
    expect(await call(ws, { id: 9, method: 'cart.scan', input: { barcode: 42 } })).toMatchObject({ id: 9, envelope: { ok: false, error: { code: 'INVALID_INPUT' } } });
    const cleared = await call(ws, { id: 10, method: 'cart.get' });
    expect(cleared).toMatchObject({ id: 10, envelope: { ok: true, value: { lines: [{ quantity: 1 }] } } });
  });

  it('refuses a handshake from another site, without an Origin, with a foreign Host, or on another path, and changes nothing', async () => {
    const before = databaseDigest(fx.local);
    await expect(connect({ Origin: 'https://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(connect({})).rejects.toThrow('HTTP 403');
    await expect(connect({ Origin: `http://evil.example:${port}` }, RPC_SOCKET_PATH, `evil.example:${port}`)).rejects.toThrow('HTTP 403');
    await expect(connect(undefined, '/somewhere-else')).rejects.toThrow('HTTP 404');
    expect(databaseDigest(fx.local)).toBe(before);
  });

  it('answers malformed messages with INVALID_INPUT and closes on one over the size limit, changing nothing', async () => {
    const before = databaseDigest(fx.local);
    const ws = await connect();
    expect(await call(ws, 'not json')).toMatchObject({ id: null, envelope: { ok: false, error: { code: 'INVALID_INPUT' } } });
    expect(await call(ws, { id: 'x', method: 'cart.clear', input: {} })).toMatchObject({ id: null, envelope: { ok: false, error: { code: 'INVALID_INPUT' } } });
    expect(await call(ws, { id: 3, input: {} })).toMatchObject({ id: 3, envelope: { ok: false, error: { code: 'INVALID_INPUT' } } });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(JSON.stringify({ id: 4, method: 'cart.scan', input: { barcode: 'x'.repeat(MAX_BODY_BYTES) } }));
    expect(await closed).toBe(1009);
    expect(databaseDigest(fx.local)).toBe(before);
  });

  /** An event stream as a page opens it (`EventSource`); collects its `cart.changed` payloads. */
  async function cartEvents(query: string): Promise<{ carts: Array<{ lines: Array<{ quantity: number }> }>; stop(): void }> {
    const abort = new AbortController();
    const response = await fetch(`http://127.0.0.1:${port}/events${query}`, { signal: abort.signal });
    const reader = response.body!.getReader();
    const carts: Array<{ lines: Array<{ quantity: number }> }> = [];
    let buffered = '';
    const connected = new Promise<void>((resolve) => {
      void (async () => {
        for (;;) {
          const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
          if (chunk.done) return;
          buffered += new TextDecoder().decode(chunk.value);
          if (buffered.includes(': connected')) resolve();
          let end: number;
          while ((end = buffered.indexOf('\n\n')) >= 0) {
            const block = buffered.slice(0, end);
            buffered = buffered.slice(end + 2);
            if (block.startsWith('event: cart.changed\n')) carts.push(JSON.parse(block.slice(block.indexOf('data: ') + 6)));
          }
        }
      })();
    });
    await connected;
    return { carts, stop: () => abort.abort() };
  }

  it("leaves out of a page's event stream the cart its own socket call just answered, and nothing else", async () => {
    const page = '0193f3a2-7c1e-7d4b-9a55-2b1f6e0c9d11';
    const own = await cartEvents(`?page=${page}`);
    const other = await cartEvents('');
    try {
      const ws = await connect(undefined, `${RPC_SOCKET_PATH}?page=${page}`);
      const scanned = await call(ws, { id: 1, method: 'cart.clear' });
      expect(scanned.envelope.ok).toBe(true);
      const added = await call(ws, { id: 2, method: 'cart.scan', input: { barcode: DEMO_BARCODES.milk } });
      expect(added.envelope).toMatchObject({ ok: true, value: { lines: [{ quantity: 1 }] } });
      // A change this page did not make (a scanner read in main, another page): it must reach the page.
      const elsewhere = await fetch(`http://127.0.0.1:${port}/rpc/cart.scan`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ barcode: DEMO_BARCODES.milk }),
      }).then((r) => r.json() as Promise<{ value: unknown }>);
      await expect.poll(() => other.carts.length).toBe(3);
      // The other page (no id) got all three carts; this page only the one it was not answered.
      expect(other.carts.map((c) => c.lines.map((l) => l.quantity))).toEqual([[], [1], [2]]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(own.carts).toEqual([elsewhere.value]);
    } finally {
      own.stop();
      other.stop();
    }
  });
});
