import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, contentTypeFor, createAppProtocolHandler, isAppUrl, resolveAppPath } from './app-protocol';

const root = join(tmpdir(), 'tillpoint-renderer');

describe('isAppUrl', () => {
  it('accepts our origin only', () => {
    expect(APP_ORIGIN).toBe('app://tillpoint');
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://tillpoint/')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('app://tillpoint:8080/index.html')).toBe(false);
    expect(isAppUrl('app://user:pw@tillpoint/index.html')).toBe(false);
    expect(isAppUrl('app://tillpoint.evil.example/')).toBe(false);
    expect(isAppUrl('https://tillpoint/index.html')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('resolveAppPath', () => {
  it('maps / and directories to index.html', () => {
    expect(resolveAppPath(root, 'app://tillpoint/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://tillpoint')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://tillpoint/assets/')).toBe(join(root, 'assets', 'index.html'));
  });

  it('maps files under the root, ignoring query and fragment', () => {
    expect(resolveAppPath(root, 'app://tillpoint/assets/index-abc.js?v=1#x')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppPath(root, 'app://tillpoint/a%20b.png')).toBe(join(root, 'a b.png'));
  });

  it.each([
    'app://tillpoint/../../etc/passwd',
    'app://tillpoint/%2e%2e/%2e%2e/etc/passwd',
    'app://tillpoint/%2E%2E/secret',
    'app://tillpoint/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://tillpoint/..%5c..%5cwindows%5cwin.ini',
    'app://tillpoint/%2e%2e',
    'app://tillpoint/..%2f',
  ])('refuses traversal: %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('refuses a NUL byte, a broken escape and another origin', () => {
    expect(resolveAppPath(root, 'app://tillpoint/index.html%00.png')).toBeNull();
    expect(resolveAppPath(root, 'app://tillpoint/%E0%A4%A')).toBeNull();
    expect(resolveAppPath(root, 'app://evil/index.html')).toBeNull();
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull();
  });

  it('does not let a sibling folder that shares the prefix through', () => {
    // `/tmp/tillpoint-renderer-evil` starts with `/tmp/tillpoint-renderer` as a string.
    expect(resolveAppPath(root, 'app://tillpoint/..%2ftillpoint-renderer-evil/x.js')).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('knows the files a Vite build emits', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
  });
});

describe('createAppProtocolHandler', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tillpoint-app-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Tillpoint</title>');
  writeFileSync(join(rendererDir, 'assets', 'main.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'do not serve');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const csp = "default-src 'none'";
  const handle = createAppProtocolHandler({ rootDir: rendererDir, csp });

  it('serves index.html for / with the CSP header', async () => {
    const response = await handle(new Request('app://tillpoint/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(csp);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Tillpoint</title>');
  });

  it('serves assets with their type', async () => {
    const response = await handle(new Request('app://tillpoint/assets/main.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers 404 with the CSP for traversal, missing files and directories', async () => {
    for (const url of ['app://tillpoint/%2e%2e/secret.txt', 'app://tillpoint/..%2fsecret.txt', 'app://tillpoint/missing.js', 'app://tillpoint/assets']) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy'), url).toBe(csp);
      expect(await response.text(), url).not.toContain('do not serve');
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handle(new Request('app://tillpoint/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
    expect(response.headers.get('content-security-policy')).toBe(csp);
  });

  it('answers HEAD without a body', async () => {
    const response = await handle(new Request('app://tillpoint/index.html', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});
