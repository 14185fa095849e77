import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BARCODES } from '../../src-main/core/demo/seed-demo-store';
import { MAX_BODY_BYTES } from '../../src-main/web-host/http-server';
import { databaseDigest, type CoreFixture } from '../support/core-fixture';
import { inProcessWebHost, type InProcessWebHost } from '../support/in-process-web-host';

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** Raw HTTP, so tests can send the Host and Origin headers a browser on another site would. */
function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('web host over HTTP', () => {
  let web: InProcessWebHost;
  let fx: CoreFixture;
  let port: number;
  const host = () => ({ Host: `127.0.0.1:${port}` });
  const rpc = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    send(port, { method: 'POST', path: `/rpc/${method}`, headers: { ...host(), 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

  beforeAll(async () => {
    web = await inProcessWebHost();
    ({ fx, port } = web);
  });
  afterAll(() => web.close());

  it('serves the renderer with the CSP and security headers', async () => {
    const reply = await send(port, { path: '/', headers: host() });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-security-policy']).toContain("default-src 'none'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect((await send(port, { path: '/../../etc/passwd', headers: host() })).status).toBe(404);
  });

  it('answers the contract with the envelope', async () => {
    const reply = await rpc('cart.scan', { barcode: DEMO_BARCODES.milk });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { lines: [{ quantity: 1 }] } });
    expect(JSON.parse((await rpc('cart.explode', {})).body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('refuses a foreign Host (DNS rebinding) or Origin (drive-by page) and changes nothing', async () => {
    const before = databaseDigest(fx.local);
    const rebinding = await rpc('cart.scan', { barcode: DEMO_BARCODES.bread }, { Host: `evil.example:${port}` });
    expect(rebinding.status).toBe(403);
    const driveBy = await rpc('cart.scan', { barcode: DEMO_BARCODES.bread }, { Origin: 'https://evil.example' });
    expect(driveBy.status).toBe(403);
    expect((await send(port, { path: '/', headers: { Host: 'evil.example' } })).status).toBe(403);
    expect(databaseDigest(fx.local)).toBe(before);
  });

  it('refuses non-JSON posts, oversized bodies, bad JSON and GET on /rpc', async () => {
    const before = databaseDigest(fx.local);
    const form = await send(port, { method: 'POST', path: '/rpc/cart.clear', headers: { ...host(), 'Content-Type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    const big = await rpc('catalog.search', { query: 'x'.repeat(MAX_BODY_BYTES) });
    expect(big.status).toBe(413);
    const bad = await send(port, { method: 'POST', path: '/rpc/cart.clear', headers: { ...host(), 'Content-Type': 'application/json' }, body: '{nope' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Request body is not valid JSON' } });
    expect((await send(port, { path: '/rpc/cart.clear', headers: host() })).status).toBe(405);
    expect(databaseDigest(fx.local)).toBe(before);
  });

  it('streams core events as server-sent events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/events', headers: host() }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes('event: cart.changed')) { req.destroy(); resolve(text); }
        });
      });
      req.on('error', (error) => { if (!String(error).includes('socket hang up')) reject(error); });
      req.end();
      setTimeout(() => rpc('cart.scan', { barcode: DEMO_BARCODES.eggs }), 100);
    });
    const text = await received;
    const data = text.split('\n').find((line) => line.startsWith('data: '));
    expect(JSON.parse(data!.slice(6))).toMatchObject({ lines: expect.any(Array) });
  });
});
