import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The renderer is served from `app://tillpoint/…` rather than `file://`: a real origin for CSP
 * `'self'` and for the IPC sender check, a CSP response header (file:// has no headers), and no
 * reach into the rest of the disk. Electron's guidance:
 * https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols
 *
 * This module is plain Node (tested without Electron); main.ts registers the scheme as privileged
 * and hands `createAppProtocolHandler(...)` to `protocol.handle`.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tillpoint';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True for `app://tillpoint` exactly: no other host, no port, no credentials. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Node's WHATWG URL reports origin "null" for non-special schemes, so compare the parts.
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/** The path of an `app://tillpoint` URL as written, before any dot-segment normalisation. */
const RAW_APP_PATH = /^app:\/\/tillpoint(?<path>[^?#]*)/i;

/**
 * Maps a request URL to a file under `rootDir`, or `null` when it must not be served: another
 * origin, an undecodable path, a NUL byte or backslash, a `..` segment written plainly or encoded
 * (`%2e%2e`, `..%2f`), or anything else that resolves outside `rootDir`. `/` (or no path) and any
 * path ending in `/` mean `index.html`.
 *
 * The raw path is read, not `URL.pathname`: the URL parser silently folds `/../` and `/%2e%2e/`
 * into the root, and a request that tries to climb out is refused rather than quietly re-aimed.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  const raw = RAW_APP_PATH.exec(requestUrl)?.groups?.['path'];
  if (raw === undefined) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(raw);
  } catch {
    return null;
  }
  // No NUL, no backslash (a separator on Windows, never in a Vite build), no `..` segment.
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname.split('/').includes('..')) return null;
  if (pathname === '') pathname = '/';
  if (pathname.endsWith('/')) pathname += 'index.html';
  const root = resolve(rootDir);
  const target = resolve(root, `.${pathname}`);
  const rel = relative(root, target);
  // Second line of defence. Contained means: not the root itself, not `..` or `../…`, not on another drive (Windows).
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return target;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface AppProtocolOptions {
  /** The built renderer (`dist/renderer`). */
  readonly rootDir: string;
  /** Sent as `Content-Security-Policy` on every response, errors included. */
  readonly csp: string;
  /** Injected for tests; the default reads the disk (Electron's fs also reads inside app.asar). */
  readonly read?: (path: string) => Promise<Uint8Array<ArrayBuffer>>;
}

/** The `protocol.handle('app', …)` handler: GET and HEAD of files under `rootDir`, nothing else. */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const read = options.read ?? ((path: string) => readFile(path));
  const baseHeaders = {
    'Content-Security-Policy': options.csp,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  const status = (code: number, text: string): Response =>
    new Response(text, { status: code, headers: { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return status(405, 'method not allowed');
    const path = resolveAppPath(options.rootDir, request.url);
    if (path === null) return status(404, 'not found');
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await read(path);
    } catch {
      return status(404, 'not found');
    }
    const headers = { ...baseHeaders, 'Content-Type': contentTypeFor(path), 'Cache-Control': 'no-cache' };
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
