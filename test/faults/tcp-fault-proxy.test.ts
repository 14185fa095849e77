import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpFaultProxy, type TcpFaultProxy } from '../support/tcp-fault-proxy';

/** The proxy itself, against a tiny HTTP server that counts the requests it handled. */
let backend: Server;
let backendPort: number;
let handled = 0;
const BIG = 'x'.repeat(64 * 1024);

beforeAll(async () => {
  backend = createServer((req, res) => {
    handled += 1;
    const body = req.url === '/big' ? BIG : JSON.stringify({ hello: 'world', path: req.url });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  backendPort = (backend.address() as { port: number }).port;
});
afterAll(async () => {
  backend.closeAllConnections();
  await new Promise((resolve) => backend.close(resolve));
});

async function withProxy(test: (proxy: TcpFaultProxy) => Promise<void>): Promise<void> {
  const proxy = await startTcpFaultProxy({ targetPort: backendPort });
  try {
    await test(proxy);
  } finally {
    await proxy.close();
  }
}

const get = (proxy: TcpFaultProxy, path: string, timeoutMs = 2_000) =>
  fetch(new URL(path, proxy.url), { signal: AbortSignal.timeout(timeoutMs) });

describe('tcp fault proxy', () => {
  it('passes requests through, and refuses a target that is not loopback', async () => {
    await withProxy(async (proxy) => {
      const response = await get(proxy, '/a');
      expect(await response.json()).toEqual({ hello: 'world', path: '/a' });
    });
    await expect(startTcpFaultProxy({ targetPort: backendPort, targetHost: '10.0.0.1' })).rejects.toThrow(/loopback/);
  });

  it('delays answers by the configured time', async () => {
    await withProxy(async (proxy) => {
      proxy.setMode({ kind: 'delay', ms: 150, jitterMs: 20 });
      const started = Date.now();
      expect((await get(proxy, '/slow')).status).toBe(200);
      // Request and answer are each held back at least 130 ms.
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    });
  });

  it('drops new connections: the request fails and never reaches the server', async () => {
    await withProxy(async (proxy) => {
      const before = handled;
      proxy.setMode({ kind: 'drop' });
      await expect(get(proxy, '/dropped')).rejects.toThrow();
      expect(handled).toBe(before);
      expect(proxy.stats.dropped).toBeGreaterThan(0);
    });
  });

  it('cuts the answer midway after the server handled the request', async () => {
    await withProxy(async (proxy) => {
      const before = handled;
      proxy.setMode({ kind: 'cut', afterBytes: 1_000 });
      await expect(get(proxy, '/big').then((response) => response.text())).rejects.toThrow();
      expect(handled).toBe(before + 1);
      expect(proxy.stats.cut).toBe(1);
    });
  });

  it('faults only the requests it was told to, on a keep-alive connection that carries others too', async () => {
    await withProxy(async (proxy) => {
      proxy.setMode({ kind: 'cut', afterBytes: 10, paths: ['/big'] });
      const before = handled;
      for (let i = 0; i < 3; i++) expect((await get(proxy, `/fine-${i}`)).status).toBe(200);
      await expect(get(proxy, '/big').then((response) => response.text())).rejects.toThrow();
      expect(handled).toBe(before + 4);
      expect(proxy.stats.answerLost).toEqual({ '/big': 1 });
      proxy.setMode({ kind: 'http503', forward: true, probability: 0 });
      await new Promise((resolve) => setTimeout(resolve, 50)); // the client notices its pooled connection was closed
      expect((await get(proxy, '/never')).status).toBe(200);
    });
  });

  it('answers 503 itself, or after forwarding (the server handled it, the client hears 503)', async () => {
    await withProxy(async (proxy) => {
      const before = handled;
      proxy.setMode({ kind: 'http503' });
      const own = await get(proxy, '/x');
      expect(own.status).toBe(503);
      expect(await own.json()).toMatchObject({ error: { code: 'INTERNAL' } });
      expect(handled).toBe(before);
      proxy.setMode({ kind: 'http503', forward: true });
      expect((await get(proxy, '/y')).status).toBe(503);
      expect(handled).toBe(before + 1);
    });
  });

  it('blackholes: no answer until the client gives up; switching mode resets the stuck connection', async () => {
    await withProxy(async (proxy) => {
      proxy.setMode({ kind: 'blackhole' });
      await expect(get(proxy, '/void', 300)).rejects.toThrow(/abort|timeout/i);
      const stuck = get(proxy, '/void', 5_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
      proxy.setMode({ kind: 'pass' });
      await expect(stuck).rejects.toThrow();
      expect((await get(proxy, '/after')).status).toBe(200);
    });
  });

  it('switches target to another loopback port', async () => {
    const other = createServer((_req, res) => res.end('other'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      await withProxy(async (proxy) => {
        proxy.setTarget((other.address() as { port: number }).port);
        expect(await (await get(proxy, '/')).text()).toBe('other');
      });
    } finally {
      other.closeAllConnections();
      await new Promise((resolve) => other.close(resolve));
    }
  });
});
